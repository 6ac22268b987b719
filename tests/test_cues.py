"""The generic cue engine: mention groups, overlap resolution, clauses, nearest cue."""

from __future__ import annotations

import re

import pytest

from xivn.cues import Hit, clause_spans, find_hits, nearest, resolve_overlaps


def test_a_mention_group_reports_only_its_words():
    cues = {"minerals": [re.compile(r"\bdeal\b[^.]*?\b(?P<m>rare earths)", re.I)]}
    text = "No deal was unveiled on rare earths."
    (hit,) = find_hits(text, cues, offset=100)
    assert (hit.start, hit.end, text[hit.start - 100 : hit.end - 100]) == (124, 135, "rare earths")
    assert find_hits("Rare earths are mined here.", cues) == []  # the context is required


@pytest.mark.parametrize(
    ("hits", "kept"),
    [
        # the longer of two overlapping hits wins
        ([Hit(0, 7, "short"), Hit(0, 20, "long")], ["long"]),
        # a lower rank wins over a longer hit (a specific item over an area)
        ([Hit(0, 20, "area", rank=1), Hit(5, 9, "item", rank=0)], ["item"]),
        # hits that do not overlap are all kept, in text order
        ([Hit(10, 12, "b"), Hit(0, 3, "a")], ["a", "b"]),
    ],
)
def test_resolve_overlaps(hits, kept):
    assert [h.label for h in resolve_overlaps(hits)] == kept


def test_clause_spans_cut_at_boundaries():
    text = "No deal on rare earths, although Xi urged it; talks go on"
    boundaries = [re.compile(r";"), re.compile(r",\s+although\b")]
    spans = clause_spans(text, boundaries, offset=10)
    assert [text[a - 10 : b - 10] for a, b in spans] == [
        "No deal on rare earths",
        ", although Xi urged it",
        "; talks go on",
    ]


def test_nearest_prefers_the_cue_before_then_after():
    hits = [Hit(0, 5, "before"), Hit(30, 35, "after"), Hit(50, 55, "outside")]
    assert nearest(hits, 10, 20, (0, 40)).label == "before"
    assert nearest(hits[1:], 10, 20, (0, 40)).label == "after"
    assert nearest(hits[2:], 10, 20, (0, 40)) is None
