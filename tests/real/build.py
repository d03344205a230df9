"""Turn a real-article set (sources + gold in the repo, texts in the local cache) into the two files
`claimwatch eval` reads, and score it.

    python -m tests.real.build score [SET ...] [--errors]   build and score (default: every set)
    python -m tests.real.build files SET OUTDIR             only write OUTDIR/{articles,gold}.jsonl

Scores are printed twice: over every gold claim and alert, and over the claims whose event is one
of the engine's frame events (what it was built to read before the general event vocabulary).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from streams.evaluation import FRAME_EVENTS
from tests.real.cache import cached_text, read_jsonl, sets, sources


class MissingTexts(RuntimeError):
    pass


def articles_of(set_name: str) -> list[dict[str, Any]]:
    out = []
    for src in sources(set_name):
        text = cached_text(set_name, src["id"])
        if text is None:
            raise MissingTexts(f"{set_name}/{src['id']} is not cached: see tests/real/README.md")
        title = text[src["title"][0] : src["title"][1]] if src.get("title") else None
        out.append(
            {
                "id": src["id"],
                "url": src["url"],
                "outlet": src["outlet"],
                "language": src["language"],
                "title": title,
                "body": text[src["body_start"] :],
                "published_at": src["published_at"],
            }
        )
    return out


def gold_of(set_name: str, frames_only: bool = False) -> list[dict[str, Any]]:
    rows = read_jsonl(Path(__file__).parent / set_name / "gold.jsonl")
    if not frames_only:
        return rows
    return [
        {
            **g,
            "claims": [c for c in g["claims"] if c["event"] in FRAME_EVENTS],
            "alerts": [a for a in g["alerts"] if a["event"] in FRAME_EVENTS],
        }
        for g in rows
    ]


def write_files(set_name: str, out: Path, frames_only: bool = False) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    gold, arts = out / "gold.jsonl", out / "articles.jsonl"
    gold.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold_of(set_name, frames_only)))
    arts.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles_of(set_name)))
    return gold, arts


def score(set_name: str, frames_only: bool = False) -> Any:
    from streams.evaluation import evaluate

    with tempfile.TemporaryDirectory() as tmp:
        gold, arts = write_files(set_name, Path(tmp), frames_only)
        return evaluate(gold, arts)


def main(argv: list[str]) -> int:
    from streams.evaluation import format_report

    if argv[:1] == ["files"] and len(argv) == 3:
        write_files(argv[1], Path(argv[2]))
        return 0
    if argv[:1] != ["score"]:
        print(__doc__, file=sys.stderr)
        return 2
    errors = "--errors" in argv
    names = [a for a in argv[1:] if not a.startswith("--")] or sets()
    for name in names:
        for frames_only in (False, True):
            report = score(name, frames_only)
            scope = "frame events only" if frames_only else "all claims"
            print(f"== {name} ({scope})\n{format_report(report, errors and not frames_only)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
