"""Frames: the dictionary's own examples, facts of the seeds, intervals, agreement, the slogan."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from xivn.corpus.checks import offset_mismatches
from xivn.cues.exclusions import NO_EXCLUSIONS, load_exclusions
from xivn.errors import DataFileError, ParameterError
from xivn.event import load_event
from xivn.framing import frames as framing
from xivn.framing.lexicon import fold

FRAMES = framing.load_frames()
EXCLUSIONS = load_exclusions()  # the shared sense checks, as frame_evidence applies them
EXAMPLES = [(f.id, text, True) for f in FRAMES for text in f.examples]
EXAMPLES += [(f.id, text, False) for f in FRAMES for text in f.counter_examples]


@pytest.mark.parametrize(("frame_id", "text", "fires"), EXAMPLES)
def test_dictionary_examples_hold(frame_id, text, fires):
    frame = next(f for f in FRAMES if f.id == frame_id)
    assert bool(frame.cues_in(fold(text), EXCLUSIONS)) is fires


def test_every_frame_has_examples_both_ways():
    assert all(f.examples and f.counter_examples for f in FRAMES)
    assert {f.set for f in FRAMES} == {"generic", "event"}


SENSED = """
[terms]
sea = ['\\bislands?\\b', '\\bsea\\b']
[[frame]]
id = "dispute"
set = "event"
label = "Dispute"
definition = "d"
strong = [{ pattern = '\\bterritor(?:y|ies)\\b', with = ["sea"] }, '\\bshoal\\b']
exclude = ['\\bred\\s+sea\\b', '\\bcountries\\s+and\\s+territories\\b']
"""


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("They claim the territory around the islands.", ["territory"]),
        ("Investors came from 111 countries and territories.", []),  # the word alone has no sense here
        ("Territories in the Red Sea were named.", []),  # the excluded sea does not give it one
        ("Countries and territories near the shoal, and territory near the islands.", ["shoal", "territory"]),
    ],
)
def test_a_sensed_cue_needs_its_context_and_exclusions_cancel_only_what_they_overlap(tmp_path, text, cues):
    path = tmp_path / "frames.toml"
    path.write_text(SENSED, encoding="utf-8")
    (frame,) = framing.load_frames(path)
    assert [text[a:b].lower() for _, a, b, *_ in frame.cues_in(fold(text))] == cues


def test_shared_exclusions_apply_to_the_frames_they_name(make_corpus):
    import xivn

    corpus = xivn.load_corpus(make_corpus({"a.txt": "Sales of mineral water and lithium batteries rose.\n"}))
    kept = framing.frame_evidence(corpus).query("frame_id == 'critical_minerals'")
    assert list(kept["cues"]) == ["lithium"]  # "mineral" is vetoed, the true cue stays
    assert "cue_exclusions.toml" in framing.frame_evidence(corpus).attrs["exclusions"]
    bare = framing.frame_evidence(corpus, exclusions=NO_EXCLUSIONS).query("frame_id == 'critical_minerals'")
    assert list(bare["cues"]) == ["mineral; lithium"]


def test_evidence_names_the_context_word_that_gave_the_cue_its_sense(make_corpus):
    import xivn

    text = "The two sides pledged to respect each other's sovereignty over the islands.\n"
    corpus = xivn.load_corpus(make_corpus({"a.txt": text}))
    row = framing.frame_evidence(corpus).query("frame_id == 'territorial_mistrust'").iloc[0]
    assert (row["cue"], row["context"]) == ("sovereignty", "islands")


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # "the war" refers back to the invasion named in the sentence before
        (
            "In 1979 Chinese troops poured across the frontier.\n\nTextbooks rarely mention the war today.\n",
            [("Textbooks rarely mention the war today.", "the war", "1979 (sentence 0)")],
        ),
        ("Textbooks rarely mention the war today.\n", []),  # nothing in the text says which war
        ("The war in Ukraine pushed up prices.\n\nTextbooks rarely mention the war today.\n", []),
    ],
)
def test_a_document_scoped_cue_takes_its_sense_from_another_sentence(make_corpus, text, rows):
    import xivn

    corpus = xivn.load_corpus(make_corpus({"a.txt": text}))
    evidence = framing.frame_evidence(corpus).query("frame_id == 'territorial_mistrust' and cue == 'the war'")
    assert list(zip(evidence["quote"], evidence["cue"], evidence["context"], strict=True)) == rows


def test_a_document_scoped_cue_needs_no_document_when_its_sentence_has_the_word(tmp_path):
    path = tmp_path / "frames.toml"
    path.write_text(SENSED.replace('with = ["sea"] }', 'with = ["sea"], scope = "document" }'), encoding="utf-8")
    (frame,) = framing.load_frames(path)
    assert frame.document_scoped == {"\\bterritor(?:y|ies)\\b"}
    assert [m[4] for m in frame.cues_in(fold("The territory near the islands."))] == [((None, 23, 30),)]
    assert frame.cues_in(fold("The territory."), document=["A far sea.", "The territory."], at=1)[0][4] == ((0, 6, 9),)
    assert frame.cues_in(fold("The territory."), document=["The territory."], at=0) == []  # not its own words


@pytest.mark.parametrize(
    ("frame_id", "text"),
    [  # the false positives measured on real coverage
        ("territorial_mistrust", "It drew capital from 111 countries and territories investing in the country."),
        ("critical_minerals", "The two sides will expand cooperation in agriculture and mineral exploitation."),
        ("symbolic_outcome", "Growth fell short of the 4.2% rate pencilled in by forecasters."),
    ],
)
def test_single_ambiguous_words_no_longer_fire(frame_id, text):
    frame = next(f for f in FRAMES if f.id == frame_id)
    assert frame.cues_in(fold(text), EXCLUSIONS) == []


def docs_with(evidence, frame_id):
    return sorted({d[:3] for d in evidence.loc[evidence["frame_id"] == frame_id, "doc_id"]})


def test_symbolic_outcome_is_in_the_after_texts_not_the_previews(seeds):
    evidence = framing.frame_evidence(seeds)
    assert docs_with(evidence, "symbolic_outcome") == ["000", "003", "004"]
    blog = evidence[(evidence["frame_id"] == "symbolic_outcome") & evidence["doc_id"].str.startswith("004")]
    assert any("largely symbolic" in q for q in blog["quote"])


def test_symbolic_judgement_is_attributed_in_the_wire_and_authorial_in_the_rewrite(seeds):
    evidence = framing.frame_evidence(seeds).query("frame_id == 'symbolic_outcome'")
    wire = evidence[evidence["quote"].str.contains("more symbolic than real")]
    rewrite = evidence[evidence["quote"].str.contains("more symbolic weight")]
    assert wire["attributed"].all() and len(wire) == 2  # standfirst and body: "analysts ... said"
    assert not rewrite["attributed"].any()


def test_evidence_rows_point_at_their_words(seeds):
    evidence = framing.frame_evidence(seeds)
    assert offset_mismatches(evidence, seeds, text_column="quote").empty
    spans = zip(evidence["doc_id"], evidence["cue_start"], evidence["cue_end"], strict=True)
    cues = [seeds.text(d)[a:b] for d, a, b in spans]
    assert cues == list(evidence["cue"])
    assert not evidence.duplicated(["doc_id", "sent_id", "frame_id"]).any()


def test_profile_counts_shares_and_intervals(seeds):
    profile = framing.frame_profile(seeds, draws=200, seed=1)
    assert len(profile) == len(seeds) * len(FRAMES)
    assert (profile["share"] == (profile["n_sentences"] / profile["n_article_sentences"]).round(3)).all()
    assert ((profile["ci_low"] <= profile["share"]) & (profile["share"] <= profile["ci_high"])).all()
    absent = profile[profile["n_sentences"] == 0]
    assert (absent["wilson_high"] > 0).all()  # Wilson stays honest where the bootstrap says [0, 0]
    again = framing.frame_profile(seeds, draws=200, seed=1)
    assert again.equals(profile)


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [(3, 24, 0.043, 0.310), (0, 24, 0.0, 0.138), (10, 24, 0.245, 0.612)],  # the brief's examples
)
def test_wilson_interval(k, n, low, high):
    lo, hi = framing.wilson_interval(k, n)
    assert (float(lo), float(hi)) == pytest.approx((low, high), abs=1e-3)


def test_cohen_kappa_worked_example_and_undefined_case():
    hand = [1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0]
    auto = [1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0]
    assert framing.cohen_kappa(hand, auto) == pytest.approx(0.625)
    assert math.isnan(framing.cohen_kappa([0, 0, 0], [0, 0, 0]))  # frame never used: undefined, not 0


def test_agreement_with_the_hand_coded_sample(seeds):
    agreement = framing.frame_agreement(seeds)
    assert list(agreement["frame_id"]) == [f.id for f in FRAMES]
    assert (agreement["n"] == 40).all()
    assert (agreement[["n11", "n10", "n01", "n00"]].sum(axis=1) == 40).all()
    undefined = agreement[agreement["note"] != ""]
    assert set(undefined["frame_id"]) >= {"morality"}  # never coded in the sample
    assert undefined["kappa"].isna().all()


def test_agreement_is_empty_on_a_corpus_without_gold_sentences(make_corpus):
    import xivn

    corpus = xivn.load_corpus(make_corpus({"a.txt": "Nothing about the visit here.\n"}))
    assert framing.frame_agreement(corpus).empty


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            '[[frame]]\nid = "x"\nset = "generic"\nlabel = "X"\ndefinition = "d"\nstrong = ["(unclosed"]\n',
            "[frame.1.strong.1]: bad regular",
        ),
        (
            '[[frame]]\nid = "x"\nset = "other"\nlabel = "X"\ndefinition = "d"\nstrong = []\n',
            "[frame.1.set]: expected one of generic",
        ),
        ('[[frame]]\nid = "x"\nset = "event"\nlabel = "X"\ndefinition = "d"\nstrong = []\nrequires = ["us"]\n', "us"),
        ('[[frame]]\nid = "x"\nset = "event"\nlabel = "X"\n', "definition"),
        ("title = 'no frames'\n", "frames.toml: missing field"),
        (
            '[[frame]]\nid = "x"\nset = "event"\nlabel = "X"\ndefinition = "d"\n'
            'strong = [{ pattern = "a", with = ["sea"] }]\n',
            "[frame.1.strong.1.with]: unknown term list 'sea'",
        ),
        (
            '[[frame]]\nid = "x"\nset = "event"\nlabel = "X"\ndefinition = "d"\nstrong = [{ pattern = "a" }]\n',
            "[frame.1.strong.1]: missing field",
        ),
        ('[[frame]]\nid = "x"\nset = "event"\nlabel = "X"\ndefinition = "d"\nstrong = [3]\n', "a regular expression"),
    ],
)
def test_bad_frame_files_name_the_entry(tmp_path, toml, message):
    path = tmp_path / "frames.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(DataFileError, match=message.replace("[", r"\[")):
        framing.load_frames(path)


def test_select_sources_by_prefix_label_or_id(seeds):
    assert framing.select_sources(seeds, ["000", "Pamir (blog)"]).doc_ids == [seeds.doc_ids[0], seeds.doc_ids[4]]
    assert framing.select_sources(seeds, []).doc_ids == seeds.doc_ids
    with pytest.raises(ParameterError, match="matches no document"):
        framing.select_sources(seeds, ["999"])
    with pytest.raises(ParameterError, match="ambiguous"):
        framing.select_sources(seeds, ["00"])


def test_slogan_renderings(seeds):
    renderings = framing.slogan_renderings(seeds, load_event().slogan)
    summary = framing.slogan_summary(renderings, seeds)
    by_prefix = {row["doc_id"][:3]: row for _, row in summary.iterrows()}
    assert by_prefix["000"]["meaning_note"] and by_prefix["000"]["explains"]  # "a word that means 'destiny'"
    assert by_prefix["003"]["meaning_note"]  # "conveys the essence of destiny"
    assert by_prefix["001"]["mentions"] == 0 and by_prefix["004"]["mentions"] == 0
    assert "shared future community" in by_prefix["003"]["forms"]
    assert offset_mismatches(renderings, seeds, text_column="quote").empty


def test_the_slogan_comes_from_the_event_profile(seeds):
    visit = load_event().slogan
    assert framing.slogan_gloss(visit).meaning == "destiny"  # 命运: fate, destiny
    only_one = replace(visit, renderings=(r"\bcommunity\s+with\s+a\s+shared\s+future\b",))
    assert set(framing.slogan_renderings(seeds, only_one)["rendering"]) == {"community with a shared future"}
    assert not framing.slogan_renderings(seeds, replace(visit, original=""))["meaning"].any()  # no gloss known
    assert framing.slogan_gloss(replace(visit, original="")) is None
    assert framing.slogan_renderings(seeds, None).empty
    assert framing.slogan_gloss(None) is None


def test_the_dictionary_names_the_event_its_event_frames_were_written_for():
    assert framing.written_for() == "xi_vietnam_2023"
    assert load_event(framing.written_for()).id == "xi_vietnam_2023"  # a shipped profile
