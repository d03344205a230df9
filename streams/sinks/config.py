"""The sinks file: where alerts are pushed, which ones, and how hard to try.

YAML shape::

    options:                 # optional
      max_backoff_s: 60
    sinks:
      - name: desk-webhook
        urls: ["json://hooks.example.org/claimwatch"]   # any apprise URL: json://, slack://,
        kinds: [CONTRADICTED, STANCE_REVERSAL]           #   mailto://, tgram://, discord://, ...
        parties: [russia]
        body: text                                       # text | markdown | json (the alert)

Unknown keys are refused (a typo must not silently widen a filter); every URL must be one
apprise understands; kinds must be alert kinds.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import apprise
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from schemas import ALERT_KINDS


class SinksConfigError(ValueError):
    pass


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PushOptions(_Strict):
    first_backoff_s: float = Field(1.0, gt=0, description="Wait after the first failed attempt.")
    max_backoff_s: float = Field(60.0, gt=0, description="Longest wait between two attempts.")
    max_attempts: int = Field(
        0,
        ge=0,
        description="Attempts per alert before it is parked and the sink moves on (0 = until delivered).",
    )
    timeout_s: float = Field(10.0, gt=0, description="Connect/read timeout of one attempt.")
    delivered_ttl_days: int = Field(60, ge=1, description="How long delivered alert ids are remembered.")


class SinkConfig(_Strict):
    name: str = Field(min_length=1, max_length=60)
    urls: list[str] = Field(min_length=1, description="apprise URLs (secrets stay in this file).")
    kinds: list[str] = Field(default_factory=list, description="Only these kinds (empty = all).")
    parties: list[str] = Field(
        default_factory=list, description="Only alerts involving one of these parties/actors (empty = all)."
    )
    min_severity: Literal["low", "medium", "high"] = "low"
    body: Literal["text", "markdown", "json"] = "text"
    from_beginning: bool = Field(
        False, description="A new sink starts at the oldest alert on the topic (default: at new ones)."
    )
    enabled: bool = True

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", value):
            raise ValueError("sink name: letters, digits, '.', '_' and '-' only")
        return value

    @field_validator("kinds")
    @classmethod
    def _kinds(cls, value: list[str]) -> list[str]:
        out = []
        for k in value:
            if k.upper() not in ALERT_KINDS:
                raise ValueError(f"unknown alert kind {k!r}; choose from {', '.join(ALERT_KINDS)}")
            out.append(k.upper())
        return out

    @field_validator("urls")
    @classmethod
    def _urls(cls, value: list[str]) -> list[str]:
        for n, url in enumerate(value):
            if apprise.Apprise.instantiate(url) is None:
                raise ValueError(f"urls[{n}] is not a URL apprise can notify (see apprise's URL list)")
        return value


class SinksFile(_Strict):
    options: PushOptions = Field(default_factory=PushOptions)
    sinks: list[SinkConfig] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> SinksFile:
        names = [s.name for s in self.sinks]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"sink name used twice: {', '.join(twice)}")
        return self

    @property
    def enabled(self) -> list[SinkConfig]:
        return [s for s in self.sinks if s.enabled]


def parse_sinks_yaml(text: str, *, source: str = "<string>") -> SinksFile:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise SinksConfigError(f"{source}: not valid YAML: {err}") from err
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise SinksConfigError(f"{source}: expected a mapping with a 'sinks' list")
    try:
        return SinksFile.model_validate(raw)
    except ValidationError as err:
        raise SinksConfigError(f"{source}: {err}") from err


def load_sinks_file(path: Path) -> SinksFile:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise SinksConfigError(f"cannot read sinks file {path}: {err}") from err
    return parse_sinks_yaml(text, source=str(path))
