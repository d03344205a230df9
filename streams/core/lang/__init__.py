"""Language data compiled once: lexicon (pack), figures (numbers), time expressions (time)."""

from streams.core.lang.numbers import NumberRules, number_rules
from streams.core.lang.pack import Glue, LangPack, all_packs, get_pack
from streams.core.lang.time import TimeRules, time_rules

__all__ = [
    "Glue",
    "LangPack",
    "NumberRules",
    "TimeRules",
    "all_packs",
    "get_pack",
    "number_rules",
    "time_rules",
]
