from __future__ import annotations

from datetime import datetime

import pytest
from pydantic import ValidationError

from schemas import Article
from schemas.export import main as export_main


def test_committed_json_schemas_match_the_models() -> None:
    assert export_main(["--check"]) == 0


def test_wire_models_are_frozen_and_strict() -> None:
    a = Article(
        id="a",
        outlet="o",
        body="b",
        published_at=datetime.fromisoformat("2024-10-25T00:00:00+07:00"),
    )
    with pytest.raises(ValidationError):
        a.id = "b"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Article(id="a", outlet="o", body="b", published_at="2024-10-25T00:00:00+07:00", extra=1)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):  # event time without an offset is ambiguous
        Article(id="a", outlet="o", body="b", published_at=datetime(2024, 10, 25))
