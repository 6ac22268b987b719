"""Cue matching: the spans of a text that lists of regular expressions recognise.

The one matching engine of xivn's rule-based extraction, driven by editable cue lists: the trade
cues, the rare-earth claim cues, the deal taxonomy and status cues, and the framing dictionaries
all match through it. Patterns come from data files compiled with
:func:`xivn.cues.datafiles.compile_patterns`. A pattern with a group named ``m`` reports only that
group as the hit: the rest of the match is context that must be present but is not the mention.
Empty matches are never hits. A cue list used on many texts is best held as a :class:`CueTable`,
which runs on each text only the patterns whose required words it holds (:mod:`xivn.cues.prefilter`).

Sense checks: a :class:`CueTable` made with ``exclusions`` (:mod:`xivn.cues.exclusions`, an editable
data file) drops every hit that an exclusion's match overlaps, so "mineral water" is no mineral
claim and "Andreas Rees" no rare-earth abbreviation, whatever cue list the words would match.

:func:`find_hits` lists every match; one of three rules then picks among overlapping hits:
:func:`resolve_overlaps` (lower rank, then the longer hit wins, wherever it starts),
:func:`leftmost_longest` (read left to right, the longest hit at each start), or the same with
``overlapping=True`` (only hits inside another are dropped). :func:`nearest` and :func:`closest`
choose the hit that speaks for a position.

Offsets are relative to the text searched plus an optional ``offset``, so hits found inside a
sentence can be reported as offsets into the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from xivn.cues.exclusions import NO_EXCLUSIONS, Exclusions
from xivn.cues.prefilter import CuePattern, possible, runnable

MENTION_GROUP = "m"


@dataclass(frozen=True)
class Hit:
    """One cue match: ``text[start:end]`` was recognised as ``label`` (rank: lower wins overlaps)."""

    start: int
    end: int
    label: str
    rank: int = 0

    def overlaps(self, other: Hit) -> bool:
        return self.start < other.end and other.start < self.end


def match_spans(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """The non-empty matches of one pattern in ``text`` as ``(start, end)`` (its ``m`` group when it
    has one), in text order."""
    group = MENTION_GROUP if MENTION_GROUP in pattern.groupindex else 0
    for match in pattern.finditer(text):
        start, end = match.span(group)
        if end > start:
            yield start, end


class CueTable(Mapping[str, tuple[re.Pattern[str], ...]]):
    """Labelled cue patterns (``{label: patterns}``, read-only) indexed for :func:`find_hits`.

    On a text only the patterns that :func:`xivn.cues.prefilter.possible` allows are looked at, found
    through the patterns' numbers rather than by visiting every pattern: a cue list of hundreds
    of patterns costs a set intersection per text. Build one once per cue list and reuse it.
    ``exclusions`` veto the hits they overlap (:mod:`xivn.cues.exclusions`); none by default.
    """

    def __init__(
        self, cues: Mapping[str, Sequence[re.Pattern[str]]], *, exclusions: Exclusions = NO_EXCLUSIONS
    ) -> None:
        self._cues = {label: tuple(patterns) for label, patterns in cues.items()}
        self.exclusions = exclusions
        self._entries: list[tuple[str, re.Pattern[str]]] = []
        self._by_uid: dict[int, list[int]] = {}
        self._plain: list[int] = []  # patterns not made by compile_patterns: always run
        for label, patterns in self._cues.items():
            for pattern in patterns:
                index = len(self._entries)
                self._entries.append((label, pattern.compiled if isinstance(pattern, CuePattern) else pattern))
                if isinstance(pattern, CuePattern):
                    self._by_uid.setdefault(pattern.uid, []).append(index)
                else:
                    self._plain.append(index)
        self._uids = frozenset(self._by_uid)

    def __getitem__(self, label: str) -> tuple[re.Pattern[str], ...]:
        return self._cues[label]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cues)

    def __len__(self) -> int:
        return len(self._cues)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (_rebuilt, (self._cues, self.exclusions))  # rebuilt where unpickled: pattern numbers are per process

    def runnable(self, text: str) -> list[tuple[str, re.Pattern[str]]]:
        """``(label, compiled pattern)`` for the patterns that can match ``text``, in table order."""
        found = self._uids & possible(text)
        if not found and not self._plain:
            return []
        indices = sorted([*self._plain, *(i for uid in found for i in self._by_uid[uid])])
        return [self._entries[i] for i in indices]


def _rebuilt(cues: Mapping[str, Sequence[re.Pattern[str]]], exclusions: Exclusions) -> CueTable:
    return CueTable(cues, exclusions=exclusions)


def find_hits(
    text: str,
    cues: Mapping[str, Sequence[re.Pattern[str]]],
    *,
    offset: int = 0,
    ranks: Mapping[str, int] | None = None,
) -> list[Hit]:
    """Every match of every label's patterns (overlapping hits included), sorted by position,
    except those the table's exclusions veto.

    ``cues`` is best a :class:`CueTable` made once; any other mapping is indexed on each call."""
    table = cues if isinstance(cues, CueTable) else CueTable(cues)
    ranks = ranks or {}
    hits = []
    for label, pattern in table.runnable(text):
        rank = ranks.get(label, 0)
        hits.extend(Hit(start + offset, end + offset, label, rank) for start, end in match_spans(pattern, text))
    if hits and table.exclusions:
        stands = table.exclusions.keep(text, ((h.start, h.end, h.label) for h in hits), offset)
        hits = [hit for hit, kept in zip(hits, stands, strict=True) if kept]
    return sorted(hits, key=lambda h: (h.start, h.end, h.label))


def in_order(cues: Mapping[str, object]) -> dict[str, int]:
    """Ranks that make the earlier label of ``cues`` win a tie (for ``find_hits(ranks=...)``)."""
    return {label: rank for rank, label in enumerate(cues)}


def resolve_overlaps(hits: Iterable[Hit]) -> list[Hit]:
    """Keep non-overlapping hits: lower rank first, then the longer match, then the earlier one."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.rank, h.start - h.end, h.start, h.label)):
        if not any(hit.overlaps(other) for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


def leftmost_longest(hits: Iterable[Hit], *, overlapping: bool = False) -> list[Hit]:
    """Hits read left to right, the longest at each start (same span: lower rank, then label).

    A hit that overlaps the last one kept is dropped ("critical minerals" hides "minerals"); with
    ``overlapping``, only a hit lying inside it is, so two cues that share a word both count. The
    hits kept are in text order.
    """
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end, h.rank, h.label)):
        # sorted by start, longest first: a hit lies inside an earlier kept one only if inside the last
        if not kept or hit.start >= kept[-1].end or (overlapping and hit.end > kept[-1].end):
            kept.append(hit)
    return kept


def clause_spans(text: str, boundaries: Sequence[re.Pattern[str]], *, offset: int = 0) -> list[tuple[int, int]]:
    """Split ``text`` into clauses at the boundary patterns; each boundary starts a new clause."""
    cuts = sorted(
        {m.start() for pattern in runnable(boundaries, text) for m in pattern.finditer(text) if m.start() > 0}
    )
    edges = [0, *cuts, len(text)]
    return [(a + offset, b + offset) for a, b in pairwise(edges) if b > a]


def nearest(hits: Sequence[Hit], start: int, end: int, within: tuple[int, int]) -> Hit | None:
    """The hit inside ``within`` that overlaps ``start:end`` (a cue containing the words), else the
    nearest one ending before ``start``, else the nearest one starting after ``end``."""
    low, high = within
    inside = [h for h in hits if h.start >= low and h.end <= high]
    covering = [h for h in inside if h.start < end and start < h.end]
    if covering:
        return covering[0]
    before = [h for h in inside if h.end <= start]
    if before:
        return max(before, key=lambda h: h.end)
    after = [h for h in inside if h.start >= end]
    return min(after, key=lambda h: h.start) if after else None


def closest(hits: Iterable[Hit], position: int) -> Hit | None:
    """The hit nearest a character position, whichever side it is on (0 when it contains the
    position; ties: the earlier hit), or None when there are no hits."""

    def distance(hit: Hit) -> int:
        return 0 if hit.start <= position <= hit.end else min(abs(hit.start - position), abs(hit.end - position))

    return min(hits, key=lambda h: (distance(h), h.start), default=None)
