"""The deal notebook's sentences (xivn.deals.prose) on small hand-made tables: empty, one, many,
missing values, and corpus text holding Markdown, HTML or dollar signs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from xivn.deals import prose
from xivn.display.markdown import Markdown
from xivn.event import load_event
from xivn.event.profile import Outcomes

EVIL = "*Evil* $x$ <b>"
EVIL_MD = r"\*Evil\* \$x\$ &lt;b\>"  # what escape_markdown makes of it: shows as typed
OWN = ["doc_id", "item_id", "label", "category", "kind", "status"]
COUNTS = ["doc_id", "quote", "claim", "verdict"]


def mentions(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=OWN)


def counts(*rows, official=36) -> pd.DataFrame:
    table = pd.DataFrame(list(rows), columns=COUNTS)
    table.attrs["official"] = official
    return table


def text(markdown) -> str:
    assert isinstance(markdown, Markdown)
    return markdown.data


# --- generic helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("deal_taxonomy.toml", "`deal_taxonomy.toml`"),
        ("my`file.toml", "``my`file.toml``"),
        ("`odd.toml", "`` `odd.toml ``"),
        ("a``b", "```a``b```"),
    ],
)
def test_code_span_fences_with_more_backticks_than_the_name_holds(name, expected):
    assert prose.code_span(name) == expected


# --- bottom line ---------------------------------------------------------------------------------


def test_bottom_line_without_deals_or_numbers():
    empty, no_counts = mentions(), counts()
    assert text(prose.bottom_line(empty, no_counts, {}, 3, 11, "China–Vietnam")) == (
        "**Bottom line.** None of the 3 texts mentions a deal of the taxonomy or states a number of deals."
    )
    assert text(prose.bottom_line(empty, no_counts, {}, 1, 11, "China–Vietnam")) == (
        "**Bottom line.** None of the one text mentions a deal of the taxonomy or states a number of deals."
    )


def test_bottom_line_one_mention_in_one_text():
    own = mentions(("d1", "rail", "Rail", "transport", "item", "signed"))
    assert text(prose.bottom_line(own, counts(), {"d1": "A"}, 1, 1, "United States–Vietnam")) == (
        "**Bottom line.** The 1 text makes 1 mention of United States–Vietnam deals in 1 of 1 category; "
        "1 specific item is reported signed, and none is reported absent. No text states a number of deals."
    )


def test_bottom_line_many_mentions_escapes_labels_and_quotes():
    own = mentions(
        ("d1", "rail", "Rail", "transport", "item", "signed"),
        ("d2", "rail", "Rail", "transport", "item", "signed"),
        ("d2", "cables", "Cables", "digital", "item", "signed"),
        ("d2", "rare", EVIL, "minerals", "item", "absent"),
        ("d2", "transport_area", "Transport", "transport", "area", "signed"),
    )
    claims = counts(("d1", "37 *deals*", "37 deals", "conflicts"), ("d2", "dozens", "dozens", "consistent"))
    labels = {"d1": "Pamir (blog)", "d2": "AF"}
    assert text(prose.bottom_line(own, claims, labels, 2, 11, "China–Vietnam")) == (
        "**Bottom line.** The 2 texts make 5 mentions of China–Vietnam deals in 3 of 11 categories; "
        "2 specific items are reported signed, and 1 explicitly absent (" + EVIL_MD + "). "
        r"Of 2 number claims, 1 conflicts with the official count of 36: “37 \*deals\*” (Pamir \(blog\))."
    )


def test_bottom_line_quotes_eight_conflicts_then_counts_the_rest():
    claims = counts(*[(f"d{i}", f"{30 + i} deals", f"{30 + i} deals", "conflicts") for i in range(10)])
    line = text(prose.bottom_line(mentions(), claims, {}, 10, 11, "China–Vietnam"))
    assert "Of 10 number claims, 10 conflict with the official count of 36: “30 deals” (d0)" in line
    assert "“37 deals” (d7); and 2 more." in line
    assert "38 deals" not in line


def test_bottom_line_with_no_conflict_or_no_official_count():
    claims = counts(("d1", "36 deals", "36 deals", "agrees"))
    assert text(prose.bottom_line(mentions(), claims, {}, 1, 11, "China–Vietnam")).endswith(
        ". Of 1 number claim, none conflicts with the official count of 36."
    )
    unknown = counts(("d1", "36 deals", "36 deals", "no official count"), official=None)
    assert text(prose.bottom_line(mentions(), unknown, {}, 1, 11, "China–Vietnam")).endswith(
        ". 1 number claim is stated: “36 deals” (d1); there is no official count to check it against."
    )


def test_bottom_line_without_an_official_count_lists_the_claims():
    unknown = counts(
        ("d1", "a *dozen* deals", "a dozen deals", "no official count"),
        ("d2", None, "50 agreements", "no official count"),
        official=None,
    )
    line = text(prose.bottom_line(mentions(), unknown, {"d1": "Wire", "d2": "Blog"}, 2, 11, "A–B"))
    assert line.endswith(
        r". 2 number claims are stated: “a \*dozen\* deals” (Wire); “50 agreements” (Blog); "
        "there is no official count to check them against."
    )
    assert "conflict" not in line and "cannot" not in line


def test_bottom_line_with_missing_values():
    own = mentions(
        ("d1", "rare", None, "minerals", "item", "absent"),  # no label: the item id stands in
        ("d1", "rail", "Rail", None, "item", None),
    )
    claims = counts(("d9", pd.NA, "37 deals", "conflicts"), official=pd.NA)
    line = text(prose.bottom_line(own, claims, {"d1": np.nan}, 1, 2, "China–Vietnam"))
    assert line.startswith(
        "**Bottom line.** The 1 text makes 2 mentions of China–Vietnam deals in 1 of 2 categories; "
        "0 specific items are reported signed, and 1 explicitly absent (rare)."
    )
    assert line.endswith("there is no official count to check it against.")
    known = counts(("d9", pd.NA, "37 deals", "conflicts"))
    line = text(prose.bottom_line(own, known, {"d9": None}, 1, 2, "China–Vietnam"))
    assert line.endswith("conflicts with the official count of 36: “37 deals” (d9).")


# --- taxonomy --------------------------------------------------------------------------------------

TAXONOMY = ["category", "item_id", "label", "kind", "parties", "reference"]
LISTED = Outcomes(source="the ministry", count=2, list_file="list.csv")


def test_taxonomy_sentence_empty():
    table = pd.DataFrame(columns=TAXONOMY)
    assert text(prose.taxonomy_sentence(table, 0, "t.toml", 0, "China-Vietnam", LISTED)) == (
        "The taxonomy (`t.toml`) has 0 categories, 0 specific items and 0 areas; "
        "0 items are documented in the official list, 0 belong to another partnership."
    )


def test_taxonomy_sentence_one_item():
    table = pd.DataFrame([("Rail", "rail", "Rail", "item", "China-Vietnam", "MOU-1")], columns=TAXONOMY)
    assert text(prose.taxonomy_sentence(table, 1, "deal_taxonomy.toml", 1, "China-Vietnam", LISTED)) == (
        "The taxonomy (`deal_taxonomy.toml`) has 1 category, 1 specific item and 0 areas; "
        "1 item is documented in the official list, 0 belong to another partnership."
    )


def test_taxonomy_sentence_many_items_and_missing_values():
    table = pd.DataFrame(
        [
            ("Rail", "rail", "Rail", "item", "China-Vietnam", "MOU-1"),
            ("Rail", "bridge", "Bridge", "item", "China-Vietnam", None),  # missing reference: not documented
            ("Chips", "chips", "Chips", "item", "US-Vietnam", "US-1"),
            ("Chips", "fund", "Fund", "item", np.nan, ""),  # missing parties: not another partnership
            ("Rail", "rail_area", "Rail links", "area", "", ""),
            ("Chips", "chips_area", "Chips", "area", "", ""),
        ],
        columns=TAXONOMY,
    )
    assert text(prose.taxonomy_sentence(table, 6, "t.toml", 4, "China-Vietnam", LISTED)) == (
        "The taxonomy (`t.toml`) has 4 categories, 4 specific items and 2 areas; "
        "2 items are documented in the official list, 1 belongs to another partnership."
    )


def test_taxonomy_sentence_without_an_official_list_and_with_rows_left_out():
    table = pd.DataFrame(
        [
            ("Rail", "rail", "Rail", "item", "China-Vietnam", "MOU-1"),
            ("Chips", "chips", "Chips", "item", "US-Vietnam", ""),
            ("Rail", "rail_area", "Rail links", "area", "", ""),
        ],
        columns=TAXONOMY,
    )
    assert text(prose.taxonomy_sentence(table, 2, "t.toml", 2, "US-Vietnam", Outcomes("the ministry", 12))) == (
        "The taxonomy (`t.toml`) has 2 categories, 2 specific items and 1 area; "
        "the event has no official list to document them, 1 belongs to another partnership. "
        "The table leaves out the 1 item of partnerships no text reports."
    )


def test_taxonomy_sentence_file_name_cannot_break_out():
    table = pd.DataFrame(columns=TAXONOMY)
    line = text(prose.taxonomy_sentence(table, 0, "my`<b>.toml", 0, "China-Vietnam", None))
    assert line.startswith("The taxonomy (``my`&lt;b>.toml``) has")
    assert "<b>" not in line


# --- coverage ----------------------------------------------------------------------------------------


def status_table(rows, statuses=("signed", "absent")) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(statuses), index=[f"c{i}" for i in range(len(rows))])


def test_coverage_sentence_empty():
    coverage = pd.DataFrame(columns=["Rail", "Digital"], dtype="int64")
    status = pd.DataFrame(columns=["signed", "absent"], dtype="int64")
    assert text(prose.coverage_sentence(coverage, status, {}, 0, "United States–Vietnam")) == (
        "No document mentions a United States–Vietnam deal in any of the 2 categories. "
        "Statuses over all mentions: signed 0, absent 0."
    )


def test_coverage_sentence_one_document_escapes_its_label():
    coverage = pd.DataFrame({"Rail": [1], "Digital": [0]}, index=["d1"])
    assert text(prose.coverage_sentence(coverage, status_table([[1, 0], [0, 0]]), {"d1": EVIL}, 1, "A–B")) == (
        f"*{EVIL_MD}* covers the most categories (1 of 2); categories never mentioned: 1. "
        "Statuses over all mentions: signed 1, absent 0."
    )


def test_coverage_sentence_many_documents_cut_to_the_shown_ones():
    coverage = pd.DataFrame({"Rail": [1, 2, 0], "Digital": [0, 3, 0], "Chips": [0, 0, 0]}, index=["d1", "d2", "d3"])
    status = status_table([[3, 0], [2, 1], [0, 0]])
    assert text(prose.coverage_sentence(coverage, status, {"d1": "A", "d2": "B", "d3": "C"}, 2, "A–B")) == (
        "*B* covers the most categories (2 of 3); categories never mentioned: 1. "
        "Statuses over all mentions: signed 5, absent 1. Shown: the 2 of 3 documents with the most deal mentions."
    )


def test_coverage_sentence_missing_values_count_as_zero():
    coverage = pd.DataFrame({"Rail": [np.nan, 1.0], "Digital": [np.nan, np.nan]}, index=["d1", "d2"])
    status = status_table([[np.nan, 1.0], [2.0, np.nan]])
    assert text(prose.coverage_sentence(coverage, status, {"d2": None}, 2, "A–B")) == (
        "*d2* covers the most categories (1 of 2); categories never mentioned: 1. "
        "Statuses over all mentions: signed 2, absent 1."
    )


# --- evidence ----------------------------------------------------------------------------------------


def evidence(*statuses) -> pd.DataFrame:
    return pd.DataFrame({"source": "A", "quote": "q", "status": list(statuses)})


def test_evidence_sentence_empty():
    assert text(prose.evidence_sentence(evidence(), 12)) == (
        "No mention needs checking: every status was read from the mention's own sentence or list, "
        "and none is an absence, a call, a proposal or a denial."
    )


def test_evidence_sentence_one_and_many():
    assert text(prose.evidence_sentence(evidence("absent"), 12)) == "Mentions to check: 1 (by status: absent 1)."
    assert text(prose.evidence_sentence(evidence("urged", "absent", "urged"), 2)) == (
        "Mentions to check: 3 (by status: urged 2, absent 1). The table shows the first 2 of 3 mentions."
    )


def test_evidence_sentence_missing_and_marked_up_statuses():
    assert text(prose.evidence_sentence(evidence(None, "urged", np.nan, EVIL), 12)) == (
        f"Mentions to check: 4 (by status: urged 1, {EVIL_MD} 1)."
    )


# --- before and after ----------------------------------------------------------------------------------

OUTCOMES = ["label", "before", "after"]


def documents(*timings) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(timings))], "timing": list(timings)})


def test_outcomes_sentence_empty():
    empty = pd.DataFrame(columns=OUTCOMES)
    assert text(prose.outcomes_sentence(empty, documents("before", None, "after"), "China–Vietnam")) == (
        "No comparison is possible: 2 of 3 documents have a before/after `timing`, "
        "or none of them mentions a China–Vietnam deal."
    )
    assert text(prose.outcomes_sentence(empty, documents("before"), "China–Vietnam")).startswith(
        "No comparison is possible: 1 of 1 document has a before/after `timing`"
    )
    untimed = pd.DataFrame({"doc_id": ["d0", "d1"]})
    assert text(prose.outcomes_sentence(empty, untimed, "China–Vietnam")).startswith(
        "No comparison is possible: 0 of 2 documents have a before/after `timing`"
    )


def test_outcomes_sentence_one_item_escapes_its_label():
    outcomes = pd.DataFrame([(EVIL, "expected", "signed")], columns=OUTCOMES)
    assert text(prose.outcomes_sentence(outcomes, documents("before", "after"), "China–Vietnam")) == (
        f"The pre-visit texts anticipate 1 item; 1 of them is reported signed afterwards ({EVIL_MD}); "
        "reported absent after the visit: 0 (none)."
    )


def test_outcomes_sentence_many_items():
    outcomes = pd.DataFrame(
        [
            ("Rail", "expected", "signed"),
            ("Cables", "expected", ""),
            ("Rare earths", "urged", "urged, absent"),
            ("Hotline", "", "signed"),  # signed but not anticipated
            ("Bridge", "expected, urged", "expected, signed"),
        ],
        columns=OUTCOMES,
    )
    assert text(prose.outcomes_sentence(outcomes, documents("before", "after"), "China–Vietnam")) == (
        "The pre-visit texts anticipate 4 items; 2 of them are reported signed afterwards (Rail, Bridge); "
        "reported absent after the visit: 1 (Rare earths)."
    )


def test_outcomes_sentence_missing_values():
    outcomes = pd.DataFrame(
        [(None, "expected", "signed"), ("Rail", None, "signed"), ("Cables", "expected", np.nan)], columns=OUTCOMES
    )
    assert text(prose.outcomes_sentence(outcomes, documents("before", "after"), "China–Vietnam")) == (
        "The pre-visit texts anticipate 2 items; 1 of them is reported signed afterwards (none); "
        "reported absent after the visit: 0 (none)."
    )


# --- counts ------------------------------------------------------------------------------------------------

PAIRS = ["a", "a_claim", "b", "b_claim", "relation"]


def pairs(*rows) -> pd.DataFrame:
    return pd.DataFrame([(a, "x", b, "y", "cannot both be right") for a, b in rows], columns=PAIRS)


def test_counts_sentence_empty():
    assert text(prose.counts_sentence(counts(), pairs(), 12, 2)) == (
        "No text states a number of deals. Counting the reference sources, no two stated totals contradict each other."
    )


def test_counts_sentence_one_claim_one_pair_escapes_the_claim():
    claims = counts(("d1", "q", EVIL, "consistent"))
    assert text(prose.counts_sentence(claims, pairs(("R", "R")), 12, 1)) == (
        f"1 of 1 claim fits the official count of 36 ({EVIL_MD}). Counting the reference sources, "
        "1 pair of stated totals cannot both be right; 1 of them sets one source against itself "
        "(a headline against its own body)."
    )


def test_counts_sentence_many_claims_and_pairs_cut_tables():
    claims = counts(
        ("d1", "q", "37 deals", "conflicts"),
        ("d2", "q", "three on telecoms", "agrees"),
        ("d3", "q", "dozens of co-operation pacts", "consistent"),
    )
    assert text(prose.counts_sentence(claims, pairs(("d1", "R"), ("R", "R"), ("V", "R")), 2, 3)) == (
        r"2 of 3 claims fit the official count of 36 (dozens of co\-operation pacts, three on telecoms). "
        "Counting the reference sources, 3 pairs of stated totals cannot both be right; 1 of them sets one source "
        "against itself (a headline against its own body). The table shows the first 2 of 3 number claims. "
        "The table shows the first 2 of 3 contradicting pairs."
    )


def test_counts_sentence_without_an_official_count():
    claims = counts(
        ("d1", "q", "37 deals", "no official count"), ("d2", "q", "dozens", "no official count"), official=None
    )
    assert text(prose.counts_sentence(claims, pairs(("d1", "R"), ("d2", "R")), 12, 1)) == (
        "There is no official count to check the 2 claims against. Counting the reference sources, "
        "2 pairs of stated totals cannot both be right; 0 of them set one source against itself "
        "(a headline against its own body)."
    )


def test_counts_sentence_without_reference_sources():
    claims = counts(("d1", "q", "12 deals", "no official count"), ("d2", "q", "30 deals", "no official count"))
    claims.attrs["official"] = None
    assert text(prose.counts_sentence(claims, pairs(("d1", "d2")), 12, 0)) == (
        "There is no official count to check the 2 claims against. With no reference source stating a count, "
        "1 pair of stated totals cannot both be right; 0 of them set one source against itself "
        "(a headline against its own body)."
    )


def test_official_sentence_names_the_count_and_its_source_or_says_there_is_none():
    stated = Outcomes(source="the *ministry*", count=12, list_file="")
    assert text(prose.official_sentence(stated)) == (
        r"The official count is 12 documents signed (source: the \*ministry\*)."
    )
    none = "There is no official count of the documents signed to check the number claims against"
    assert text(prose.official_sentence(None)).startswith(none)
    assert text(prose.official_sentence(Outcomes(source="the ministry"))).startswith(none)  # a source, no count


def test_pair_words_come_from_the_profile():
    assert prose.pair_words(load_event()) == "China–Vietnam"
    biden = load_event(Path(__file__).parent / "fixtures" / "events" / "biden_vietnam_2023.toml")
    assert prose.pair_words(biden) == "United States–Vietnam"


def test_counts_sentence_missing_values():
    claims = counts(("d1", "q", None, "consistent"), ("d2", "q", "36 deals", None), ("d3", "q", "37", "conflicts"))
    assert text(prose.counts_sentence(claims, pairs(), 12, 1)).startswith(
        "1 of 3 claims fits the official count of 36 (none). Counting"
    )


# --- packages ----------------------------------------------------------------------------------------------


def test_packages_sentence_empty():
    assert text(prose.packages_sentence(pd.DataFrame())) == "No partnership has a signed item."
    zero = pd.DataFrame({"China-Vietnam": [0], "US-Vietnam": [0]}, index=["Rail"])
    assert text(prose.packages_sentence(zero)) == (
        r"The China\-Vietnam package has 0 signed items; the US\-Vietnam package has 0 signed items. "
        "Sectors present in both: none."
    )


def test_packages_sentence_one_package_escapes_names():
    wide = pd.DataFrame({EVIL: [1]}, index=["Digital & telecoms"])
    assert text(prose.packages_sentence(wide)) == (
        f"The {EVIL_MD} package has 1 signed item, most in *Digital &amp; telecoms*; no other pair has a signed item."
    )


def test_packages_sentence_two_packages():
    wide = pd.DataFrame({"China-Vietnam": [2, 1], "US-Vietnam": [1, 0]}, index=["Rail", "Digital"])
    assert text(prose.packages_sentence(wide)) == (
        r"The China\-Vietnam package has 3 signed items, most in *Rail*; "
        r"the US\-Vietnam package has 1 signed item, most in *Rail*. Sectors present in both: Rail."
    )


def test_packages_sentence_missing_values_count_as_zero():
    wide = pd.DataFrame({"China-Vietnam": [np.nan, 2.0], "US-Vietnam": [np.nan, np.nan]}, index=["Rail", "Digital"])
    assert text(prose.packages_sentence(wide)) == (
        r"The China\-Vietnam package has 2 signed items, most in *Digital*; "
        r"the US\-Vietnam package has 0 signed items. Sectors present in both: none."
    )


# --- parties ---------------------------------------------------------------------------------------

SUMMARY = ["parties", "resolved", "mentions", "documents"]


def summary(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=SUMMARY)


def test_parties_sentence_empty():
    assert text(prose.parties_sentence(summary(), "China-Vietnam")) == "No deal mention to attribute to its parties."


def test_parties_sentence_only_the_focal_pair():
    table = summary(("China-Vietnam", True, 1, 1))
    assert text(prose.parties_sentence(table, "China-Vietnam")) == (
        r"Of 1 deal mention, 1 is of China\-Vietnam deals, none of another pair; "
        "every mention has both its sides named in the text."
    )


def test_parties_sentence_other_pairs_and_unresolved_escapes_names():
    table = summary(
        ("China-Vietnam", True, 5, 2),
        ("Japan-Vietnam", True, 3, 1),
        (EVIL, True, 1, 1),
        ("China", False, 2, 1),
        ("", False, 1, 1),
    )
    assert text(prose.parties_sentence(table, "China-Vietnam")) == (
        r"Of 12 deal mentions, 5 are of China\-Vietnam deals and 4 of other pairs (Japan\-Vietnam 3, "
        rf"{EVIL_MD} 1), which the China\-Vietnam tables leave out; 3 mentions are unresolved and "
        "counted in no table: 2 name only one side, 1 no side at all."
    )


def test_parties_sentence_without_the_focal_pair():
    table = summary(("ATR-India", True, 1, 1), ("", False, 1, 1))
    assert text(prose.parties_sentence(table, "China-Vietnam")) == (
        r"Of 2 deal mentions, 0 are of China\-Vietnam deals and 1 of other pairs (ATR\-India 1), "
        r"which the China\-Vietnam tables leave out; 1 mention is unresolved and counted in no table: "
        "0 name only one side, 1 no side at all."
    )
