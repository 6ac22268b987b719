"""Sentence segmentation on the hard cases of news English, with offsets into the raw text."""

from __future__ import annotations

import pytest

import xivn
from xivn.corpus.checks import offset_mismatches


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
