"""The shared cue engine: mention groups, the three overlap rules, clauses, nearest and closest cue."""

from __future__ import annotations

import pickle
import re

import pytest

from xivn.cues.engine import (
    CueTable,
    Hit,
    clause_spans,
    closest,
    find_hits,
    in_order,
    leftmost_longest,
    match_spans,
    nearest,
    resolve_overlaps,
)


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


def test_empty_matches_are_never_hits():
    assert list(match_spans(re.compile(r"x*"), "axxb")) == [(1, 3)]


@pytest.mark.parametrize(
    ("hits", "overlapping", "kept"),
    [
        # the longest hit at the leftmost start wins, a later overlapping one is dropped
        ([Hit(4, 9, "minerals"), Hit(0, 9, "critical minerals"), Hit(8, 12, "later")], False, ["critical minerals"]),
        # with overlapping=True only the hit inside another goes ("minerals" inside "critical minerals")
        (
            [Hit(4, 9, "minerals"), Hit(0, 9, "critical minerals"), Hit(8, 12, "later")],
            True,
            ["critical minerals", "later"],
        ),
        # the same span twice: the lower rank wins, whatever the label says
        ([Hit(0, 5, "a", rank=1), Hit(0, 5, "b", rank=0)], False, ["b"]),
        # leftmost beats longest: unlike resolve_overlaps, the longer later hit loses
        ([Hit(0, 3, "ab"), Hit(1, 9, "bcdefgh")], False, ["ab"]),
    ],
)
def test_leftmost_longest(hits, overlapping, kept):
    assert [h.label for h in leftmost_longest(hits, overlapping=overlapping)] == kept


def test_in_order_ranks_make_the_earlier_label_win_a_tie():
    cues = {"zinc": [re.compile("ore")], "antimony": [re.compile("ore")]}
    (hit,) = leftmost_longest(find_hits("an ore", cues, ranks=in_order(cues)))
    assert hit.label == "zinc"  # file order, not the alphabet


def test_closest_takes_the_nearest_side_and_the_earlier_of_a_tie():
    hits = [Hit(0, 5, "left"), Hit(15, 20, "right")]
    assert closest(hits, 12).label == "right"
    assert closest(hits, 10).label == "left"  # 5 characters either way
    assert closest(hits, 3).label == "left"  # inside
    assert closest([], 3) is None


def _shipped_tables() -> dict[str, dict[str, tuple[re.Pattern[str], ...]]]:
    from xivn.deals import taxonomy
    from xivn.rare_earths import claims as rare_earths
    from xivn.trade import figures as trade

    cues, deal_cues = trade.trade_cues(), taxonomy.load_deal_cues()
    return {
        "deal items": dict(taxonomy.load_taxonomy().item_cues()),
        "deal status": dict(deal_cues.status),
        "rare-earth groups": dict(rare_earths.load_claims().cues),
        "countries": dict(cues.countries),
        "trade categories": dict(cues.categories),
    }


def test_a_cue_table_finds_exactly_what_visiting_every_pattern_finds(seeds):
    """The indexed path against the plain one (every pattern run on every sentence)."""
    texts = [*seeds.sentences["text"], "IT and 5G; MIIT signed the BRI deal: ſigned, ıt, İT."]
    for name, cues in _shipped_tables().items():
        table = CueTable(cues)
        assert dict(table) == {label: tuple(patterns) for label, patterns in cues.items()}, name
        ranks = {label: rank % 3 for rank, label in enumerate(cues)}
        for text in texts:
            plain = sorted(
                (Hit(a + 7, b + 7, label, ranks[label]) for label, patterns in cues.items()
                 for pattern in patterns for a, b in match_spans(pattern.compiled, text)),
                key=lambda h: (h.start, h.end, h.label),
            )  # fmt: skip
            assert find_hits(text, table, offset=7, ranks=ranks) == plain, (name, text)


def test_a_cue_table_runs_plain_patterns_always_and_is_rebuilt_when_unpickled():
    from xivn.cues.datafiles import compile_patterns

    (deal,) = compile_patterns([r"\bdeal\b"], where="test")
    table = CueTable({"deal": [deal], "digits": [re.compile(r"\d+")]})
    assert [label for label, _ in table.runnable("no match here")] == ["digits"]
    assert [label for label, _ in table.runnable("a deal of 2")] == ["deal", "digits"]
    copy = pickle.loads(pickle.dumps(table))
    assert (
        find_hits("a deal of 2", copy)
        == find_hits("a deal of 2", table)
        == [
            Hit(2, 6, "deal"),
            Hit(10, 11, "digits"),
        ]
    )


# --- exclusions: sense checks for cue words --------------------------------------------------------


def _table(exclusions):
    from xivn.cues.datafiles import compile_patterns

    cues = {
        "topic": compile_patterns([r"\bminerals?\b", r"\bREEs?\b", r"\brare\s+earths?\b"], where="test"),
        "symbolic_outcome": compile_patterns([r"\bfell\s+short\b"], where="test"),
    }
    return CueTable(cues, exclusions=exclusions)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Sales of mineral water rose.", []),
        ("The mineral-rich country courts miners.", []),
        ("Andreas Rees, an economist, said so.", []),  # a surname, not the abbreviation
        ("REEs and critical minerals were discussed.", ["REEs", "minerals"]),  # capitals: the abbreviation
        ("Mineral water aside, rare earths matter.", ["rare earths"]),  # only the overlapped hit goes
        ("Growth fell short of the 4.2% rate pencilled in by forecasters.", []),
        ("The visit fell short of hopes for a minerals deal.", ["fell short", "minerals"]),
    ],
)
def test_shipped_exclusions_veto_the_hits_they_overlap(text, found):
    from xivn.cues.exclusions import load_exclusions

    hits = find_hits(text, _table(load_exclusions()), offset=40)
    assert [text[h.start - 40 : h.end - 40] for h in hits] == found


def test_an_exclusion_limited_to_labels_leaves_other_labels_alone(tmp_path):
    from xivn.cues.exclusions import load_exclusions

    mine = tmp_path / "mine.toml"
    mine.write_text(
        "[[exclusion]]\npattern = 'short\\s+of\\s+minerals'\nlabels = ['topic']\n"
        "note = 'a shortage'\nexamples = ['short of minerals']\n",
        encoding="utf-8",
    )
    text = "It fell short of minerals."
    assert [h.label for h in find_hits(text, _table(load_exclusions(mine)))] == ["symbolic_outcome"]
    both = load_exclusions("cue_exclusions.toml", mine)  # the user's file after the shipped one
    assert both.sources == ("cue_exclusions.toml", "mine.toml") and len(both.entries) > 1
    assert [h.label for h in find_hits(text, _table(load_exclusions()))] == ["symbolic_outcome", "topic"]


def test_without_exclusions_every_hit_stands_and_a_table_pickles_with_its_exclusions():
    from xivn.cues.exclusions import NO_EXCLUSIONS, load_exclusions

    text = "Mineral water, said Mr Rees."
    assert [text[h.start : h.end] for h in find_hits(text, _table(NO_EXCLUSIONS))] == ["Mineral", "Rees"]
    copy = pickle.loads(pickle.dumps(_table(load_exclusions())))
    assert copy.exclusions == load_exclusions() and find_hits(text, copy) == []


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[[exclusion]]\npattern = '('\nnote = 'n'\nexamples = ['x']\n", "[exclusion.1.pattern]: bad regular"),
        ("[[exclusion]]\npattern = 'x'\nnote = 'n'\n", "[exclusion.1]: missing field(s) examples"),
        ("[[exclusion]]\npattern = 'x'\nnote = 'n'\nexamples = ['x']\nlabel = ['a']\n", "unknown field 'label'"),
        ("[[exclusion]]\npattern = 'water'\nnote = 'n'\nexamples = ['wine']\n", "[exclusion.1.examples]: the pattern"),
    ],
)
def test_a_bad_exclusions_file_names_the_entry(tmp_path, toml, message):
    from xivn.cues.exclusions import load_exclusions
    from xivn.errors import DataFileError

    path = tmp_path / "mine.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(message)):
        load_exclusions(path)
