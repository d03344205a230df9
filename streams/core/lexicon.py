"""Loads the lexicon and gazetteer data files (YAML) that drive the pure core.

Layout under streams/core/data/:
  actors.yaml, places.yaml, frames.yaml      language-independent gazetteers
  lang/<code>/*.yaml                         one folder per language; all files in it are merged

A user extends the data by editing these files or by pointing CW_LEXICON_DIR at a folder with
the same layout: its files are merged over the packaged ones (lists are appended, mappings merged),
and a new lang/<code>/ folder there adds a language.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from streams.core.caches import clear_all, memo

DATA_DIR = Path(__file__).parent / "data"


def _overlay_dirs() -> list[Path]:
    extra = os.environ.get("CW_LEXICON_DIR")
    return [DATA_DIR] + ([Path(extra)] if extra else [])


def merge(base: Any, extra: Any) -> Any:
    """Deep-merge: mappings merge key by key, lists append (deduplicated), scalars replace."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = merge(out[key], value) if key in out else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


def _read(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


@memo
def load_data(name: str) -> dict[str, Any]:
    """A top-level data file such as 'actors', merged over all overlay dirs."""
    merged: dict[str, Any] = {}
    for root in _overlay_dirs():
        path = root / f"{name}.yaml"
        if path.exists():
            merged = merge(merged, _read(path))
    return merged


@memo
def load_lang(code: str) -> dict[str, Any]:
    """All files of lang/<code>/ merged (every overlay dir); {} for an unknown language."""
    merged: dict[str, Any] = {}
    for root in _overlay_dirs():
        folder = root / "lang" / code
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                merged = merge(merged, _read(path))
    return merged


def languages() -> list[str]:
    codes: set[str] = set()
    for root in _overlay_dirs():
        folder = root / "lang"
        if folder.is_dir():
            codes.update(p.name for p in folder.iterdir() if p.is_dir())
    return sorted(codes)


def clear_caches() -> None:
    """Forget every loaded file and compiled lexicon, e.g. after CW_LEXICON_DIR changed."""
    clear_all()
