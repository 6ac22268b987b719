"""Voices: reported speech and speaker classes, on the seeds and on tricky sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

import xivn
from xivn.corpus.checks import offset_mismatches
from xivn.event import load_event
from xivn.framing.speakers import speaker_classes, voice_mix, voices


@pytest.fixture(scope="module")
def seed_voices(seeds):
    return voices(seeds)


def in_doc(table, prefix):
    return table[table["doc_id"].str.startswith(prefix)]


def test_the_wire_report_cites_analysts_for_the_symbolic_judgement(seed_voices, seeds):
    wire = in_doc(seed_voices, "000")
    row = wire[wire["quote"].str.contains("vie for influence")].iloc[0]
    assert (row["speaker"], row["speaker_class"]) == ("analysts and diplomats", "analysts_experts")
    reported = seeds.text(row["doc_id"])[row["content_start"] : row["content_end"]]
    assert "more symbolic than real" in reported


def test_pronoun_and_appositive_speakers(seed_voices):
    wire = in_doc(seed_voices, "000")
    added = wire[wire["cue"] == "added"].iloc[0]  # "..., he added." after "Hung Nguyen, a specialist ..., said."
    assert added["speaker"].startswith("Hung Nguyen, a specialist")
    assert added["speaker_class"] == "analysts_experts"


def test_nested_quotation_keeps_medium_and_speaker(seed_voices):
    row = in_doc(seed_voices, "002").query("form == 'nested'").iloc[0]
    assert row["speaker_class"] == "chinese_officials"
    assert "Tuoi Tre" in row["via"]


def test_publisher_and_observers_in_the_blog(seed_voices):
    blog = in_doc(seed_voices, "004")
    assert set(blog.loc[blog["speaker"] == "Pamir", "speaker_class"]) == {"publisher"}
    assert "analysts_experts" in set(blog["speaker_class"])  # "Many observers consider ..."


def test_the_rewrite_names_no_person(seed_voices):
    rewrite = in_doc(seed_voices, "003")
    assert set(rewrite["speaker_class"]) == {"analysts_experts"}  # only generic "experts"


def test_voice_rows_point_at_their_sentences(seed_voices, seeds):
    assert offset_mismatches(seed_voices, seeds, text_column="quote").empty
    assert (seed_voices["content_start"] >= seed_voices["start"]).all()
    assert (seed_voices["content_end"] <= seed_voices["end"]).all()


def test_voice_mix_adds_up(seed_voices, seeds):
    mix = voice_mix(seed_voices, seeds)
    assert list(mix["doc_id"]) == seeds.doc_ids
    assert mix["total"].sum() == len(seed_voices)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("“We will never accept these terms from anyone,” said Jane Roe.", [("Jane Roe", "direct")]),  # inversion
        ("If confirmed, this would be a big concession.", []),  # "If" is not a speaker
        ("His visit shows the importance of the country.", []),  # "shows" with an object is not speech
        ("The two sides signed deals, a list from the ministry showed.", [("a list from the ministry", "indirect")]),
        ("They agreed to build a “shared future” together.", []),  # a quoted term is not a voice
        ("“This is a long quotation without any speaker at all.”", [("", "unattributed_quote")]),
        ("According to the customs data, trade rose.", [("the customs data", "source_phrase")]),
    ],
)
def test_edge_sentences(make_corpus, sentence, expected):
    corpus = xivn.load_corpus(make_corpus({"a.txt": sentence + "\n"}))
    table = voices(corpus)
    assert list(zip(table["speaker"], table["form"], strict=True)) == expected


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Notably, following the meeting President Xi emphasized the need for unity.", "President Xi"),
        ("After the talks Prime Minister Pham Minh Chinh said the deals were fair.", "Prime Minister Pham Minh Chinh"),
        ("At the ceremony Foreign Minister Bui Thanh Son said ties were strong.", "Foreign Minister Bui Thanh Son"),
        ("During the visit Xi said the two countries were comrades.", "Xi"),
        ("In Hanoi, officials said the visit went well.", "officials"),
    ],
)
def test_a_speaker_after_an_opening_phrase_is_the_title_and_name(make_corpus, sentence, speaker):
    corpus = xivn.load_corpus(make_corpus({"a.txt": sentence + "\n"}))
    assert list(voices(corpus)["speaker"]) == [speaker]


BIDEN = Path(__file__).parent / "fixtures" / "events" / "biden_vietnam_2023.toml"


def speakers_of(make_corpus, sentences, profile):
    corpus = xivn.load_corpus(make_corpus({"a.txt": "\n\n".join(sentences) + "\n"}))
    table = voices(corpus, profile=profile)
    return list(zip(table["speaker"], table["speaker_class"], table["official"], strict=True))


def test_the_event_countries_officials_come_first_with_the_profiles_participants(make_corpus):
    biden = load_event(BIDEN)
    classes = list(speaker_classes(profile=biden)["speaker_class"])
    assert classes[:3] == ["us_officials", "vietnamese_officials", "chinese_officials"]  # visitor, host, the rest
    assert list(speaker_classes(profile=load_event())["speaker_class"])[:3] == [
        "chinese_officials",
        "vietnamese_officials",
        "us_officials",
    ]
    sentences = ["Trong said the ties had never been closer.", "Analysts said the upgrade was overdue."]
    assert speakers_of(make_corpus, sentences, biden) == [
        ("Trong", "vietnamese_officials", True),  # a participant's alias in the profile
        ("Analysts", "analysts_experts", False),
    ]
    assert speakers_of(make_corpus, sentences[:1], None) == [("Trong", "other", False)]  # no profile, no alias


def test_a_country_with_no_officials_entry_gets_a_class_from_the_profile(make_corpus, tmp_path):
    text = BIDEN.read_text(encoding="utf-8").replace('visitor = "United States"', 'visitor = "Japan"')
    text = text.replace('name = "Joe Biden"', 'name = "Fumio Kishida"').replace("'\\bBiden\\b'", "'\\bKishida\\b'")
    text = text.replace('country = "United States"', 'country = "Japan"')
    path = tmp_path / "kishida.toml"
    path.write_text(text, encoding="utf-8")
    profile = load_event(path)
    labels = dict(speaker_classes(profile=profile).itertuples(index=False))
    assert labels["japan_officials"] == "Officials of Japan"
    sentences = ["Kishida told reporters the talks went well.", "Japan's foreign ministry said talks would go on."]
    assert speakers_of(make_corpus, sentences, profile) == [
        ("Kishida", "japan_officials", True),
        ("Japan's foreign ministry", "japan_officials", True),
    ]
