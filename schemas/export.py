"""Write one JSON Schema file per topic and the AsyncAPI document of all topics:
`python -m schemas.export [--check]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from schemas import TOPIC_MODELS

OUT_DIR = Path(__file__).parent / "json"


def render(role: str) -> str:
    schema = TOPIC_MODELS[role].model_json_schema(mode="serialization")
    schema["$id"] = f"claimwatch/{role}.schema.json"
    schema["title"] = f"claimwatch {role} topic message"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (argv if argv is not None else sys.argv[1:])
    stale = []
    for role in TOPIC_MODELS:
        path = OUT_DIR / f"{role}.schema.json"
        text = render(role)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            OUT_DIR.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    from schemas.asyncapi import ASYNCAPI_PATH as ASYNCAPI
    from schemas.asyncapi import render as render_asyncapi

    text = render_asyncapi()
    if check:
        if not ASYNCAPI.exists() or ASYNCAPI.read_text(encoding="utf-8") != text:
            stale.append(ASYNCAPI.name)
    else:
        ASYNCAPI.write_text(text, encoding="utf-8")
    if stale:
        print("stale JSON Schema files (run python -m schemas.export):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
