"""Property tests of the corpus layer on hostile text: the loader, the paragraph splitter and
classifier, and the sentence segmenter never raise anything but the documented errors, and every
span they return slices the raw text back exactly. Nothing is lost: the raw text is rebuilt from its
paragraphs and the whitespace between them.

Settings come from the profiles in conftest.py (reproducible examples by default).
"""

from __future__ import annotations

import re
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import xivn
from xivn.corpus.corpus import Corpus
from xivn.corpus.reader import RawDocument
from xivn.corpus.structure import classify, kind_vocabulary, split_paragraphs

# Characters that break naive text code: every line separator str.splitlines knows (a line for
# xivn ends only at \n, \r or \r\n), other controls, zero-width and direction marks, combining
# marks, astral characters, a stray byte-order mark.
SPECIALS = [
    "\n", "\r", "\r\n", "\n\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028", "\u2029",
    "\t", " ", "\xa0", "\u3000", "\x00", "\x07", "\x1b", "\x7f", "\u200b", "\u200c", "\u200d", "\u2060",
    "\ufeff", "\u200e", "\u200f", "\u202e", "\u0301", "\u0308\u0323", "𝐀", "😀", "👩‍👩‍👧", "\U0010fffd",
]  # fmt: skip
# Pieces that trigger the classifier's shapes and cues and the segmenter's hard cases.
FRAGMENTS = [
    "- ", "* ", "• ", "1. ", "2) ", "# ", "## ", "| a | b |", "|---|", "FAQ", "Q&A", "?", ". ", "! ", "…",
    "U.S. ", "Sept. 10 ", "Dec 12 – ", "HANOI (Reuters) - ", "Related Stories", "ALSO SEE: ",
    "We use cookies.", "By Jane Doe", "Reporting by Jane Doe", "Photo: Reuters", "(Reuters/Staff).",
    "Headline | Site", "Jane Doe is a journalist at AF.", "Jane Doe", "Xi Jinping Visits Hanoi", "“We are partners.” ",
    "مرحبا بالعالم. ", "שלום עולם. ", "Hà Nội ", "中越关系。", "Vietnam and China signed a series of agreements on",
]  # fmt: skip
PIECE = st.one_of(
    st.sampled_from(SPECIALS),
    st.sampled_from(FRAGMENTS),
    st.text(st.characters(codec="utf-8"), max_size=12),  # any character but a surrogate
)
LONG_LINE = st.builds(
    lambda piece, times: piece * times,
    st.sampled_from(["x", "word ", "A ", "- ", "\u200b", "é", "😀", "U.S. ", "a.b", " "]),
    st.integers(min_value=2_000, max_value=30_000),
)
TEXTS = st.lists(st.one_of(PIECE, PIECE, PIECE, LONG_LINE), max_size=40).map("".join)
LINE_BREAK_SPLIT = re.compile(r"(\r\n|\r|\n)")  # what ends a line, written again to check the code


def non_blank_lines(raw: str) -> list[tuple[int, int]]:
    """Spans of the raw lines that hold something other than whitespace, whitespace trimmed."""
    spans, position = [], 0
    for index, piece in enumerate(LINE_BREAK_SPLIT.split(raw)):  # line, break, line, break, ...
        if index % 2 == 0 and piece.strip():
            first = position + len(piece) - len(piece.lstrip())
            spans.append((first, first + len(piece.strip())))
        position += len(piece)
    return spans


def assert_nothing_lost(raw: str, spans: list[tuple[int, int]]) -> None:
    """Paragraph spans are ordered, do not overlap, and with the whitespace gaps between them
    rebuild ``raw``; every non-blank raw line lies inside exactly one of them."""
    rebuilt, position = [], 0
    for start, end in spans:
        assert position <= start < end <= len(raw), f"paragraph {start}:{end} overlaps or is out of order"
        gap = raw[position:start]
        assert gap.strip() == "", f"text outside any paragraph: {gap!r}"
        rebuilt += [gap, raw[start:end]]
        position = end
    assert raw[position:].strip() == "", f"text outside any paragraph: {raw[position:]!r}"
    assert "".join([*rebuilt, raw[position:]]) == raw
    for line_start, line_end in non_blank_lines(raw):
        holders = [(s, e) for s, e in spans if s <= line_start and line_end <= e]
        assert len(holders) == 1, f"line {raw[line_start:line_end]!r} is in {len(holders)} paragraphs"


def in_memory_corpus(raw: str) -> Corpus:
    """A one-document corpus of ``raw``, stated to be English so that every analysis reads it
    (random text may otherwise be detected as another language and be left out)."""
    return Corpus([RawDocument("doc", Path("doc.txt"), raw, "", "utf-8")], {"doc": {"language": "en"}}, None)


# --- structure ---------------------------------------------------------------------------------


@given(TEXTS)
@example("")
@example("\r")  # a lone carriage return ends a line: nothing but line breaks
@example("a\rb\r\rc")  # classic Mac line ends
@example("\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")  # all whitespace, none of them a line break for xivn
@example("one\u2028two\x0cthree")  # one line, so one paragraph
@example("A\n" * 3_000)  # many title-like lines (this was quadratic: minutes for 100,000 lines)
@example("- \n# \n| |\n1. x")  # markers with nothing after them
def test_paragraphs_slice_the_raw_text_and_lose_nothing(raw):
    paragraphs = classify(split_paragraphs(raw))
    kinds = kind_vocabulary().chrome
    for paragraph in paragraphs:
        assert raw[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text == paragraph.text.strip() != ""
        assert paragraph.start <= paragraph.content_start <= paragraph.end
        assert paragraph.kind in kinds
    assert_nothing_lost(raw, [(p.start, p.end) for p in paragraphs])


@pytest.mark.parametrize(
    ("raw", "texts"),
    [
        ("a\rb\r\rc", ["a", "b", "c"]),  # lone CR ends a line; CR CR is a blank line between them
        ("one\u2028two\x0cthree", ["one\u2028two\x0cthree"]),  # not line breaks for xivn
        ("one\n\x0c\ntwo", ["one", "two"]),  # a form-feed line is blank: a paragraph break
        ("\u200b", ["\u200b"]),  # zero-width space is not whitespace: kept as a paragraph
        ("x\r\n\r\ny\r", ["x", "y"]),
    ],
)
def test_what_a_line_is(raw, texts):
    assert [p.text for p in split_paragraphs(raw)] == texts


def test_seed_texts_are_rebuilt_from_their_paragraphs(seeds):
    for doc_id, spans in seeds.paragraphs.groupby("doc_id", sort=False)[["start", "end"]]:
        assert_nothing_lost(seeds.text(doc_id), list(spans.itertuples(index=False, name=None)))


@pytest.mark.parametrize(
    ("spans", "message"),
    [
        ([(12, 24)], "outside any paragraph"),  # first line lost
        ([(0, 11)], "outside any paragraph"),  # last line lost
        ([(0, 11), (5, 24)], "overlaps"),
        ([(0, 11), (0, 11), (12, 24)], "overlaps"),  # the same paragraph twice
        ([(0, 5), (6, 24)], "'First line.' is in 0 paragraphs"),  # a line cut in two at a space
    ],
)
def test_the_nothing_lost_check_notices_a_lost_line(spans, message):
    raw = "First line.\nSecond line.\n"
    assert_nothing_lost(raw, [(0, 11), (12, 24)])
    with pytest.raises(AssertionError, match=message):
        assert_nothing_lost(raw, spans)


# --- sentences ---------------------------------------------------------------------------------


@given(TEXTS)
@example("")
@example("- \n# \n| |\n1. x")  # markers with nothing after them
@example("U.S.\u2028Sept. 10\x85x")  # abbreviations next to separators that are not line breaks
@example("😀. 😀. \u0301.")  # astral characters and a lone combining mark: offsets count code points
def test_sentences_slice_the_raw_text_inside_their_paragraph(raw):
    corpus = in_memory_corpus(raw)
    paragraphs = corpus.paragraphs.set_index("par_id")
    sentences = corpus.sentences
    assert sentences["sent_id"].tolist() == list(range(len(sentences)))
    position = 0
    for row in sentences.itertuples(index=False):
        assert raw[row.start : row.end] == row.text
        assert row.text == row.text.strip() != ""
        paragraph = paragraphs.loc[row.par_id]
        assert paragraph["start"] <= row.start < row.end <= paragraph["end"]
        assert row.kind == paragraph["kind"]
        assert row.start >= position  # in order, no overlap
        position = row.end


# --- loader ------------------------------------------------------------------------------------

FILE_NAMES = st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=40).filter(
    lambda name: len(name.encode()) <= 200 and name not in (".", "..")
)


def load_one(name: str, data: bytes) -> tuple[xivn.Corpus | None, str]:
    """Write one file into a fresh folder and load it; returns (corpus or None, error message)."""
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore", xivn.errors.XivnWarning)
        (Path(folder) / name).write_bytes(data)
        try:
            corpus = xivn.load_corpus(folder)
        except xivn.errors.CorpusError as exc:
            return None, str(exc)
        corpus.sentences  # noqa: B018 - compute every table while the folder exists
        return corpus, ""


@given(FILE_NAMES, st.one_of(st.binary(max_size=2_000), TEXTS.map(str.encode)))
@example("x", b"\xff\xfe\x00")  # a UTF-16 byte-order mark, then half a character
@example("x", b"\xff\xfe\x00\x00")  # a UTF-32 byte-order mark alone
@example("x", "\ufeff".encode())  # a UTF-8 byte-order mark alone: empty
@example("two\nlines", b"Text.")  # a newline in the file name
@example("two\nlines", b"")  # ... and an error that names it, still on one line
def test_loader_raises_only_documented_one_line_errors(name, data):
    corpus, error = load_one(f"{name}.txt", data)
    if corpus is None:
        assert error and "\n" not in error and "\r" not in error
        return
    assert corpus.doc_ids == [name]
    raw = corpus.text(name)
    assert_nothing_lost(raw, list(corpus.paragraphs[["start", "end"]].itertuples(index=False, name=None)))
    for table in (corpus.paragraphs, corpus.sentences):
        assert all(raw[s:e] == t for s, e, t in zip(table["start"], table["end"], table["text"], strict=True))


READABLE = st.text(st.characters(codec="utf-8", exclude_categories=["Cc"]) | st.sampled_from("\n\r\t"), max_size=300)


@given(
    READABLE.filter(lambda t: t.removeprefix("\ufeff").strip()),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]),
)
def test_any_unicode_text_loads_back_unchanged(text, encoding):
    corpus, error = load_one("doc.txt", text.encode(encoding))
    assert error == ""
    # one leading byte-order mark is dropped: the encoder's own, or for plain UTF-8 the text's
    assert corpus.text("doc") == (text.removeprefix("\ufeff") if encoding == "utf-8" else text)
    assert corpus.documents["encoding"].iloc[0] == encoding.removesuffix("-sig")
