"""The overview notebook's computed sentences: numbers in the right grammatical number, corpus text escaped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import xivn
from xivn.display.markdown import Markdown
from xivn.event import load_event, select
from xivn.overview import prose

EVENTS = Path(__file__).parent / "fixtures" / "events"
VISIT = load_event()

EVIL = "*Evil* $x$ <b>"
EVIL_ESCAPED = r"\*Evil\* \$x\$ &lt;b\>"


def composition(*rows: tuple) -> pd.DataFrame:
    """A composition table from (doc_id, label, article_chars, chrome_chars, chrome_paragraphs) rows."""
    columns = ["doc_id", "label", "article_chars", "chrome_chars", "article_paragraphs", "chrome_paragraphs"]
    table = pd.DataFrame(
        [(doc, label, article, chrome, 3, paragraphs) for doc, label, article, chrome, paragraphs in rows],
        columns=columns,
    )
    table["chrome_share"] = (table["chrome_chars"] / (table["article_chars"] + table["chrome_chars"])).round(3)
    return table


def documents(*rows: tuple) -> pd.DataFrame:
    """A documents table from (doc_id, n_words, date_basis, timing) rows."""
    return pd.DataFrame(rows, columns=["doc_id", "n_words", "date_basis", "timing"])


def kinds(counts: dict[tuple[bool, str], int]) -> pd.DataFrame:
    index = pd.MultiIndex.from_tuples(list(counts), names=["is_chrome", "kind"])
    return pd.DataFrame({"A": list(counts.values())}, index=index)


def chrome_kinds(counts: dict[str, int]) -> pd.Series:
    return pd.Series(counts, dtype="int64").rename_axis("kind")


# chrome_sentence


def test_chrome_sentence_returns_markdown():
    assert isinstance(prose.chrome_sentence(composition(("a", "A", 10, 0, 0))), Markdown)


def test_chrome_sentence_of_no_documents():
    assert prose.chrome_sentence(composition()).data == "There are no documents, so no page chrome."


def test_chrome_sentence_without_chrome():
    text = prose.chrome_sentence(composition(("a", "A", 10, 0, 0), ("b", "B", 5, 0, 0))).data
    assert text == "No document has page chrome: every paragraph is article text."


def test_chrome_sentence_of_one_document_with_chrome():
    text = prose.chrome_sentence(composition(("a", "Wire", 75, 25, 2))).data
    assert text == (
        "Page chrome is 25% of all paragraph characters; it is heaviest in *Wire* (25%), and every document has some."
    )


def test_chrome_sentence_names_one_clean_document_in_the_singular():
    text = prose.chrome_sentence(composition(("a", "Wire", 50, 50, 2), ("b", "Blog", 100, 0, 0))).data
    assert text == (
        "Page chrome is 25% of all paragraph characters; it is heaviest in *Wire* (50%), "
        "and 1 document has none (Blog)."
    )


def test_chrome_sentence_lists_five_clean_documents_and_counts_the_rest():
    clean = [(f"d{i}", f"Doc {i}", 10, 0, 0) for i in range(7)]
    text = prose.chrome_sentence(composition(("a", "Wire", 30, 10, 1), *clean)).data
    assert text.endswith("and 7 documents have none (Doc 0, Doc 1, Doc 2, Doc 3, Doc 4 and 2 more).")


def test_chrome_sentence_heaviest_ties_go_to_the_first_doc_id():
    text = prose.chrome_sentence(composition(("b", "Second", 50, 50, 1), ("a", "First", 50, 50, 1))).data
    assert "heaviest in *First* (50%)" in text


def test_chrome_sentence_with_missing_values():
    table = composition(("a", None, 50, 50, 1), ("b", np.nan, 100, 0, 0), ("c", pd.NA, 0, 0, 0))
    table.loc[2, "chrome_share"] = np.nan  # 0 / 0: a document without paragraph text
    text = prose.chrome_sentence(table).data
    assert text == (
        "Page chrome is 25% of all paragraph characters; it is heaviest in *a* (50%), and 2 documents have none (b, c)."
    )


def test_chrome_sentence_escapes_labels():
    text = prose.chrome_sentence(composition(("a", EVIL, 50, 50, 1), ("b", "[link](javascript:x)", 10, 0, 0))).data
    assert f"heaviest in *{EVIL_ESCAPED}* (50%)" in text
    assert r"(\[link\]\(javascript:x\))" in text
    assert "<b>" not in text


# bottom_line


def test_bottom_line_of_an_empty_corpus():
    text = prose.bottom_line(pd.DataFrame(), composition()).data
    assert text == (
        "**Bottom line.** The corpus holds 0 documents and 0 words of article text. "
        "There are no documents, so no page chrome."
    )


def test_bottom_line_of_one_document_of_one_word():
    text = prose.bottom_line(documents(("a", 1, "", "")), composition(("a", "A", 10, 0, 0))).data
    assert text == (
        "**Bottom line.** The corpus holds 1 document and 1 word of article text. "
        "No document has page chrome: every paragraph is article text."
    )


def test_bottom_line_of_many_documents_with_missing_word_counts():
    table = documents(("a", 1200, "", ""), ("b", np.nan, "", ""), ("c", 300, "", ""))
    chars = composition(("a", "A", 50, 50, 1), ("b", "B", 100, 0, 0), ("c", EVIL, 0, 0, 0))
    text = prose.bottom_line(table, chars).data
    assert text.startswith("**Bottom line.** The corpus holds 3 documents and 1,500 words of article text. ")
    assert text.endswith(f"and 2 documents have none (B, {EVIL_ESCAPED}).")


# dates_sentence


def test_dates_sentence_of_no_documents():
    assert prose.dates_sentence(pd.DataFrame(), VISIT).data == "There are no documents, so no publication dates."


def test_dates_sentence_of_one_document():
    text = prose.dates_sentence(documents(("a", 10, "inferred: from the caption", "before")), VISIT).data
    assert text == (
        "1 of 1 publication date is inferred from the text rather than stated; "
        "1 document was written before the state visit, 0 during it and 0 after."
    )


def test_dates_sentence_of_many_documents_with_missing_values():
    table = documents(
        ("a", 10, "inferred: x", "before"),
        ("b", 10, "stated: date line", "after"),
        ("c", 10, None, None),
        ("d", 10, np.nan, np.nan),
        ("e", 10, pd.NA, pd.NA),
        ("f", 10, "inferred: y", "during"),
        ("g", 10, "", "after"),
    )
    assert prose.dates_sentence(table, VISIT).data == (
        "2 of 7 publication dates are inferred from the text rather than stated; "
        "1 document was written before the state visit, 1 during it and 2 after; for 3 it is not known."
    )


def test_dates_sentence_has_no_corpus_text_to_escape():
    # the date basis is corpus metadata, only counted: none of it reaches the sentence
    text = prose.dates_sentence(documents(("a", 10, f"inferred: {EVIL}", "after")), VISIT).data
    assert text == (
        "1 of 1 publication date is inferred from the text rather than stated; "
        "0 documents were written before the state visit, 0 during it and 1 after."
    )


def test_dates_sentence_names_the_kind_of_event_of_its_profile():
    text = prose.dates_sentence(documents(("a", 10, "", "before")), replace(VISIT, kind="summit")).data
    assert "written before the summit, 0 during it" in text


# scope_sentence


def test_scope_sentence_counts_the_documents_about_the_event_and_why_the_rest_are_not(seeds):
    assert prose.scope_sentence(select(seeds, VISIT)).data == (
        "5 of 5 documents are about Xi Jinping's state visit to Vietnam. The other notebooks analyse only "
        "the documents about the event unless their `scope` parameter says otherwise."
    )
    other = xivn.load_corpus(EVENTS / "biden_vietnam_2023")
    assert prose.scope_sentence(select(other, VISIT)).data.startswith(
        "0 of 7 documents are about Xi Jinping's state visit to Vietnam; 2 name China and Vietnam but not the"
        " state visit, 4 name only other countries together and 1 names no two countries together."
    )


def test_scope_sentence_of_no_documents(seeds):
    assert prose.scope_sentence(select(seeds.subset([]), VISIT)).data == (
        "There are no documents, so none is about the event."
    )


# chrome_kinds_sentence


def test_chrome_kinds_sentence_of_no_paragraphs():
    text = prose.chrome_kinds_sentence(chrome_kinds({}), pd.DataFrame()).data
    assert text == "The corpus has no paragraphs, so no page chrome."


def test_chrome_kinds_sentence_without_chrome():
    text = prose.chrome_kinds_sentence(chrome_kinds({}), kinds({(False, "body"): 4})).data
    assert text == "No paragraph was recognised as page chrome; in all, 0 of 4 paragraphs are chrome."


def test_chrome_kinds_sentence_of_one_chrome_paragraph():
    text = prose.chrome_kinds_sentence(chrome_kinds({"byline": 1}), kinds({(False, "body"): 3, (True, "byline"): 1}))
    assert (
        text.data == "The most frequent kind of chrome is *byline* (1 paragraph); in all, 1 of 4 paragraphs is chrome."
    )


def test_chrome_kinds_sentence_of_many():
    counts = kinds({(False, "body"): 90, (True, "related"): 11, (True, "notice"): 6, (True, "navigation"): 3})
    text = prose.chrome_kinds_sentence(chrome_kinds({"related": 11, "notice": 6, "navigation": 3}), counts).data
    assert text == (
        "The most frequent kind of chrome is *related* (11 paragraphs); in all, 20 of 110 paragraphs are chrome."
    )


def test_chrome_kinds_sentence_with_missing_values():
    table = kinds({(False, "body"): 5, (True, "notice"): 2})
    table.loc[(False, "body"), "B"] = np.nan
    counts = pd.Series({"notice": 2, "caption": np.nan}).rename_axis("kind")
    text = prose.chrome_kinds_sentence(counts, table).data
    assert text == "The most frequent kind of chrome is *notice* (2 paragraphs); in all, 2 of 7 paragraphs are chrome."


def test_chrome_kinds_sentence_escapes_kind_names():
    text = prose.chrome_kinds_sentence(chrome_kinds({EVIL: 2}), kinds({(True, EVIL): 2})).data
    assert text.startswith(f"The most frequent kind of chrome is *{EVIL_ESCAPED}* (2 paragraphs)")
    assert "<b>" not in text


# quote_sentence


def example(doc_id: str = "000_abc", start: int = 10, end: int = 20, text: str = "A sentence.") -> pd.Series:
    return pd.Series({"doc_id": doc_id, "sent_id": 3, "start": start, "end": end, "text": text})


@pytest.mark.parametrize("missing", [None, pd.Series(dtype=object)])
def test_quote_sentence_without_an_example(missing):
    assert prose.quote_sentence(missing, None).data == "The corpus has no sentence to quote."


@pytest.mark.parametrize("quote", [None, np.nan, pd.NA, ""])
def test_quote_sentence_with_a_missing_quote(quote):
    assert prose.quote_sentence(example(), quote).data == "The corpus has no sentence to quote."


def test_quote_sentence_of_one_sentence():
    text = prose.quote_sentence(example(), "A sentence.").data
    assert text == "`corpus.quote('000_abc', 10, 20)` returns:\n\n> A sentence\\."


def test_quote_sentence_keeps_every_line_in_the_quote():
    text = prose.quote_sentence(example(), "First line,\nsecond line").data
    assert text == "`corpus.quote('000_abc', 10, 20)` returns:\n\n> First line,\n> second line"


def test_quote_sentence_escapes_the_quote():
    text = prose.quote_sentence(example(), f"{EVIL} costs $5 and $6").data
    assert text.endswith(f"> {EVIL_ESCAPED} costs \\$5 and \\$6")
    assert "<b>" not in text


def syndication(*rows: tuple) -> pd.DataFrame:
    """A ``corpus.syndication`` table from (doc_id, group_id, is_source, similarity) rows."""
    table = pd.DataFrame(rows, columns=["doc_id", "group_id", "is_source", "similarity"])
    return table.assign(group_size=table.groupby("group_id")["doc_id"].transform("size"), match="near")


def languages(*detected: str, stated: dict[int, str] | None = None) -> pd.DataFrame:
    """A ``corpus.documents`` table whose ``language`` is the detected one unless ``stated`` gives it by row."""
    language = [(stated or {}).get(i, d or "") for i, d in enumerate(detected)]
    ids = [f"d{i}" for i in range(len(detected))]
    return pd.DataFrame({"doc_id": ids, "detected_language": list(detected), "language": language})


def test_languages_and_copies_on_no_documents():
    assert prose.languages_and_copies(languages(), syndication()).data == (
        "There are no documents, so no languages and no copies."
    )


def test_languages_and_copies_with_one_language_and_no_group():
    assert prose.languages_and_copies(languages("en", ""), syndication()).data == (
        "By their detected language, the documents are in en (1); 1 document has no detected language; "
        "no document is a copy of another (no syndication group)."
    )


def test_languages_and_copies_with_many_languages_and_groups():
    groups = syndication(("a", "a", True, 1.0), ("b", "a", False, 0.8), ("c", "a", False, 1.0))
    groups = pd.concat([groups, syndication(("d", "d", True, 1.0), ("e", "d", False, 0.6))])
    result = prose.languages_and_copies(languages("vi", "en", "en", "zh", "", ""), groups)
    assert isinstance(result, Markdown)
    assert result.data == (
        "By their detected language, the documents are in en (2), vi (1), zh (1); 2 documents have no detected "
        "language; 5 documents are copies of 2 stories (2 syndication groups). 2 of 6 documents are not in "
        "English (vi 1, zh 1) and no analysis reads them."
    )


def test_languages_and_copies_counts_one_document_not_in_english_by_its_stated_language():
    result = prose.languages_and_copies(languages("en", "en", "", stated={1: "vi-VN", 2: "en-GB"}), syndication())
    assert result.data == (
        "By their detected language, the documents are in en (2); 1 document has no detected language; "
        "no document is a copy of another (no syndication group). 1 of 3 documents is not in English (vi\\-VN 1) "
        "and no analysis reads it."
    )


def test_languages_and_copies_says_nothing_of_skipping_when_a_stated_english_overrides_the_detection():
    result = prose.languages_and_copies(languages("fr", "en", stated={0: "English"}), syndication())
    assert result.data == (
        "By their detected language, the documents are in en (1), fr (1); no document is a copy of another "
        "(no syndication group)."
    )


def test_languages_and_copies_when_no_language_is_detected():
    groups = syndication(("a", "a", True, 1.0), ("b", "a", False, 0.9))
    assert prose.languages_and_copies(languages("", None), groups).data == (
        "No document has a detected language (2 documents in all); 2 documents are copies of 1 story "
        "(1 syndication group)."
    )
