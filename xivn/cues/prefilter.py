"""Skipping regular expressions that cannot match a text, by a word every match must contain.

The cue lists of the data files hold hundreds of patterns (frames, stance markers, deal and
rare-earth cues, chrome cues), and every analysis runs each of them over each sentence. Python's
``re`` has no fast path for a case-insensitive pattern that opens with ``\\b``: it steps through
the text character by character, about 3 µs per pattern and sentence, which made cue matching
most of the cost of every analysis stage on a large corpus (profiles in benchmarks/README.md).

Most patterns contain a run of plain letters that any match must contain (``\\bdisput(?:e|ed)``
needs ``disput``), or one of several (``\\b(?:usd|yuan)\\b`` needs ``usd`` or ``yuan``).
:class:`CuePattern` wraps a compiled pattern with those runs, found once with the standard
library's own regular-expression parser. Every such word of every cue pattern in the process goes
into one Aho-Corasick automaton (pyahocorasick), so a single pass over a text tells which patterns
can match it at all (:func:`possible`, cached for the last few texts); :func:`runnable` gives the
patterns of a cue list worth running on a text, and a :class:`CuePattern` answers ``search``,
``match``, ``fullmatch``, ``finditer`` and ``findall`` without running the engine when it cannot
match. Results are exactly those of the compiled pattern: runs are taken only from what every
match passes through (not from an optional part, and from a choice only when every alternative has
one), only ASCII characters count, and the text is lower-cased with the two characters that ``re``
matches to an ASCII letter case-insensitively but ``str.lower`` does not map to it (dotless
``ı``, long ``ſ``) folded first — a test checks this on every Unicode code point. A pattern with
no such run always runs. Measured figures are in benchmarks/README.md.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import ahocorasick

MIN_LITERAL = 3
_CASELESS = str.maketrans({"ı": "i", "ſ": "s", "İ": "i"})  # İ: str.lower gives two characters


def caseless(text: str) -> str:
    """``text`` lower-cased for the required-word test (the three characters of ``_CASELESS``
    mapped first, only when present: ``str.translate`` is slow)."""
    if not text.isascii() and ("ı" in text or "ſ" in text or "İ" in text):
        text = text.translate(_CASELESS)
    return text.lower()


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-cased ASCII strings of which every match of ``pattern`` contains at least one: the
    longest run of literal characters of at least :data:`MIN_LITERAL` (``("disput",)``), else the
    runs of every alternative of a choice (``\\b(?:usd|yuan)\\b`` gives ``("usd", "yuan")``);
    ``()`` when there are none (or the pattern cannot be parsed)."""
    try:
        from re import _parser  # the parser re.compile itself uses

        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # any failure: no shortcut, the pattern always runs
        return ()
    return _options(parsed, _parser)


def _options(items: Any, parser: Any) -> tuple[str, ...]:
    """The most selective set of words of which every match of the parsed sequence holds one: of
    the runs of literal characters and the word sets of its required parts, the set whose shortest
    word is longest (then the longer words on average), since short words occur everywhere."""
    runs, current = [], []
    for char in _sequence(items, parser):
        if char is None:
            runs.append("".join(current))
            current = []
        else:
            current.append(char)
    runs.append("".join(current))
    choices = [(run.lower(),) for run in runs if len(run) >= MIN_LITERAL]
    repeats = (parser.MAX_REPEAT, parser.MIN_REPEAT, getattr(parser, "POSSESSIVE_REPEAT", None))
    for op, value in items:
        if op is parser.SUBPATTERN:
            choices.append(_options(value[3], parser))
        elif op is parser.BRANCH:
            alternatives = [_options(alternative, parser) for alternative in value[1]]
            choices.append(tuple(dict.fromkeys(s for a in alternatives for s in a)) if all(alternatives) else ())
        elif op in repeats and value[0] >= 1:  # repeated at least once: what it needs is needed
            choices.append(_options(value[2], parser))
    choices = [words for words in choices if words]
    return max(choices, key=lambda words: (min(map(len, words)), sum(map(len, words)) / len(words)), default=())


def _sequence(items: Any, parser: Any) -> Iterator[str | None]:
    """The characters of a parsed sequence that every match contains, in order; ``None`` marks
    anything else (which breaks a run). Groups without alternatives are entered."""
    literal, subpattern = parser.LITERAL, parser.SUBPATTERN
    for op, value in items:
        if op is literal and value < 128 and chr(value).isprintable():
            yield chr(value)
        elif op is subpattern:
            yield None
            yield from _sequence(value[3], parser)
            yield None
        else:
            yield None


class _Words:
    """The required words of every distinct cue pattern made in this process, and one automaton
    that finds all of them in a text. A pattern gets a number (``uid``) per distinct source and
    flags; patterns without required words are in ``always``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.uids: dict[tuple[str, int], int] = {}
        self.by_word: dict[str, set[int]] = {}
        self.always: set[int] = set()
        self.version = 0
        self.scanner: tuple[Any, tuple[frozenset[int], ...], frozenset[int]] | None = None

    def register(self, compiled: re.Pattern[str], literals: tuple[str, ...]) -> int:
        key = (compiled.pattern, compiled.flags)
        with self.lock:
            uid = self.uids.get(key)
            if uid is None:
                uid = self.uids[key] = len(self.uids)
                for word in literals:
                    self.by_word.setdefault(word, set()).add(uid)
                if not literals:
                    self.always.add(uid)
                self.version += 1
                self.scanner = None
            return uid

    def scan(self) -> tuple[Any, tuple[frozenset[int], ...], frozenset[int]]:
        """``(automaton or None, uids by word number, uids that always run)``, built when stale."""
        with self.lock:
            if self.scanner is None:
                automaton, uids = None, []
                if self.by_word:
                    automaton = ahocorasick.Automaton()
                    for number, (word, owners) in enumerate(self.by_word.items()):
                        automaton.add_word(word, number)
                        uids.append(frozenset(owners))
                    automaton.make_automaton()
                self.scanner = (automaton, tuple(uids), frozenset(self.always))
            return self.scanner


_WORDS = _Words()


def possible(text: str) -> frozenset[int]:
    """The ``uid`` of every cue pattern that can match ``text``: those whose required words occur
    in it (one pass of the automaton) and those without required words."""
    return _possible(text, _WORDS.version)


@lru_cache(maxsize=32)
def _possible(text: str, version: int) -> frozenset[int]:  # version: patterns made since are not missed
    automaton, uids, always = _WORDS.scan()
    if automaton is None:
        return always
    found = {number for _, number in automaton.iter(caseless(text))}
    return always.union(*(uids[number] for number in found))


def runnable(patterns: Iterable[re.Pattern[str]], text: str) -> list[re.Pattern[str]]:
    """The compiled patterns among ``patterns`` (in order) that can match ``text``: every
    :class:`CuePattern` whose required words occur, unwrapped, and any plain pattern."""
    maybe = possible(text)
    return [
        p.compiled if isinstance(p, CuePattern) else p
        for p in patterns
        if not isinstance(p, CuePattern) or p.uid in maybe
    ]


class CuePattern:
    """A compiled regular expression that skips texts lacking all of its :func:`required_literals`.

    Behaves as the wrapped ``re.Pattern`` (``compiled``); other attributes and methods are passed
    through to it unchanged.
    """

    __slots__ = ("compiled", "flags", "groupindex", "literals", "pattern", "uid")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.literals = required_literals(compiled)
        self.pattern, self.flags, self.groupindex = compiled.pattern, compiled.flags, compiled.groupindex
        self.uid = _WORDS.register(compiled, self.literals)

    def absent(self, text: str) -> bool:
        """True only when no match can exist anywhere in ``text``."""
        return self.uid not in possible(text)

    def search(self, string: str, *args: int) -> re.Match[str] | None:
        return None if self.absent(string) else self.compiled.search(string, *args)

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        return None if self.absent(string) else self.compiled.match(string, *args)

    def fullmatch(self, string: str, *args: int) -> re.Match[str] | None:
        return None if self.absent(string) else self.compiled.fullmatch(string, *args)

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]:
        return iter(()) if self.absent(string) else self.compiled.finditer(string, *args)

    def findall(self, string: str, *args: int) -> list[Any]:
        return [] if self.absent(string) else self.compiled.findall(string, *args)

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
