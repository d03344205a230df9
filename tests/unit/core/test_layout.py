"""The tests mirror the core: every module of streams/core has its test module here."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CORE = ROOT / "streams" / "core"
TESTS = ROOT / "tests" / "unit" / "core"
# Tested elsewhere: the stance rules and book (test_stance_rules.py, test_storyline_pure.py) and the
# evaluation (test_corpus_eval.py) move to their own package with the stance work.
ELSEWHERE = {"stance.py", "book.py", "eval.py"}


def test_every_core_module_has_a_test_module() -> None:
    missing = []
    for module in sorted(CORE.rglob("*.py")):
        if module.name == "__init__.py" or module.name in ELSEWHERE:
            continue
        rel = module.relative_to(CORE)
        expected = TESTS / rel.parent / f"test_{rel.name}"
        if not expected.exists():
            missing.append(str(expected.relative_to(ROOT)))
    assert missing == []
