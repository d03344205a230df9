"""Log lines never carry raw control characters from untrusted text (ids, outlets, URLs, errors):
a newline in an article id must not forge a second log line, an escape sequence must not drive the
terminal. Every untrusted value the worker logs goes through `safe`."""

from __future__ import annotations

import re

# C0/C1 controls, DEL, line/paragraph separators, bidi overrides.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """Control characters as visible escapes (\\n, \\x1b, \\u2028)."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def safe(value: object, limit: int = 300) -> str:
    """An untrusted value for a log line or message: escaped and cut to `limit` characters."""
    text = escape(str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"
