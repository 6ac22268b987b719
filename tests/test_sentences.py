"""Sentence segmentation on the hard cases of news English, with offsets into the raw text."""

from __future__ import annotations

import tomllib
from itertools import pairwise

import pytest
from conftest import REPO
from hypothesis import given
from hypothesis import strategies as st

import xivn
from xivn.corpus.checks import offset_mismatches
from xivn.corpus.sentences import segment, sentence_spans

GOLD = tomllib.loads((REPO / "tests" / "gold" / "sentences.toml").read_text(encoding="utf-8"))["document"]
GOLDEN_RULES = [d for d in GOLD if d["id"].startswith("golden-")]


def sentences_of(make_corpus, text: str) -> list[str]:
    corpus = xivn.load_corpus(make_corpus({"doc.txt": text}))
    return corpus.sentences["text"].tolist()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations with a full stop do not end a sentence
        (
            "Biden visited the U.S. Embassy in Hanoi. Xi came later.",
            ["Biden visited the U.S. Embassy in Hanoi.", "Xi came later."],
        ),
        ("The talks began on Sept. 10 in Hanoi. They ended.", ["The talks began on Sept. 10 in Hanoi.", "They ended."]),
        # a dateline with a dash stays with its sentence
        ("Dec 12 – Xi arrived in Hanoi. He met Trong.", ["Dec 12 – Xi arrived in Hanoi.", "He met Trong."]),
        # a full stop inside a closing quotation mark
        ("He said “we are partners.” Then he left.", ["He said “we are partners.”", "Then he left."]),
    ],
)
def test_hard_cases(make_corpus, text, expected):
    assert sentences_of(make_corpus, text) == expected


def test_bullets_and_headings_are_their_own_sentences_without_markers(make_corpus):
    text = "Deals signed\n- Perform joint patrols in the Gulf of Tonkin.\n- Establish hotlines\nThe list ends here."
    assert sentences_of(make_corpus, text) == [
        "Deals signed",
        "Perform joint patrols in the Gulf of Tonkin.",
        "Establish hotlines",
        "The list ends here.",
    ]


def test_wrapped_paragraph_sentence_spans_keep_the_line_break(make_corpus):
    text = (
        "Vietnam and China signed a series of agreements on Wednesday covering rail\n"
        "links, security and digital data, during a visit that officials in Hanoi\n"
        "described as historic. A second sentence follows it.\n"
    )
    corpus = xivn.load_corpus(make_corpus({"doc.txt": text}))
    sentences = corpus.sentences
    assert len(sentences) == 2
    assert "rail\nlinks" in sentences["text"].iloc[0]
    assert offset_mismatches(sentences, corpus).empty


def test_seed_sentences(seeds):
    sentences = seeds.sentences
    assert offset_mismatches(sentences, seeds).empty
    pamir = sentences[sentences["doc_id"] == "004_7f647e3ecafc4dc6"]["text"].tolist()
    assert "Perform joint patrols in the Gulf of Tonkin." in pamir
    assert any(s.startswith("According to data from China’s General Department of Customs") for s in pamir)
    # 'U.S. President Joe Biden' in seed 001 does not split the sentence
    preview = sentences[sentences["doc_id"] == "001_492d9b2ee9d6a8ad"]["text"].tolist()
    assert any("after the visit of U.S. President Joe Biden to Vietnam in September" in s for s in preview)


def test_sentence_ids_run_per_document_and_sit_inside_their_paragraph(seeds):
    sentences, paragraphs = seeds.sentences, seeds.paragraphs
    for _, group in sentences.groupby("doc_id"):
        assert group["sent_id"].tolist() == list(range(len(group)))
    merged = sentences.merge(paragraphs, on=["doc_id", "par_id"], suffixes=("", "_par"))
    assert (merged["start"] >= merged["start_par"]).all()
    assert (merged["end"] <= merged["end_par"]).all()
    assert (merged["kind"] == merged["kind_par"]).all()


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in segment(text)]


@pytest.mark.parametrize("case", GOLDEN_RULES, ids=lambda d: d["id"])
def test_english_golden_rules(case):
    # the 48 English Golden Rules of the Pragmatic Segmenter, as tests/gold/sentences.toml holds them
    assert sentences(case["text"]) == [row["quote"] for row in case["expect"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title before a name never ends a sentence (sentencex splits after "Ms.")
        ("Ms. Nguyen translated. He left.", ["Ms. Nguyen translated.", "He left."]),
        # a month before a number: "Nov." then "2023"
        ("Exports fell in Jan.-Nov. 2023, data showed.", ["Exports fell in Jan.-Nov. 2023, data showed."]),
        # "approx." before a currency sign, "bn." before a lower-case word
        ("It was approx. $20 bn. in 2022, officials said.", ["It was approx. $20 bn. in 2022, officials said."]),
        (
            "They signed 36 documents, incl. one on rail. Details were scarce.",
            ["They signed 36 documents, incl. one on rail.", "Details were scarce."],
        ),
        # an abbreviation that can end a sentence still does before a capital
        (
            "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
            ["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."],
        ),
        ("Trade hit $171.9 bn. The record was broken.", ["Trade hit $171.9 bn.", "The record was broken."]),
        # numbers ending sentences are no list: the first does not open the text or follow a colon
        ("China is No. 1. The U.S. is No. 2. Japan next.", ["China is No. 1.", "The U.S. is No. 2.", "Japan next."]),
        # an inline enumeration: split before each marker, never after one
        ("Goals: 1. Expand trade 2. Build rail links", ["Goals:", "1. Expand trade", "2. Build rail links"]),
        ("a. Rail b. Ports c. Power", ["a. Rail", "b. Ports", "c. Power"]),
        # a full stop, then a spaced ellipsis and a capital: the ellipsis opens the next sentence
        ("Trade grew. . . . Investment did not.", ["Trade grew.", ". . . Investment did not."]),
    ],
)
def test_mends_after_sentencex(text, expected):
    assert sentences(text) == expected


def test_mended_spans_are_exact_offsets_into_the_raw_text():
    raw = "Intro line\r\nMs. Nguyen met\r\nLt. Gen. Li in Jan.-Nov.\n2023 talks on: 1. Rail 2. Ports"
    start = raw.index("Ms.")
    spans = list(sentence_spans(raw, start, len(raw)))
    assert [raw[s:e] for s, e in spans] == [
        "Ms. Nguyen met\r\nLt. Gen. Li in Jan.-Nov.\n2023 talks on:",
        "1. Rail",
        "2. Ports",
    ]


# Pieces that set off each mend: abbreviations, list markers, spaced ellipses, quotes.
MEND_PIECES = [
    "1. ", "2. ", "3.) ", "a. ", "b. ", "• 9. ", "⁃10. ", ". . . ", "word. ", "Ms. ", "Jan.-Nov. ", "bn. ",
    "in ", "The ", "U.S. ", ": ", "?", "!", "“", "” ", "... ", "No. 2. ", "Co. ", "approx. ", "$5 ", "\t",
]  # fmt: skip


@given(st.lists(st.sampled_from(MEND_PIECES), min_size=1, max_size=14).map("".join))
def test_mended_spans_are_ordered_trimmed_and_leave_out_only_whitespace(text):
    spans = segment(text)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
    covered = {k for s, e in spans for k in range(s, e)}
    assert all(text[k].isspace() for k in range(len(text)) if k not in covered)
