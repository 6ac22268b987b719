"""The rare-earth notebook's sentences: empty, one and many items, missing values, and corpus text
holding Markdown or dollar signs (shown escaped). Tables are built by hand; expected sentences too."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from xivn.display.markdown import Markdown
from xivn.rare_earths import prose
from xivn.rare_earths.references import Route

EVIL = "*Evil* $x$ <b>"
EVIL_SHOWN = r"\*Evil\* \$x\$ &lt;b\>"
NAN = math.nan


def text(markdown: Markdown) -> str:
    assert isinstance(markdown, Markdown)
    return markdown.data


def matrix(rows: dict[str, list[float]], documents: list[str]) -> pd.DataFrame:
    """A claim matrix: one row per claim label, one column per document label."""
    table = pd.DataFrame(list(rows.values()), columns=documents, index=pd.Index(list(rows), name="claim"))
    return table if documents else pd.DataFrame(index=pd.Index(list(rows), name="claim"))


VERDICT_COLUMNS = ["check", "edition_then", "finding_then", "edition_latest", "finding_latest", "verdict"]
RESERVES = ("second_largest_reserves", "MCS 2023 (Jan 2023)", "Vietnam 22 Mt, rank 2", "MCS 2025 (Jan 2025)",
            "Vietnam 3.5 Mt, rank 6", "true when written, revised since")  # fmt: skip
VIETNAM_COLUMNS = ["edition", "production_year", "production_t", "production_share", "years_of_reserves"]


def verdicts(*rows, as_of: str = "2023-12", n_claims: int = 1) -> pd.DataFrame:
    """Verdict rows of the check, editions, findings and verdict given, about Vietnam, as of one month."""
    table = pd.DataFrame(list(rows), columns=VERDICT_COLUMNS)
    return table.assign(country="Vietnam", as_of=as_of, n_claims=n_claims)


def vietnam(*rows) -> pd.DataFrame:
    table = pd.DataFrame(list(rows), columns=VIETNAM_COLUMNS)
    table.attrs["country"] = "Vietnam"
    return table


# --- bottom line ------------------------------------------------------------------------------


def test_bottom_line_on_an_empty_corpus():
    found = prose.bottom_line(matrix({"Reserves": []}, []), verdicts(), vietnam(), 0)
    assert text(found) == "**Bottom line.** 0 of 0 texts make at least one of the 1 rare-earth claim — none here."


def test_bottom_line_with_one_text_one_claim_and_one_edition():
    found = prose.bottom_line(
        matrix({"Reserves": [2]}, ["Wire"]),
        verdicts(RESERVES),
        vietnam(("MCS 2025 (Jan 2025)", 2024, 300.0, 0.000769, 11666.7)),
        1,
    )
    assert text(found) == (
        "**Bottom line.** 1 of 1 text makes at least one of the 1 rare-earth claim (most often: *Reserves*, "
        "in 1 text). The second-largest-reserves claim, checked as of 2023-12, is **true when written, revised "
        r"since**: MCS 2023 \(Jan 2023\) had Vietnam 22 Mt, rank 2; MCS 2025 \(Jan 2025\) has Vietnam 3\.5 Mt, "
        "rank 6. Vietnam mined 300 t in 2024, 0.08% of world output."
    )


def test_bottom_line_with_many_texts_and_claims_uses_plurals_and_the_latest_edition():
    found = prose.bottom_line(
        matrix({"Reserves": [1, 1, 0], "Supply": [0, 3, 0]}, ["A", "B", "C"]),
        verdicts(RESERVES, as_of="2024-02"),
        vietnam(
            ("MCS 2024 (Jan 2024)", 2023, 600.0, 0.0017, 36666.7), ("MCS 2025 (Jan 2025)", 2024, 1300.0, 0.0033, 1.0)
        ),
        3,
    )
    assert text(found).startswith(
        "**Bottom line.** 2 of 3 texts make at least one of the 2 rare-earth claims (most often: *Reserves*, "
        "in 2 texts). The second-largest-reserves claim, checked as of 2024-02,"
    )
    assert text(found).endswith(" Vietnam mined 1,300 t in 2024, 0.33% of world output.")


def test_bottom_line_with_missing_values():
    found = prose.bottom_line(
        matrix({"Reserves": [NAN, 1], "Supply": [None, NAN]}, ["A", "B"]),
        verdicts(
            (
                "second_largest_reserves",
                None,
                "no edition in the reference data",
                pd.NA,
                NAN,
                "not checkable as of 2019-01",
            ),
            as_of="2019-01",
        ),
        vietnam(("MCS 2023 (Jan 2023)", 2022, 4300.0, NAN, 5116.3), ("MCS 2024 (Jan 2024)", 2023, NAN, NAN, NAN)),
        2,
    )
    assert text(found) == (
        "**Bottom line.** 1 of 2 texts makes at least one of the 2 rare-earth claims (most often: *Reserves*, "
        "in 1 text). The second-largest-reserves claim, checked as of 2019-01, is **not checkable as of 2019-01**: "
        "no edition in the reference data. Vietnam mined 4,300 t in 2022 (world output is not in the reference data)."
    )


def test_bottom_line_escapes_claim_labels_and_editions():
    evil_verdict = ("second_largest_reserves", EVIL, "a finding", "MCS 2025", "another", "true when written")
    found = prose.bottom_line(matrix({EVIL: [1]}, ["Wire"]), verdicts(evil_verdict), vietnam(), 1)
    assert f"(most often: *{EVIL_SHOWN}*, in 1 text)" in text(found)
    assert f": {EVIL_SHOWN} had a finding; MCS 2025 has another." in text(found)
    assert "<b>" not in text(found) and "$x$" not in text(found)


# --- concordance --------------------------------------------------------------------------------


def mentions(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["doc_id", "quote"])


def test_mentions_sentence_without_mentions():
    assert text(prose.mentions_sentence(mentions(), 5, 30)) == (
        "0 mentions in 0 of 5 texts; no article text here mentions rare earths or critical minerals."
    )


def test_mentions_sentence_with_one_mention():
    found = prose.mentions_sentence(mentions(("a", "rare earths")), 1, 30)
    assert text(found) == "1 mention in 1 of 1 text; the commonest wording is *rare earths* (1 time)."


def test_mentions_sentence_with_many_mentions_says_the_table_is_cut():
    rows = mentions(("a", "Rare earths"), ("a", "rare earths"), ("b", "minerals"))
    assert text(prose.mentions_sentence(rows, 4, 2)) == (
        "3 mentions in 2 of 4 texts; the commonest wording is *rare earths* (2 times). "
        "The table shows the first 2 of 3 mentions."
    )


def test_mentions_sentence_with_missing_quotes():
    assert text(prose.mentions_sentence(mentions(("a", None), ("b", "minerals")), 2, 30)) == (
        "2 mentions in 2 of 2 texts; the commonest wording is *minerals* (1 time)."
    )
    assert text(prose.mentions_sentence(mentions(("a", NAN)), 1, 30)) == "1 mention in 1 of 1 text."


def test_mentions_sentence_escapes_the_wording():
    found = prose.mentions_sentence(mentions(("a", EVIL)), 1, 30)
    assert text(found) == r"1 mention in 1 of 1 text; the commonest wording is *\*evil\* \$x\$ &lt;b\>* (1 time)."


# --- omissions ----------------------------------------------------------------------------------


def gaps(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["doc_id", "label", "n_claims"])


def test_omissions_sentence_without_texts():
    found = prose.omissions_sentence(gaps(), matrix({"Reserves": [], "Supply": []}, []), 15)
    assert text(found) == "No text here makes any claim; 0 claims appear in only one text and 2 in none."


def test_omissions_sentence_with_one_text():
    found = prose.omissions_sentence(gaps(("d1", "Wire", 2)), matrix({"R": [1], "S": [2], "T": [0]}, ["Wire"]), 15)
    assert text(found) == "*Wire* makes 2 claims; 2 claims appear in only one text and 1 in none."


def test_omissions_sentence_with_many_texts_says_which_are_shown():
    table = gaps(("d1", "A", 3), ("d2", "B", 1), ("d3", "C", 2))
    claims = matrix({"R": [1, 1, 1], "S": [1, 0, 1], "T": [2, 0, 0]}, ["A", "B", "C"])
    assert text(prose.omissions_sentence(table, claims, 2)) == (
        "*A* makes the most claims (3), *B* the fewest (1); 1 claim appears in only one text and 0 in none. "
        "Shown: the 2 of 3 documents with the most claims."
    )


def test_omissions_sentence_with_missing_values():
    table = gaps(("d1", None, 2), ("d2", "B", NAN), ("d3", "C", 0))
    claims = matrix({"R": [1, NAN, 0], "S": [None, NAN, NAN]}, ["d1", "B", "C"])
    assert text(prose.omissions_sentence(table, claims, 15)) == (
        "*d1* makes the most claims (2), *C* the fewest (0); 1 claim appears in only one text and 1 in none."
    )


def test_omissions_sentence_escapes_labels():
    found = prose.omissions_sentence(gaps(("d1", EVIL, 1), ("d2", "B", 0)), matrix({"R": [1, 0]}, [EVIL, "B"]), 15)
    assert text(found).startswith(f"*{EVIL_SHOWN}* makes the most claims (1), *B* the fewest (0);")


# --- reserves against output --------------------------------------------------------------------


def usgs(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["edition", "country", "metric", "year", "value_t"])


def shares(*values) -> pd.DataFrame:
    return pd.DataFrame({"country": ["China"] * len(values), "share": list(values)})


NO_CHINA = "China's share of world mine production is not in the reference data, nor is its share of refining."


def test_reserves_sentence_without_reference_data():
    assert text(prose.reserves_sentence(vietnam(), usgs(), shares())) == (
        "There are no USGS figures to compare: no reserves, no mine production."
    )


def test_reserves_sentence_without_the_countrys_figures():
    others = usgs(("MCS 2025 (Jan 2025)", "Brazil", "reserves", 2024, 21e6))
    assert text(prose.reserves_sentence(vietnam(), others, shares())) == (
        "The reference data give no edition with both Vietnam's reserves and its mine production. " + NO_CHINA
    )


def test_reserves_sentence_with_one_edition():
    found = prose.reserves_sentence(
        vietnam(("MCS 2025 (Jan 2025)", 2024, 300.0, 0.0008, 11666.67)),
        usgs(("MCS 2025 (Jan 2025)", "Vietnam", "mine_production", 2024, 300.0)),
        shares(0.69),
    )
    assert text(found) == (
        "At the rate of mine production reported in each edition, Vietnam's reserves would last 11,667 years: "
        "the reserves are large, the output tiny (300 t in 2024). China's share of world mine production stays "
        "at 69% across editions and years; its share of refining is not in the reference data."
    )


def test_reserves_sentence_with_many_editions_names_the_revision():
    found = prose.reserves_sentence(
        vietnam(
            ("MCS 2023 (Jan 2023)", 2022, 4300.0, NAN, 5116.28), ("MCS 2024 (Jan 2024)", 2023, 600.0, 0.0017, 36666.67)
        ),
        usgs(
            ("MCS 2023 (Jan 2023)", "Vietnam", "mine_production", 2022, 4300.0),
            ("MCS 2024 (Jan 2024)", "Vietnam", "mine_production", 2022, 1200.0),
            ("MCS 2024 (Jan 2024)", "Vietnam", "mine_production", 2023, 600.0),
        ),
        shares(0.70, 0.68),
    )
    assert text(found) == (
        "At the rate of mine production reported in each edition, Vietnam's reserves would last between 5,116 and "
        "36,667 years: the reserves are large, the output tiny (the 4,300 t first reported for 2022 stood at "
        r"1,200 t in MCS 2024 \(Jan 2024\)). China's share of world mine production stays between 68% and 70% "
        "across editions and years; its share of refining is not in the reference data."
    )


def test_reserves_sentence_with_missing_values():
    found = prose.reserves_sentence(
        vietnam(("MCS 2023", 2022, 4300.0, NAN, 5116.28), ("MCS 2024", 2023, NAN, NAN, NAN)),
        usgs(
            ("MCS 2023", "Vietnam", "mine_production", 2022, 4300.0),
            ("MCS 2024", "Vietnam", "mine_production", 2022, NAN),
        ),
        shares(None, NAN),
    )
    assert text(found) == (
        "At the rate of mine production reported in each edition, Vietnam's reserves would last 5,116 years: "
        "the reserves are large, the output tiny (4,300 t in 2022). " + NO_CHINA
    )


def test_reserves_sentence_escapes_editions():
    found = prose.reserves_sentence(
        vietnam(("MCS 2023", 2022, 4300.0, NAN, 5116.28)),
        usgs(
            ("MCS 2023", "Vietnam", "mine_production", 2022, 4300.0), (EVIL, "Vietnam", "mine_production", 2022, 10.0)
        ),
        shares(),
    )
    assert f"stood at 10 t in {EVIL_SHOWN})." in text(found)


# --- coordinates and distances ------------------------------------------------------------------


def places(*approximate) -> pd.DataFrame:
    return pd.DataFrame({"approximate": list(approximate)}, dtype=object)


def distances(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["km_to_station", "approximate"])


def test_precision_sentence_without_places():
    assert text(prose.precision_sentence(places(), distances())) == (
        "There is no places table: no coordinates, no distances."
    )


def test_precision_sentence_without_deposits_or_without_a_route():
    listed = places(True, False).assign(is_deposit=[False, False])
    assert text(prose.precision_sentence(listed, distances())) == (
        "1 of 2 coordinates is approximate; the places file lists no rare-earth deposit, so there is no distance "
        "to report."
    )
    assert text(prose.precision_sentence(listed.assign(is_deposit=[True, False]), distances())) == (
        "1 of 2 coordinates is approximate; with no route drawn there is no distance from a deposit to a station."
    )


def test_precision_sentence_with_one_deposit():
    assert text(prose.precision_sentence(places(True, False), distances((50.0, True)))) == (
        "1 of 2 coordinates is approximate, among them 1 of the 1 deposit (drawn at a provincial capital or a "
        "district's midpoint), so the distance (50 km to the nearest station) says which part of the corridor a "
        "deposit is in, not how far a mine is from the track."
    )


def test_precision_sentence_with_many_deposits():
    found = prose.precision_sentence(
        places(True, True, True, False), distances((0.0, True), (62.0, True), (5.0, False))
    )
    assert text(found) == (
        "3 of 4 coordinates are approximate, among them 2 of the 3 deposits (drawn at a provincial capital or a "
        "district's midpoint), so the distances (0–62 km to the nearest station) say which part of the corridor a "
        "deposit is in, not how far a mine is from the track."
    )


def test_precision_sentence_with_missing_values_and_no_approximate_deposit():
    found = prose.precision_sentence(places(None, False, pd.NA), distances((10.0, None), (NAN, False), (5.0, False)))
    assert text(found) == (
        "0 of 3 coordinates are approximate, none of the 3 deposits; the distances (5–10 km to the nearest station) "
        "are straight lines from the listed positions, not along the track."
    )


def test_precision_sentence_holds_no_corpus_text():
    """The sentence is made of counts and distances only: nothing in it comes from the corpus to escape."""
    assert "<" not in text(prose.precision_sentence(places(True), distances((1.0, True))))


# --- what it adds up to -------------------------------------------------------------------------

CLAIMS = pd.DataFrame(
    {"claim_id": ["second_largest_reserves", "railway_through_mines"], "label": ["Reserves", "Railway"]}
)


def stations(*names) -> pd.DataFrame:
    return pd.DataFrame({"nearest_station": list(names)}, dtype=object)


def china(*tonnes) -> pd.DataFrame:
    return pd.DataFrame({"country": ["China"] * len(tonnes), "production_t": list(tonnes)})


def test_conclusion_with_nothing_to_add_up():
    empty_claims = pd.DataFrame(columns=["claim_id", "label"])
    found = prose.conclusion(matrix({}, []), empty_claims, verdicts(), stations(), vietnam(), china())
    assert text(found) == "No claim, deposit or USGS figure here to add up."


def test_conclusion_with_one_text_and_one_deposit():
    found = prose.conclusion(
        matrix({"Reserves": [1], "Railway": [2]}, ["Wire"]),
        CLAIMS,
        verdicts(RESERVES),
        stations("Lao Cai"),
        vietnam(("MCS 2025 (Jan 2025)", 2024, 300.0, 0.0008, 11666.67)),
        china(270000.0),
    )
    assert text(found) == (
        "1 text repeats that Vietnam holds the second-largest reserves (Wire); that was true when written, revised "
        r"since (MCS 2025 \(Jan 2025\): Vietnam 3\.5 Mt, rank 6). 1 text ties the railway to the mining region; on "
        "the map 1 of the 1 deposit is nearest to Lao Cai. Vietnam's reserves have yet to become output: 300 t in "
        "2024, against 270,000 t for China."
    )


def test_conclusion_with_many_texts_lists_them_and_counts_the_hub():
    texts = [f"T{n}" for n in range(10)]
    found = prose.conclusion(
        matrix({"Reserves": [1] * 9 + [0], "Railway": [0] * 8 + [1, 1]}, texts),
        CLAIMS,
        verdicts(),
        stations("Lao Cai", "Yen Bai", "Lao Cai"),
        vietnam(("MCS 2024", 2023, 600.0, 0.0017, 1.0), ("MCS 2025", 2024, 300.0, 0.0008, 2.0)),
        china(210000.0, 270000.0),
    )
    assert text(found) == (
        "9 texts repeat that a country holds the second-largest reserves (T0, T1, T2, T3, T4, T5, T6, T7 and 1 more). "
        "2 texts tie the railway to the mining region; on the map 2 of the 3 deposits are nearest to Lao Cai. "
        "Vietnam's reserves have yet to become output: 300 t in 2024, against 270,000 t for China."
    )


def test_conclusion_with_missing_values_and_claims_not_in_the_file():
    found = prose.conclusion(
        matrix({"Other": [NAN]}, ["Wire"]),
        pd.DataFrame({"claim_id": ["other"], "label": ["Other"]}),
        verdicts(RESERVES),
        stations(None, "Hanoi"),
        vietnam(("MCS 2025", NAN, 300.0, NAN, NAN)),
        china(NAN),
    )
    assert text(found) == (
        "On the map 1 of the 2 deposits is nearest to Hanoi. Vietnam's reserves have yet to become output: 300 t."
    )


@pytest.mark.parametrize("where", ["label", "station", "edition"])
def test_conclusion_escapes_labels_stations_and_editions(where):
    label, station = (EVIL if where == "label" else "Wire"), (EVIL if where == "station" else "Lao Cai")
    verdict = (*RESERVES[:3], EVIL if where == "edition" else "MCS 2025", *RESERVES[4:])
    found = text(prose.conclusion(matrix({"Reserves": [1]}, [label]), CLAIMS, verdicts(verdict), stations(station),
                                  vietnam(), china()))  # fmt: skip
    assert EVIL_SHOWN in found
    assert "<b>" not in found and "$x$" not in found and "*Evil*" not in found


def claim_rows(*rows) -> pd.DataFrame:
    """Claim rows: (country_from, number_quote) each."""
    return pd.DataFrame(list(rows), columns=["country_from", "number_quote"])


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        (claim_rows(), "No text here makes any claim."),
        (
            claim_rows(("sentence", "22 million tonnes"), ("previous sentence", ""), ("unresolved", "70%"), ("", "")),
            "Of 4 claim rows (one per sentence, claim and number stated), 3 are about a country: 1 names it in the "
            "sentence, 1 in the sentence before, and 1 names none and is left without a country rather than given "
            "one the text does not state. 2 rows state a number (tonnes or a share).",
        ),
        (
            claim_rows(("sentence", ""), ("sentence", ""), ("unresolved", ""), ("unresolved", "")),
            "Of 4 claim rows (one per sentence, claim and number stated), 4 are about a country: 2 name it in the "
            "sentence, 0 in the sentence before, and 2 name none and are left without a country rather than given "
            "one the text does not state. 0 rows state a number (tonnes or a share).",
        ),
        (
            claim_rows(("sentence", ""), ("document", "18%")),
            "Of 2 claim rows (one per sentence, claim and number stated), 2 are about a country: 1 names it in the "
            "sentence, 0 in the sentence before, 1 refers back to the country the text names most. 1 row states "
            "a number (tonnes or a share).",
        ),
        (
            claim_rows(("", ""), (NAN, NAN)),  # claims about no country; missing values count as none
            "Of 2 claim rows (one per sentence, claim and number stated), none is about a particular country. "
            "0 rows state a number (tonnes or a share).",
        ),
    ],
)
def test_subjects_sentence(found, expected):
    assert text(prose.subjects_sentence(found, 10)) == expected


def test_subjects_sentence_says_when_the_table_is_cut():
    found = claim_rows(*[("sentence", "")] * 3)
    assert text(prose.subjects_sentence(found, 2)).endswith(" The table shows the first 2 of 3 claim rows.")


# --- what the map draws -------------------------------------------------------------------------


def drawn(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["short_name", "lat", "lon"])


def place_names(*names) -> pd.DataFrame:
    return pd.DataFrame({"short_name": list(names)})


def test_map_sentence_with_nothing_drawn():
    assert text(prose.map_sentence(place_names(), drawn())) == "No map is drawn, and there is no places file."
    assert text(prose.map_sentence(place_names("Kunming", "Hanoi"), drawn())) == (
        "No map is drawn; the table below lists the 2 places of the places file."
    )


def test_map_sentence_names_the_one_place_not_drawn():
    found = prose.map_sentence(place_names("Kunming", "Lai Chau city"), drawn(("Kunming", 25.0, 102.7)))
    assert text(found) == (
        "The map draws 1 of the 2 places in the table below; not drawn, being neither a station of the route nor "
        "a deposit: Lai Chau city."
    )


def test_map_sentence_names_places_sharing_a_position_and_escapes_them():
    found = prose.map_sentence(
        place_names("Lao Cai", "Ben $x$", "A", "B"),
        drawn(("Lao Cai", 22.48, 103.95), ("Ben $x$", 22.48, 103.95), ("A", 21.0, 105.0), ("B", 22.6, 103.3)),
    )
    assert text(found) == (
        "The map draws 4 of the 4 places in the table below. Some share one position in the places file: "
        "Lao Cai, Ben \\$x\\$."
    )


def test_map_sentence_with_missing_coordinates_counts_the_place_as_drawn():
    found = prose.map_sentence(place_names("A", "B"), drawn(("A", None, None), ("B", 1.0, 2.0)))
    assert text(found) == "The map draws 2 of the 2 places in the table below."


# --- as of which editions the claims were checked -----------------------------------------------

CHECK_COLUMNS = ["as_of", "n_claims", "edition_then"]


def checks(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=CHECK_COLUMNS)


def months(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["label", "as_of", "dated_by"])


def test_checks_sentence_names_each_month_and_edition_and_the_undated_documents():
    found = prose.checks_sentence(
        checks(("2023-12", 4, "MCS 2023 (Jan 2023)"), ("2024-03", 1, "MCS 2024 (Jan 2024)"), ("", 2, "")),
        months(("Wire", "2023-12", "its date"), ("Blog", "2024-03", "its date"), (EVIL, "", "undated: not checked")),
        "rare_earths_usgs.csv",
    )
    assert text(found) == (
        r"Of 7 checkable claims, each checked as of its document's month: 4 as of 2023-12 against MCS 2023 \(Jan "
        r"2023\); 1 as of 2024-03 against MCS 2024 \(Jan 2024\); 2 in undated documents, not checked. 1 of 3 "
        f"documents is undated ({EVIL_SHOWN}): not checked (`as_of` would date them)."
    )


def test_checks_sentence_with_an_as_of_before_any_edition():
    found = prose.checks_sentence(
        checks(("2019-01", 3, "")), months(("Note", "2019-01", "the as_of parameter")), "usgs.csv"
    )
    assert text(found) == (
        "Of 3 checkable claims, each checked as of its document's month: 3 dated before any edition in the "
        "reference data. 1 of 1 document is undated (Note): checked as of 2019-01, the `as_of` parameter."
    )


def test_checks_sentence_without_claims_or_without_a_usgs_table():
    dated = months(("Wire", "2023-09", "its date"), ("Memo", "2023-09", "its date"))
    assert text(prose.checks_sentence(checks(), dated, "usgs.csv")) == (
        "No text makes a claim that the USGS figures can check. None of the 2 documents is undated."
    )
    assert text(prose.checks_sentence(checks(), dated, "")) == (
        "The event profile names no USGS table of rare-earth figures, so no claim is checked. None of the 2 "
        "documents is undated."
    )


# --- the route on the map -----------------------------------------------------------------------


def test_route_sentence_without_a_corridor():
    found = prose.route_sentence(Route("", (), False), "Joe Biden's state visit to Vietnam")
    assert text(found) == "The profile of Joe Biden's state visit to Vietnam gives no corridor, so there is no map."


def test_route_sentence_when_the_corpus_does_not_name_it():
    found = prose.route_sentence(Route("Rail line", ("Kunming", "Lao Cai", "Haiphong"), False), "A visit")
    assert (
        text(found) == "No text here names the Rail line or both Kunming and Haiphong, so the Rail line is not drawn."
    )
    given = prose.route_sentence(Route("", ("Kunming", "Hanoi"), False), "A visit")
    assert text(given) == "No text here names both Kunming and Hanoi, so the route Kunming–Hanoi is not drawn."


def test_route_sentence_names_the_texts_that_name_it():
    found = prose.route_sentence(Route("Rail line", ("A", "B", "C"), True, ("Wire", EVIL)), "A visit")
    assert text(found) == (
        f"2 texts name the Rail line or both A and C (Wire, {EVIL_SHOWN}): the map joins the 3 stations of the "
        "Rail line in route order."
    )


LATER = ("second_largest_reserves", "MCS 2024", "rank 2", "MCS 2025", "rank 6", "true when written")


def test_bottom_line_reports_the_month_with_most_claims_and_says_of_how_many():
    table = pd.concat(
        [
            verdicts(RESERVES, as_of="2023-12", n_claims=1),
            verdicts(LATER, as_of="2024-03", n_claims=3),
            verdicts(("second_largest_reserves", "", "", "", "", "undated: not checked"), as_of="", n_claims=4),
        ]
    )
    found = text(prose.bottom_line(matrix({"Reserves": [8]}, ["Wire"]), table, vietnam(), 1))
    assert found.endswith(
        "The second-largest-reserves claim, checked as of 2024-03 for 3 of its 8 sentences, is **true when written**: "
        "MCS 2024 had rank 2; MCS 2025 has rank 6."
    )


def test_bottom_line_when_the_claim_is_made_only_in_undated_texts():
    undated = verdicts(("second_largest_reserves", "", "", "", "", "undated: not checked"), as_of="", n_claims=2)
    found = text(prose.bottom_line(matrix({"Reserves": [2]}, ["Note"]), undated, vietnam(), 1))
    assert found.endswith("The second-largest-reserves claim, made in undated texts, is **undated: not checked**.")
