"""Which documents a notebook analyses: those about the event by default, and a word on the rest.

Every notebook takes an ``event`` (a profile, :func:`~xivn.event.load_event`) and a ``scope``
parameter and starts with :func:`select`: the corpus cut to the documents the scope admits, the
scope table of every document, and sentences that say what was analysed and what was left out and
why (:meth:`Selection.summary` under the title, :meth:`Selection.left_out_sentence` in the bottom
line, joined to it with :func:`with_scope`). Scopes, widest last:

- ``event``: documents about the event (verdict ``in_scope``);
- ``pair``: documents that name the event's two countries together (``in_scope`` or ``pair_only``);
- ``all``: every document read (everything but ``not_read``).

The ``copies`` parameter decides what a story republished by several outlets counts for: ``all``
analyses every copy, ``once`` keeps one text per syndication group
(:attr:`~xivn.corpus.Corpus.syndication`): its source when the scope admits it, else the first
admitted copy in corpus order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from xivn.corpus import Corpus
from xivn.cues.countries import country_name
from xivn.display.markdown import Markdown
from xivn.display.wording import counted, name_list, verb
from xivn.errors import ParameterError
from xivn.event.profile import EventProfile
from xivn.event.scope import VERDICTS, scope_table

SCOPES = {
    "event": ("in_scope",),
    "pair": ("in_scope", "pair_only"),
    "all": ("in_scope", "pair_only", "other_pair", "no_pair"),
}
"""The verdicts each ``scope`` parameter value admits."""
WHAT_SCOPES_KEEP = {
    "event": ("is about {event}", "are about {event}"),
    "pair": ("names {pair} together", "name {pair} together"),
    "all": ("is read", "are read"),
}
"""What the documents a scope keeps are, for one document and for several."""
COPIES = ("all", "once")
COPY_COLUMNS = ["doc_id", "group_id", "kept"]
"""The values of the ``copies`` parameter."""


@dataclass(frozen=True)
class Selection:
    """The documents a notebook analyses (``corpus``), chosen from ``table`` (the scope table of
    every document loaded, :func:`~xivn.event.scope_table`) by ``scope`` for the event ``profile``,
    less the republished ``copies`` left out to count each story once."""

    corpus: Corpus
    table: pd.DataFrame
    profile: EventProfile
    scope: str
    copies: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=COPY_COLUMNS))
    """The copies left out under ``copies="once"``: ``doc_id`` and ``group_id`` (the group's source)."""

    @property
    def left_out(self) -> pd.DataFrame:
        """The scope rows of the documents not analysed, with their verdict and reason."""
        return self.table[~self.table["verdict"].isin(SCOPES[self.scope])].reset_index(drop=True)

    @property
    def pair(self) -> str:
        """The event's two countries in words: "China and Vietnam", "the United States and Vietnam"."""
        return f"{country_name(self.profile.visitor)} and {country_name(self.profile.host)}"

    def what(self, n: int) -> str:
        """What ``n`` analysed documents are, with the verb: "are about Xi Jinping's state visit to
        Vietnam", "names China and Vietnam together"."""
        one, many = WHAT_SCOPES_KEEP[self.scope]
        return (one if n == 1 else many).format(event=self.profile.name, pair=self.pair)

    def reasons(self) -> str:
        """Why the documents left out were left out, counted by verdict: "2 name China and Vietnam
        but not the state visit and 1 names no two countries together" ("" when none was)."""
        left, profile = self.left_out, self.profile
        phrases = {
            "not_read": ("is", "are", "in a language the analyses do not read"),
            "pair_only": ("names", "name", f"{self.pair} but not the {profile.kind}"),
            "other_pair": ("names", "name", "only other countries together"),
            "no_pair": ("names", "name", "no two countries together"),
        }
        counts = [(int((left["verdict"] == v).sum()), phrases[v]) for v in VERDICTS if v in phrases]
        parts = [f"{n:,} {verb(n, one, many)} {what}" for n, (one, many, what) in counts if n]
        return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] if parts else ""

    def wider_scopes(self) -> str:
        """The scopes that take in more documents, quoted: '"pair" or "all"' ("" for the widest)."""
        return " or ".join(f'"{scope}"' for scope in list(SCOPES)[list(SCOPES).index(self.scope) + 1 :])

    def widen_hint(self) -> str:
        """How to analyse more documents, in brackets ("" when the scope is already the widest)."""
        wider = self.wider_scopes()
        return f"(the `scope` parameter {wider} takes in more)" if wider else ""

    def copies_sentence(self) -> str:
        """How many republished copies were left out to count each story once ("" when none was)."""
        n = len(self.copies)
        if not n:
            return ""
        return (
            f"{counted(n, 'copy', 'copies')} of a story another analysed text also carries "
            f'{verb(n, "was", "were")} left out (`copies` "once"; "all" analyses every copy).'
        )

    def left_out_sentence(self) -> str:
        """For a bottom line: how many documents were left out and why ("" when none was)."""
        left = len(self.left_out)
        scoped = (
            _sentence(
                f"{counted(left, 'document')} of {len(self.table):,} {verb(left, 'was', 'were')} left out:",
                self.reasons(),
                self.widen_hint(),
            )
            if left
            else ""
        )
        return " ".join(part for part in (scoped, self.copies_sentence()) if part)

    def summary(self) -> Markdown:
        """The sentence under a notebook's title: the event, its dates and places, how many
        documents are analysed, and how many were left out and why."""
        profile = self.profile
        event = f"Event: **{profile.name}**, {event_dates(profile)}, {name_list(profile.places)}."
        total, kept, left = len(self.table), len(self.corpus), len(self.left_out)
        if total == 0:
            found = "The corpus holds no document."
        elif kept == 0:
            found = f"No document of the {total:,} loaded {self.what(1)}: {self.reasons()}."
            found += " " + _sentence("Every table below is empty", self.widen_hint())
        elif left == 0:
            found = f"{'The' if total == 1 else 'All'} {counted(total, 'document')} {self.what(total)}."
        else:
            found = _sentence(
                f"{kept:,} of {counted(total, 'document')} {self.what(kept)}; {left:,} {verb(left, 'was', 'were')}",
                f"left out: {self.reasons()}",
                self.widen_hint(),
            )
        return Markdown(" ".join(part for part in (event, found, self.copies_sentence()) if part))


def _sentence(*parts: str) -> str:
    """Parts joined by spaces (empty ones left out) and closed with a full stop."""
    return " ".join(part for part in parts if part) + "."


def select(corpus: Corpus, profile: EventProfile, scope: str = "event", copies: str = "all") -> Selection:
    """The documents of ``corpus`` that ``scope`` admits for the event ``profile``, each
    republished story once when ``copies`` is "once" (see the module's docstring). Raises
    :class:`~xivn.errors.ParameterError` for an unknown scope or copies value."""
    if scope not in SCOPES:
        raise ParameterError(f"scope {scope!r} is not one of {', '.join(map(repr, SCOPES))}")
    if copies not in COPIES:
        raise ParameterError(f"copies {copies!r} is not one of {', '.join(map(repr, COPIES))}")
    table = scope_table(corpus, profile)
    kept = list(table.loc[table["verdict"].isin(SCOPES[scope]), "doc_id"])
    dropped = repeated_copies(corpus.syndication, kept) if copies == "once" else pd.DataFrame(columns=COPY_COLUMNS)
    chosen = [doc_id for doc_id in kept if doc_id not in set(dropped["doc_id"])]
    return Selection(corpus.subset(chosen), table, profile, scope, dropped)


def repeated_copies(syndication: pd.DataFrame, kept: list[str]) -> pd.DataFrame:
    """The documents of ``kept`` that repeat a story another kept document carries: per syndication
    group, all kept members but one (the source when kept, else the first kept in ``kept``'s
    order). Columns: ``doc_id``, ``group_id`` and ``kept`` (the member that stands for the group)."""
    order = {doc_id: n for n, doc_id in enumerate(kept)}
    members = syndication[syndication["doc_id"].isin(order)]
    rows = []
    for group_id, group in members.groupby("group_id", sort=False):
        ranked = sorted(group.itertuples(), key=lambda row: (not row.is_source, order[row.doc_id]))
        rows += [(row.doc_id, group_id, ranked[0].doc_id) for row in ranked[1:]]
    rows.sort(key=lambda row: order[row[0]])
    return pd.DataFrame(rows, columns=COPY_COLUMNS)


def with_scope(line: Markdown, selection: Selection) -> Markdown:
    """A bottom line followed by what the selection left out (unchanged when nothing was). When no
    document is left to analyse, the line says that instead of reporting on an empty corpus."""
    if len(selection.corpus) == 0 and len(selection.table):
        total = len(selection.table)
        wider = selection.wider_scopes()
        return Markdown(
            f"**Bottom line.** No document is analysed: no document of the {total:,} loaded"
            f" {selection.what(1)}; {selection.reasons()}."
            + (f" The `scope` parameter {wider} takes in more." if wider else "")
        )
    return Markdown(f"{line.data} {selection.left_out_sentence()}".strip())


def event_dates(profile: EventProfile) -> str:
    """The event's dates as prose: "12–13 December 2023", "30 November–2 December 2023",
    "31 December 2023–1 January 2024", "5 May 2024"."""
    start, end = profile.start, profile.end
    last = f"{end.day} {end:%B %Y}"
    if start == end:
        return last
    if start.year != end.year:
        return f"{start.day} {start:%B %Y}–{last}"
    if start.month != end.month:
        return f"{start.day} {start:%B}–{last}"
    return f"{start.day}–{last}"
