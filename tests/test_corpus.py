"""The corpus API: tables, provenance, user corpora and the errors for bad input."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from conftest import MESSY_PAGE, REPO

import xivn
from xivn.corpus import schema
from xivn.corpus.checks import offset_mismatches, unaccounted_text


def test_tables_have_the_documented_columns(seeds):
    assert tuple(seeds.paragraphs.columns) == schema.PARAGRAPHS
    assert tuple(seeds.sentences.columns) == schema.SENTENCES
    assert tuple(seeds.documents.columns[: len(schema.DOCUMENTS)]) == schema.DOCUMENTS
    assert len(seeds.documents) == 5


def test_offset_invariant_on_every_row(seeds):
    assert offset_mismatches(seeds.paragraphs, seeds).empty
    assert offset_mismatches(seeds.sentences, seeds).empty


def test_paragraphs_cover_all_non_blank_text(seeds):
    assert unaccounted_text(seeds).empty


def test_quote_and_text(seeds):
    row = seeds.sentences.iloc[10]
    assert seeds.quote(row["doc_id"], row["start"], row["end"]) == row["text"]
    with pytest.raises(xivn.errors.CorpusError, match="unknown doc_id 'nope'"):
        seeds.text("nope")
    with pytest.raises(xivn.errors.CorpusError, match="outside document"):
        seeds.quote(row["doc_id"], 0, 10**7)


def test_documents_count_article_words_only(seeds):
    docs = seeds.documents.set_index("doc_id")
    af = docs.loc["000_1a56b2a50d2ad841"]
    article = seeds.article_paragraphs()
    af_words = sum(len(t.split()) for t in article[article["doc_id"] == "000_1a56b2a50d2ad841"]["text"])
    assert af["n_words"] == af_words
    assert af["n_words"] < len(seeds.text("000_1a56b2a50d2ad841").split())
    assert af["n_chars"] == len(seeds.text("000_1a56b2a50d2ad841"))


def test_article_views_exclude_chrome(seeds):
    assert not seeds.article_paragraphs()["is_chrome"].any()
    assert not seeds.article_sentences()["is_chrome"].any()
    assert not seeds.article_sentences()["text"].str.contains("cookies").any()


def test_sha256_changes_with_content(make_corpus):
    one = xivn.load_corpus(make_corpus({"a.txt": "One sentence here."}, "one"))
    two = xivn.load_corpus(make_corpus({"a.txt": "One sentence there."}, "two"))
    assert one.sha256 != two.sha256
    assert len(one.sha256) == 64


def test_user_corpus_with_txt_md_and_metadata(make_corpus):
    folder = make_corpus(
        {
            "page.txt": MESSY_PAGE,
            "notes.md": "# Notes\n\nThe rail deal was signed.\n",
            "ignored.csv": "not,a,document\n",
            "metadata.csv": "file,doc_id,outlet,extra_column\npage.txt,wire,Reuters,kept\n",
        }
    )
    corpus = xivn.load_corpus(folder)
    docs = corpus.documents.set_index("doc_id")
    assert list(docs.index) == ["notes", "wire"]
    assert docs.loc["wire", "outlet"] == "Reuters"
    assert docs.loc["wire", "extra_column"] == "kept"
    assert docs.loc["notes", "headline"] == "# Notes"
    assert docs.loc["notes", "label"] == "notes"


def test_bom_and_crlf(make_corpus):
    folder = make_corpus({"bom.txt": "\ufeffHeadline Here\r\n\r\nA body sentence.\r\n".encode()})
    corpus = xivn.load_corpus(folder)
    assert corpus.text("bom").startswith("Headline")
    assert corpus.paragraphs["text"].tolist() == ["Headline Here", "A body sentence."]
    assert offset_mismatches(corpus.paragraphs, corpus).empty


def test_other_encodings_are_decoded_with_a_warning(make_corpus):
    folder = make_corpus({"latin.txt": "Hà Nội café – a body sentence.".encode("cp1252", errors="replace")})
    with pytest.warns(xivn.errors.XivnWarning, match=r"latin\.txt: not valid UTF-8 .* decoded as cp1252"):
        corpus = xivn.load_corpus(folder)
    assert "café" in corpus.text("latin")


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "no documents"),
        ({"readme.csv": "a,b\n"}, "no documents"),
        ({"empty.txt": ""}, "empty.txt: empty file"),
        ({"blank.txt": "  \n\n "}, "blank.txt: empty file"),
        ({"image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00"}, "image.txt: binary file"),
        ({"a.txt": "Text.", "metadata.csv": "file\nmissing.txt\n"}, "'missing.txt' not found"),
        ({"a.txt": "Text.", "metadata.csv": "file\n../../etc/passwd\n"}, "outside the corpus folder"),
        (
            {"a.txt": "Text.", "b.txt": "Text.", "metadata.csv": "file,doc_id\na.txt,x\nb.txt,x\n"},
            "duplicate doc_id 'x'",
        ),
        ({"a.txt": "Text.", "metadata.csv": "name,outlet\na.txt,X\n"}, "needs a 'file' or a 'doc_id' column"),
        ({"a.txt": "Text.", "metadata.csv": "doc_id,outlet\nzzz,X\n"}, "doc_id 'zzz' matches no document"),
    ],
)
def test_bad_input_raises_one_line_error_naming_the_path(make_corpus, files, message):
    folder = make_corpus(files)
    with pytest.raises(xivn.errors.CorpusError, match=message) as info:
        xivn.load_corpus(folder)
    assert "\n" not in str(info.value)
    assert str(folder) in str(info.value)


def test_missing_folder(tmp_path):
    with pytest.raises(xivn.errors.CorpusError, match="corpus folder not found"):
        xivn.load_corpus(tmp_path / "nowhere")
    with pytest.raises(xivn.errors.CorpusError, match="not a folder"):
        xivn.load_corpus(REPO / "README.md")


def test_subset_keeps_order_and_rejects_unknown_ids(seeds):
    subset = seeds.subset(["004_7f647e3ecafc4dc6", "000_1a56b2a50d2ad841"])
    assert subset.doc_ids == ["000_1a56b2a50d2ad841", "004_7f647e3ecafc4dc6"]
    assert subset.documents["outlet"].tolist() == ["Asia Financial (AF)", "Pamir Consulting"]
    with pytest.raises(xivn.errors.CorpusError):
        seeds.subset(["nope"])


def test_bundled_seeds_load_from_another_working_directory(tmp_path):
    code = "import xivn; c = xivn.load_corpus(); print(len(c), c.documents['n_words'].sum())"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["5", "3313"]


def test_rows_by_document_equals_pandas_groupby_on_every_corpus_table(seeds):
    from xivn.corpus.corpus import rows_by_document

    for table in (seeds.paragraphs, seeds.sentences, seeds.article_sentences()):
        ours = [(doc_id, [tuple(row) for row in rows]) for doc_id, rows in rows_by_document(table)]
        theirs = [
            (doc_id, list(group.itertuples(index=False, name=None)))
            for doc_id, group in table.groupby("doc_id", sort=False)
        ]
        assert ours == theirs
        assert [doc_id for doc_id, _ in ours] == seeds.doc_ids


def test_metadata_columns_equal_the_documents_table_without_structuring(seeds):
    fresh = xivn.load_corpus(seeds.root)
    outlets, dates = fresh.metadata("outlet"), fresh.metadata("date")
    assert "paragraphs" not in fresh.__dict__  # nothing was split or classified
    documents = fresh.documents.set_index("doc_id")
    assert outlets == {d: str(documents.loc[d, "outlet"] or "") for d in fresh.doc_ids}
    assert dates == {d: str(documents.loc[d, "date"] or "") for d in fresh.doc_ids}
    assert any(outlets.values()) and fresh.metadata("no such column") == dict.fromkeys(fresh.doc_ids, "")


def test_table_rows_equal_itertuples_with_the_same_fields(seeds):
    from xivn.corpus.corpus import table_rows

    for table in (seeds.paragraphs, seeds.sentences, seeds.documents, seeds.sentences.iloc[:0]):
        ours, theirs = list(table_rows(table)), list(table.itertuples(index=False))
        assert [tuple(row) for row in ours] == [tuple(row) for row in theirs]
        assert all(row._fields == other._fields for row, other in zip(ours, theirs, strict=True))
        assert all(
            type(a) is type(b) for row, other in zip(ours, theirs, strict=True) for a, b in zip(row, other, strict=True)
        )


def test_a_subset_keeps_what_was_worked_out_and_equals_a_fresh_one(seeds):
    _ = (seeds.sentences, seeds.unread_documents)  # paragraphs, sentences and languages worked out once
    ids = seeds.doc_ids[1::2]
    part, fresh = seeds.subset(ids), xivn.load_corpus().subset(ids)
    assert "sentences" in vars(part) and "paragraphs" in vars(part)  # not segmented again
    for name in ("paragraphs", "sentences", "documents", "unread_documents"):
        pd.testing.assert_frame_equal(getattr(part, name), getattr(fresh, name))
    assert "sentences" not in vars(seeds.subset([]))  # an empty subset builds its own empty tables
