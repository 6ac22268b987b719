"""Sense checks for cue words: the places where a cue's words do not mean what the cue means.

A cue such as ``\\bminerals?\\b`` is right in "critical minerals" and wrong in "mineral water"; a
cue for the rare-earth abbreviation ``\\bREEs?\\b`` is right in "REE processing" and wrong in the
surname of the economist Andreas Rees; "fell short" is a symbolic-outcome cue except when a figure
"fell short of the rate forecasters pencilled in". Rather than make every cue pattern carry its own
negative lookarounds, an :class:`Exclusions` set lists such wordings once, as data: a hit of a cue
is **vetoed** when an exclusion pattern's match overlaps it (covers it, or sits on part of it) in
the text searched. An exclusion applies to every cue label, or only to the labels it names (the
cue-group, frame or item names of the table it is given to).

The shipped exclusions are ``xivn/cues/data/cue_exclusions.toml`` (:data:`EXCLUSIONS_FILE`); a
user adds their own by writing a file of the same shape and loading both
(``load_exclusions("cue_exclusions.toml", "my_exclusions.toml")``). Each entry says why it is
there (``note``) and gives at least one ``examples`` sentence it must veto; the schema
(:data:`EXCLUSIONS_SCHEMA`) rejects a bad pattern or a misspelt field naming the entry, and
:func:`load_exclusions` rejects an entry that does not match its own examples.

Exclusions are given to a :class:`xivn.cues.engine.CueTable` (``CueTable(cues, exclusions=...)``)
and applied by :func:`xivn.cues.engine.find_hits`. Their patterns are
:class:`~xivn.cues.prefilter.CuePattern`\\ s, so an exclusion whose words a text lacks costs
nothing, and they are looked at only on a text where some cue hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from xivn.cues.datafiles import (
    REGEX,
    STRINGS,
    TEXT,
    Entries,
    ListOf,
    Schema,
    Table,
    compile_patterns,
    data_error,
    load_data_file,
)
from xivn.cues.prefilter import CuePattern, possible

EXCLUSIONS_FILE = "cue_exclusions.toml"

EXCLUSIONS_SCHEMA = Schema(
    EXCLUSIONS_FILE,
    Table(
        required={
            "exclusion": Entries(
                Table(
                    required={"pattern": REGEX, "note": TEXT, "examples": ListOf(TEXT, nonempty=True)},
                    optional={"labels": STRINGS},
                ),
                array=True,
            )
        }
    ),
)
"""An exclusions file: ``[[exclusion]]`` entries, each a ``pattern``, the ``note`` saying why,
``examples`` it must veto and optionally the cue ``labels`` it is limited to."""


@dataclass(frozen=True)
class Exclusion:
    """One sense check: hits overlapping a match of ``pattern`` are vetoed, for the cue ``labels``
    named (empty: every label). ``where`` names the entry (``file [exclusion.N]``)."""

    pattern: re.Pattern[str]
    labels: frozenset[str]
    note: str
    where: str

    def applies_to(self, label: str) -> bool:
        return not self.labels or label in self.labels


@dataclass(frozen=True)
class Exclusions:
    """An ordered set of :class:`Exclusion` entries and the files they came from."""

    entries: tuple[Exclusion, ...] = ()
    sources: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.entries)

    def __add__(self, other: Exclusions) -> Exclusions:
        return Exclusions(self.entries + other.entries, self.sources + other.sources)

    def spans(self, text: str) -> list[tuple[int, int, Exclusion]]:
        """``(start, end, exclusion)`` for every match of every exclusion in ``text`` (only the
        patterns whose required words the text holds are run)."""
        maybe = possible(text)
        found = []
        for entry in self.entries:
            pattern = entry.pattern
            if isinstance(pattern, CuePattern) and pattern.uid not in maybe:
                continue
            found.extend((m.start(), m.end(), entry) for m in pattern.finditer(text) if m.end() > m.start())
        return found

    def keep(self, text: str, hits: Iterable[tuple[int, int, str]], offset: int = 0) -> list[bool]:
        """For each ``(start, end, label)`` hit (offsets into ``text`` plus ``offset``), whether it
        stands: False when an exclusion's match overlaps it."""
        hits = list(hits)
        if not hits or not self.entries:
            return [True] * len(hits)
        spans = self.spans(text)
        return [
            not any(a < end - offset and start - offset < b and e.applies_to(label) for a, b, e in spans)
            for start, end, label in hits
        ]


NO_EXCLUSIONS = Exclusions()


def load_exclusions(*names_or_paths: str | Path) -> Exclusions:
    """Read exclusions files in order (a bare name means the copy shipped with xivn; none given:
    the shipped :data:`EXCLUSIONS_FILE`) and join their entries.

    Raises :class:`~xivn.errors.DataFileError` naming the file and entry for a missing file, a
    field that does not fit :data:`EXCLUSIONS_SCHEMA`, or an entry whose pattern misses one of its
    own ``examples``.
    """
    exclusions = NO_EXCLUSIONS
    for name_or_path in names_or_paths or (EXCLUSIONS_FILE,):
        exclusions += _read(name_or_path)
    return exclusions


def _read(name_or_path: str | Path) -> Exclusions:
    data = load_data_file(name_or_path, EXCLUSIONS_SCHEMA)
    file = Path(name_or_path).name
    entries = []
    for number, entry in enumerate(data["exclusion"], start=1):
        where = f"exclusion.{number}"
        (pattern,) = compile_patterns([entry["pattern"]], where=f"{file} [{where}.pattern]")
        for example in entry["examples"]:
            if not pattern.search(example):
                raise data_error(file, f"{where}.examples", f"the pattern does not match its example {example!r}")
        entries.append(Exclusion(pattern, frozenset(entry.get("labels", [])), entry["note"], f"{file} [{where}]"))
    return Exclusions(tuple(entries), (file,))
