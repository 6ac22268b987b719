"""Scope: which documents are about the event, with the evidence — on the seeds, on a corpus of
another event under both profiles, and on small corpora made for one rule each."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import AF, INQUIRER, PAMIR, PREVIEW, REWRITE

import xivn
from xivn.errors import DataFileError
from xivn.event.scope import (
    EVIDENCE_COLUMNS,
    SCOPE_COLUMNS,
    VERDICTS,
    country_pairs,
    scope_evidence,
    scope_rules,
    scope_table,
    verdicts,
)
from xivn.paths import data_path

EVENTS = Path(__file__).parent / "fixtures" / "events"
ARTICLES = ["000_wire_upgrade", "001_preview", "002_second_day", "003_analysis", "004_brief"]
METADATA = "doc_id,file,date,language\n"


@pytest.fixture(scope="module")
def second_corpus():
    return xivn.load_corpus(EVENTS / "biden_vietnam_2023")


def verdict_of(table, doc_id: str) -> str:
    return table.set_index("doc_id").loc[doc_id, "verdict"]


def reason_of(table, doc_id: str) -> str:
    return table.set_index("doc_id").loc[doc_id, "reason"]


def one_rule_corpus(make_corpus, documents: dict[str, tuple[str, str]], language: str = "en") -> xivn.Corpus:
    """A corpus of ``{doc_id: (date, text)}``, each stated in ``language``."""
    rows = "".join(f"{doc_id},{doc_id}.txt,{day},{language}\n" for doc_id, (day, _) in documents.items())
    files = {f"{doc_id}.txt": text for doc_id, (_, text) in documents.items()}
    return xivn.load_corpus(make_corpus({**files, "metadata.csv": METADATA + rows}))


# --- The seeds and the 2023 visit ------------------------------------------------------------------


def test_every_seed_is_in_scope_of_the_2023_visit(seeds, xi):
    table = scope_table(seeds, xi)
    assert list(table.columns) == SCOPE_COLUMNS
    assert table["doc_id"].tolist() == [AF, PREVIEW, INQUIRER, REWRITE, PAMIR]
    assert set(table["verdict"]) == {"in_scope"}
    assert table["names_pair"].all()
    assert all(reason.startswith("names China and Vietnam together") for reason in table["reason"])


def test_a_seed_in_scope_says_who_it_names_and_how_it_is_dated(seeds, xi):
    table = scope_table(seeds, xi)
    assert "Xi Jinping" in table.set_index("doc_id").loc[AF, "participants"]
    assert "shared future" in table.set_index("doc_id").loc[AF, "terms"]
    assert reason_of(table, AF).endswith("dated 2023-12-13, during the state visit")
    assert reason_of(table, PAMIR).endswith("dated 2023-12, a period that includes the state visit")


def test_the_seeds_evidence_quotes_article_sentences_at_their_offsets(seeds, xi):
    evidence = scope_evidence(seeds, xi)
    assert list(evidence.columns) == EVIDENCE_COLUMNS
    assert set(evidence["kind"]) == {"pair", "participant", "term", "date"}
    sentences = seeds.sentences.set_index(["doc_id", "sent_id"])
    for row in evidence.itertuples():
        sentence = sentences.loc[(row.doc_id, row.sent_id)]
        assert not sentence["is_chrome"]
        assert sentence["text"] == row.quote
        assert sentence["start"] <= row.start < row.end <= sentence["end"]
    words = [seeds.quote(r.doc_id, r.start, r.end) for r in evidence[evidence["kind"] == "participant"].itertuples()]
    assert set(words) <= {"Xi", "Xi Jinping", "Pham Minh Chinh", "Vuong Dinh Hue", "Nguyen Phu Trong", "Trong"}


def test_a_date_the_pamir_blog_states_is_read_with_the_event_year_and_its_distance(seeds, xi):
    dates = scope_evidence(seeds, xi).query("kind == 'date' and doc_id == @PAMIR")
    by_value = dates.set_index("value")
    assert by_value.loc["2023-12-12", "near"]
    assert by_value.loc["2023-12-12", "note"] == "during the state visit; year not stated, read as 2023"
    assert not by_value.loc["2023-09-10", "near"]  # Biden's visit, three months earlier
    assert by_value.loc["2023-09-10", "note"].startswith("93 days before the state visit")


def test_the_country_pairs_of_a_seed_are_counted_by_sentence_most_first(seeds):
    pairs = country_pairs(seeds.subset([AF]))
    assert pairs["pair"].iloc[0] == "China-Vietnam"
    assert pairs["n_sentences"].is_monotonic_decreasing
    first = pairs.iloc[0]
    assert seeds.quote(AF, first["start"], first["end"]) == first["quote"]
    assert "China" in first["quote"] and "Vietnam" in first["quote"]


# --- A corpus of another event, under both profiles --------------------------------------------------


def test_the_2023_visit_finds_nothing_in_scope_in_a_corpus_about_another_visit(second_corpus, xi):
    table = scope_table(second_corpus, xi)
    assert "in_scope" not in set(table["verdict"])
    assert verdict_of(table, "000_wire_upgrade") == "pair_only"  # names China and Vietnam, in September
    assert reason_of(table, "000_wire_upgrade").endswith("but dated 2023-09-10, 93 days before the state visit")
    assert verdict_of(table, "003_analysis") == "pair_only"
    assert "73 days before the state visit" in reason_of(table, "003_analysis")
    for doc_id in ("001_preview", "002_second_day", "004_brief", "005_other_pair"):
        assert verdict_of(table, doc_id) == "other_pair"
        assert reason_of(table, doc_id).endswith("never China and Vietnam")
    assert "(United States-Vietnam)" in reason_of(table, "002_second_day")
    assert verdict_of(table, "006_kitchen") == "no_pair"


def test_the_other_visits_profile_finds_its_articles_and_flags_the_off_topic_ones(second_corpus, biden):
    table = scope_table(second_corpus, biden)
    assert table.loc[table["verdict"] == "in_scope", "doc_id"].tolist() == ARTICLES
    assert verdict_of(table, "005_other_pair") == "other_pair"
    assert reason_of(table, "005_other_pair") == (
        "names other countries together (Australia-Japan), never United States and Vietnam"
    )
    assert verdict_of(table, "006_kitchen") == "no_pair"
    assert reason_of(table, "006_kitchen") == "never names two countries in one sentence (it names only Italy)"


def test_an_undated_article_is_dated_by_the_date_its_text_states(second_corpus, biden):
    table = scope_table(second_corpus, biden)
    assert table.set_index("doc_id").loc["001_preview", "document_date"] == ""
    assert reason_of(table, "001_preview").endswith(
        "states 2023-09-10 (during the state visit; year not stated, read as 2023)"
    )


def test_the_pair_named_only_in_page_chrome_does_not_count(make_corpus, xi):
    text = (
        "Skip to content\n\nLocal Council Approves Budget\n\nThe council approved its budget on Monday.\n\n"
        "Related Stories\nChina And Vietnam Sign Deals\nXi Jinping Visits Hanoi\n\n"
        "We use cookies to improve your experience. Accept all cookies.\n"
    )
    corpus = one_rule_corpus(make_corpus, {"council": ("2023-12-12", text)})
    assert corpus.article_sentences()["text"].str.contains("China").sum() == 0  # the links are chrome
    table = scope_table(corpus, xi)
    assert table["verdict"].tolist() == ["no_pair"]
    assert table["reason"].tolist() == ["never names two countries in one sentence (it names no country)"]


# --- One rule each -----------------------------------------------------------------------------------

VISIT = "Chinese President Xi Jinping held talks in Hanoi with Vietnam's leaders during his state visit."
OLD_VISIT = "China and Vietnam discussed their border during a state visit by the Chinese president."


def test_an_undated_text_with_a_term_but_no_participant_is_not_taken_for_the_event(make_corpus, xi):
    table = scope_table(one_rule_corpus(make_corpus, {"old": ("", OLD_VISIT)}), xi)
    assert table["verdict"].tolist() == ["pair_only"]
    assert table["reason"].iloc[0].endswith("but states no date and names no participant")


def test_an_undated_text_with_a_participant_and_a_term_is_in_scope(make_corpus, xi):
    table = scope_table(one_rule_corpus(make_corpus, {"visit": ("", VISIT)}), xi)
    assert table["verdict"].tolist() == ["in_scope"]
    assert table["reason"].iloc[0].endswith("; states no date")


def test_a_text_dated_far_from_the_event_is_in_scope_when_it_states_the_events_dates(make_corpus, xi):
    text = f"{VISIT} The talks, on 12-13 December 2023, produced 36 documents."
    table = scope_table(one_rule_corpus(make_corpus, {"later": ("2024-06-01", text)}), xi)
    assert table["verdict"].tolist() == ["in_scope"]
    assert table["reason"].iloc[0].endswith("states 2023-12-12 (during the state visit)")


def test_a_text_dated_far_from_the_event_with_no_date_near_it_is_only_about_the_pair(make_corpus, xi):
    table = scope_table(one_rule_corpus(make_corpus, {"old": ("2004-05-10", VISIT)}), xi)
    assert table["verdict"].tolist() == ["pair_only"]
    assert table["reason"].iloc[0].endswith("but dated 2004-05-10, 7,155 days before the state visit")


def test_the_pair_without_anything_of_the_event_is_only_about_the_pair(make_corpus, xi):
    text = "China and Vietnam traded more rice this year, customs data showed."
    table = scope_table(one_rule_corpus(make_corpus, {"rice": ("2023-12-12", text)}), xi)
    assert table["verdict"].tolist() == ["pair_only"]
    assert "but no participant or term of the state visit" in table["reason"].iloc[0]


def test_a_document_in_another_language_is_not_read(make_corpus, xi):
    corpus = one_rule_corpus(make_corpus, {"fr": ("2023-12-12", VISIT)}, language="fr")
    table = scope_table(corpus, xi)
    assert table["verdict"].tolist() == ["not_read"]
    assert table["reason"].tolist() == ["not read: its language is fr"]
    assert scope_evidence(corpus, xi).empty


@pytest.mark.parametrize(
    ("sentence", "value", "near"),
    [
        ("Xi arrived on December 12, 2023 for talks.", "2023-12-12", True),
        ("Xi arrived on Dec. 12, 2023 for talks.", "2023-12-12", True),
        ("Xi was in Hanoi 12-13 December 2023 for talks.", "2023-12-12", True),
        ("Xi was in Hanoi on 2023-12-13 for talks.", "2023-12-13", True),
        ("The pact was first signed on 5 November 2017.", "2017-11-05", False),
        ("Officials met on 30 November 2023.", "2023-11-30", True),  # 12 days before: near
    ],
)
def test_a_stated_date_is_read_in_its_usual_forms_and_placed_against_the_window(make_corpus, xi, sentence, value, near):
    evidence = scope_evidence(one_rule_corpus(make_corpus, {"d": ("", sentence)}), xi)
    dates = evidence[evidence["kind"] == "date"]
    assert dates["value"].tolist() == [value]
    assert dates["near"].tolist() == [near]


@pytest.mark.parametrize("sentence", ["It rained on 31 February 2023.", "The May 2023 figures rose.", "may 12 of them"])
def test_what_is_no_calendar_day_is_no_date(make_corpus, xi, sentence):
    evidence = scope_evidence(one_rule_corpus(make_corpus, {"d": ("", sentence)}), xi)
    assert evidence[evidence["kind"] == "date"].empty


def test_an_empty_corpus_has_an_empty_scope_table(seeds, xi):
    empty = seeds.subset([])
    assert scope_table(empty, xi).empty
    assert list(scope_table(empty, xi).columns) == SCOPE_COLUMNS
    assert scope_evidence(empty, xi).empty


# --- The rules file ---------------------------------------------------------------------------------


def test_the_verdicts_are_listed_in_the_order_they_are_decided_with_their_words():
    table = verdicts()
    assert table["verdict"].tolist() == list(VERDICTS)
    assert table["label"].notna().all()
    assert (table["description"].str.len() > 20).all()


def test_a_rules_file_missing_a_verdict_names_the_entry(tmp_path):
    text = data_path("scope.toml").read_text(encoding="utf-8")
    broken = tmp_path / "scope.toml"
    broken.write_text(text.replace("[verdicts.no_pair]", "[verdicts.off_topic]"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"scope\.toml \[verdicts\]: expected exactly the verdicts"):
        scope_rules(broken)


def test_a_date_pattern_without_its_groups_names_the_entry(tmp_path):
    text = data_path("scope.toml").read_text(encoding="utf-8")
    broken = tmp_path / "scope.toml"
    broken.write_text(text.replace("dates = [\n", "dates = [\n  '\\b\\d{4}\\b',\n", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"scope\.toml \[dates\.1\]: a date pattern needs the named groups"):
        scope_rules(broken)
