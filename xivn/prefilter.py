"""Skipping regular expressions that cannot match a text, by a word every match must contain.

The cue lists of the data files hold hundreds of patterns (frames, stance markers, deal and
rare-earth cues, chrome cues), and every analysis runs each of them over each sentence. Python's
``re`` has no fast path for a case-insensitive pattern that opens with ``\\b``: it steps through
the text character by character, about 3 µs per pattern and sentence, which made cue matching
most of the cost of every analysis stage on a large corpus (profiles in benchmarks/README.md).

Most patterns contain a run of plain letters that any match must contain (``\\bdisput(?:e|ed)``
needs ``disput``). :class:`CuePattern` wraps a compiled pattern with that run, found once with
the standard library's own regular-expression parser, and answers ``search``, ``match``,
``fullmatch``, ``finditer`` and ``findall`` without running the engine when the run is absent from
the text (a substring test on a lower-cased copy, made once per text). Results are exactly those
of the compiled pattern: the run is only taken from the pattern's top-level sequence (not from an
alternative or an optional part), only ASCII letters, digits and punctuation count, and the text
is lower-cased with the two characters that ``re`` matches to an ASCII letter case-insensitively
but ``str.lower`` does not map to it (dotless ``ı``, long ``ſ``) folded first — a test checks
this on every Unicode code point. A pattern with no such run is always run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

MIN_LITERAL = 3
_CASELESS = str.maketrans({"ı": "i", "ſ": "s", "İ": "i"})  # İ: str.lower gives two characters


@lru_cache(maxsize=16)
def caseless(text: str) -> str:
    """``text`` lower-cased for the substring test (same length; cached for the last few texts)."""
    return text.translate(_CASELESS).lower()


def required_literal(pattern: re.Pattern[str]) -> str:
    """The longest run of ASCII characters (lower-cased) that every match of ``pattern`` contains,
    or "" when there is none of at least :data:`MIN_LITERAL` characters (or the pattern cannot be
    parsed)."""
    try:
        from re import _parser  # the parser re.compile itself uses

        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # any failure: no shortcut, the pattern always runs
        return ""
    runs, current = [], []
    for char in _sequence(parsed, _parser):
        if char is None:
            runs.append("".join(current))
            current = []
        else:
            current.append(char)
    runs.append("".join(current))
    best = max(runs, key=len)
    return best.lower() if len(best) >= MIN_LITERAL else ""


def _sequence(items: Any, parser: Any) -> Iterator[str | None]:
    """The characters of a parsed sequence that every match contains, in order; ``None`` marks
    anything else (which breaks a run). Groups without alternatives are entered."""
    literal, subpattern = parser.LITERAL, parser.SUBPATTERN
    for op, value in items:
        if op is literal and value < 128 and chr(value).isprintable():
            yield chr(value)
        elif op is subpattern and value[1] == 0 and value[2] == 0:
            yield None
            yield from _sequence(value[3], parser)
            yield None
        else:
            yield None


class CuePattern:
    """A compiled regular expression that skips texts lacking its :func:`required_literal`.

    Behaves as the wrapped ``re.Pattern`` (``compiled``); other attributes and methods are passed
    through to it unchanged.
    """

    __slots__ = ("compiled", "flags", "groupindex", "literal", "pattern")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.literal = required_literal(compiled)
        self.pattern, self.flags, self.groupindex = compiled.pattern, compiled.flags, compiled.groupindex

    # the test (is the literal in the text?) is written out in each method: these run millions of
    # times on a large corpus, and a shared helper would add a call to each
    def search(self, string: str, *args: int) -> re.Match[str] | None:
        if self.literal and self.literal not in caseless(string):
            return None
        return self.compiled.search(string, *args)

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        if self.literal and self.literal not in caseless(string):
            return None
        return self.compiled.match(string, *args)

    def fullmatch(self, string: str, *args: int) -> re.Match[str] | None:
        if self.literal and self.literal not in caseless(string):
            return None
        return self.compiled.fullmatch(string, *args)

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]:
        if self.literal and self.literal not in caseless(string):
            return iter(())
        return self.compiled.finditer(string, *args)

    def findall(self, string: str, *args: int) -> list[Any]:
        if self.literal and self.literal not in caseless(string):
            return []
        return self.compiled.findall(string, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __reduce__(self) -> tuple[type, tuple[re.Pattern[str]]]:
        return (CuePattern, (self.compiled,))

    def __eq__(self, other: object) -> bool:
        return self.compiled == (other.compiled if isinstance(other, CuePattern) else other)

    def __hash__(self) -> int:
        return hash(self.compiled)

    def __repr__(self) -> str:
        return f"CuePattern({self.compiled!r})"
