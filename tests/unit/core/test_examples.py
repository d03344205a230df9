"""The example sentences next to the language data (lang/<code>/examples.yaml) hold: each gives
exactly the claims it lists, so a rule's motivating example cannot go stale."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from streams.core.lexicon import languages, load_lang
from tests.unit.core.helpers import claims_of


def _examples() -> list[Any]:
    params = []
    for code in languages():
        for i, ex in enumerate(load_lang(code).get("examples") or []):
            marks = [pytest.mark.xfail(strict=True, reason="known miss")] if ex.get("known_miss") else []
            params.append(pytest.param(code, ex, id=f"{code}-{i:02d}-{ex['rule']}", marks=marks))
    return params


@pytest.mark.parametrize(("code", "example"), _examples())
def test_an_example_gives_exactly_its_claims(code: str, example: dict[str, Any]) -> None:
    want = Counter(tuple(c) for c in example["claims"])
    got = Counter(claims_of(example["text"], code))
    assert got == want, f"missing {sorted(want - got, key=str)}; extra {sorted(got - want, key=str)}"


@pytest.mark.parametrize("code", languages())
def test_every_glue_list_has_an_example(code: str) -> None:
    data = load_lang(code)
    covered = {ex["rule"] for ex in data.get("examples") or []}
    glue = data.get("glue") or {}
    assert [f"glue.{k}" for k, words in glue.items() if words and f"glue.{k}" not in covered] == []


@pytest.mark.parametrize("code", languages())
def test_every_example_names_a_rule_of_the_data(code: str) -> None:
    data = load_lang(code)
    for ex in data.get("examples") or []:
        node: Any = data
        for part in ex["rule"].split("."):
            assert isinstance(node, dict) and part in node, ex["rule"]
            node = node[part]
