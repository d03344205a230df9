"""The local, git-ignored cache of real article texts (see tests/real/README.md).

    python3 tests/real/cache.py missing [SET]      what still needs fetching (query + URL)
    python3 tests/real/cache.py put SET ID FILE|-  store a search result's excerpt for one article
    python3 tests/real/cache.py check [SET]        ok / missing / mismatch per article (exit 1 if not all ok)

Texts are normalised before hashing and storing, so gold spans refer to one stable form.
Standard library only: the tool runs before the project's venv exists.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

REAL_DIR = Path(__file__).resolve().parent
REPO_ROOT = REAL_DIR.parent.parent


def cache_root() -> Path:
    return Path(os.environ.get("CW_REAL_CACHE") or REPO_ROOT / ".cw" / "real-cache")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t\f\v\u00a0]+", " ", text)
    text = re.sub(r" +\n", "\n", text)
    text = re.sub(r"\n ", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sets() -> list[str]:
    return sorted(p.parent.name for p in REAL_DIR.glob("*/sources.jsonl"))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path.write_text(body, encoding="utf-8")


def sources(set_name: str) -> list[dict[str, Any]]:
    return read_jsonl(REAL_DIR / set_name / "sources.jsonl")


def cache_file(set_name: str, article_id: str) -> Path:
    return cache_root() / set_name / f"{article_id}.json"


def cached_text(set_name: str, article_id: str) -> str | None:
    path = cache_file(set_name, article_id)
    if not path.exists():
        return None
    return str(json.loads(path.read_text(encoding="utf-8"))["text"])


def status(set_name: str, src: dict[str, Any]) -> str:
    text = cached_text(set_name, src["id"])
    if text is None:
        return "missing"
    want = src.get("text_sha256")
    return "ok" if not want or sha256(text) == want else "mismatch"


def cmd_missing(names: list[str]) -> int:
    n = 0
    for s in names:
        for src in sources(s):
            if status(s, src) != "ok":
                n += 1
                print(f"{s} {src['id']}\n  query: {src['query']}\n  url:   {src['url']}")
    print(f"{n} article(s) to fetch", file=sys.stderr)
    return 0


def cmd_put(set_name: str, article_id: str, file: str) -> int:
    raw = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    text = normalise(raw)
    rows = sources(set_name)
    src = next((r for r in rows if r["id"] == article_id), None)
    if src is None:
        print(f"no source {article_id!r} in {set_name}/sources.jsonl", file=sys.stderr)
        return 2
    path = cache_file(set_name, article_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {"url": src["url"], "query": src["query"], "corpus": "pages", "text": text}
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    digest = sha256(text)
    if not src.get("text_sha256"):
        src["text_sha256"], src["chars"] = digest, len(text)
        write_jsonl(REAL_DIR / set_name / "sources.jsonl", rows)
        print(f"{article_id}: stored, new hash recorded ({len(text)} chars)")
        return 0
    ok = digest == src["text_sha256"]
    print(f"{article_id}: {'ok' if ok else 'MISMATCH (gold spans unreliable)'} ({len(text)} chars)")
    return 0 if ok else 1


def cmd_check(names: list[str]) -> int:
    bad = 0
    for s in names:
        for src in sources(s):
            st = status(s, src)
            bad += st != "ok"
            print(f"{s} {src['id']}: {st}")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"missing", "put", "check"}:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "put":
        if len(rest) != 3:
            print("usage: cache.py put SET ID FILE|-", file=sys.stderr)
            return 2
        return cmd_put(*rest)
    names = rest or sets()
    return cmd_missing(names) if cmd == "missing" else cmd_check(names)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
