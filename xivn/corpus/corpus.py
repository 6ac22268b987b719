"""The corpus: documents, paragraphs and sentences as tidy tables over never-modified raw texts.

``load_corpus()`` reads the bundled seeds; ``load_corpus("folder")`` reads a user's folder of
``*.txt``/``*.md`` files with an optional ``metadata.csv``. All tables are plain pandas DataFrames
whose ``start``/``end`` columns are offsets into :meth:`Corpus.text`.
"""

from __future__ import annotations

import hashlib
from collections import namedtuple
from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import groupby
from operator import attrgetter
from pathlib import Path

import pandas as pd

from xivn.corpus import schema
from xivn.corpus.reader import DOCUMENT_SUFFIXES, METADATA_FILE, RawDocument, corpus_files, read_document, read_metadata
from xivn.corpus.sentences import sentence_spans
from xivn.corpus.structure import classify, kind_vocabulary, lead_length, split_paragraphs, word_count
from xivn.errors import CorpusError, MetadataError, shown
from xivn.paths import seeds_dir

KNOWN_IDS_SHOWN = 10


def paragraph_kinds() -> pd.DataFrame:
    """The paragraph-kind vocabulary: ``kind``, ``is_chrome``, ``description``."""
    vocabulary = kind_vocabulary()
    return pd.DataFrame(
        [(k, vocabulary.chrome[k], vocabulary.descriptions[k]) for k in vocabulary.chrome],
        columns=["kind", "is_chrome", "description"],
    )


class Corpus:
    """A set of documents with their structure.

    Attributes are DataFrames: :attr:`documents`, :attr:`paragraphs`, :attr:`sentences`. The raw
    texts are kept unchanged; use :meth:`text` and :meth:`quote` to go back to the source.
    """

    def __init__(self, raw_documents: Iterable[RawDocument], metadata: dict[str, dict[str, str]], root: Path | None):
        self.root = root
        self._raw = {doc.doc_id: doc for doc in raw_documents}
        self._metadata = metadata

    def __repr__(self) -> str:
        return f"<Corpus of {len(self._raw)} documents from {self.root}>"

    def __len__(self) -> int:
        return len(self._raw)

    @property
    def doc_ids(self) -> list[str]:
        """Document ids in corpus order (sorted by file name)."""
        return list(self._raw)

    def text(self, doc_id: str) -> str:
        """The raw text of a document (decoded, byte-order mark removed, otherwise untouched)."""
        try:
            return self._raw[doc_id].text
        except KeyError:
            known = ", ".join(repr(k) for k in list(self._raw)[:KNOWN_IDS_SHOWN])
            more = f", … {len(self._raw)} in all" if len(self._raw) > KNOWN_IDS_SHOWN else ""
            raise CorpusError(f"unknown doc_id {doc_id!r} (known: {known}{more})") from None

    def quote(self, doc_id: str, start: int, end: int) -> str:
        """The raw text between two character offsets of a document."""
        text = self.text(doc_id)
        if not 0 <= int(start) <= int(end) <= len(text):
            raise CorpusError(f"offsets {start}:{end} outside document {doc_id!r} of {len(text)} characters")
        return text[int(start) : int(end)]

    @cached_property
    def sha256(self) -> str:
        """A digest of the whole corpus: SHA-256 over the sorted (doc_id, file SHA-256) pairs."""
        digest = hashlib.sha256()
        for doc_id in sorted(self._raw):
            digest.update(f"{doc_id}\t{self._raw[doc_id].sha256}\n".encode())
        return digest.hexdigest()

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph, chrome included; columns in :data:`xivn.corpus.schema.PARAGRAPHS`."""
        chrome = kind_vocabulary().chrome
        rows = []
        for doc_id, doc in self._raw.items():
            for par_id, par in enumerate(classify(split_paragraphs(doc.text))):
                rows.append((doc_id, par_id, par.kind, chrome[par.kind], par.start, par.end, par.text))
        return _frame(rows, schema.PARAGRAPHS)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence, chrome included; columns in :data:`xivn.corpus.schema.SENTENCES`.

        ``sent_id`` numbers the sentences of a document from 0.
        """
        rows = []
        counters: dict[str, int] = {}
        for par in table_rows(self.paragraphs):
            raw = self._raw[par.doc_id].text
            content_start = par.start + lead_length(par.text, par.kind)
            for start, end in sentence_spans(raw, content_start, par.end, whole=par.kind == "table_row"):
                sent_id = counters.get(par.doc_id, 0)
                counters[par.doc_id] = sent_id + 1
                rows.append((par.doc_id, sent_id, par.par_id, par.kind, par.is_chrome, start, end, raw[start:end]))
        return _frame(rows, schema.SENTENCES)

    @cached_property
    def documents(self) -> pd.DataFrame:
        """One row per document: file facts, article word count and the metadata columns."""
        paragraphs = self.paragraphs
        article = paragraphs[~paragraphs["is_chrome"]]
        words = article.groupby("doc_id")["text"].agg(lambda texts: sum(word_count(t) for t in texts))
        headlines = article[article["kind"] == "headline"].groupby("doc_id")["text"].first()
        rows = []
        for doc_id, doc in self._raw.items():
            meta = self._metadata.get(doc_id, {})
            row = {
                "doc_id": doc_id,
                "path": str(doc.path),
                "sha256": doc.sha256,
                "encoding": doc.encoding,
                "n_chars": len(doc.text),
                "n_words": int(words.get(doc_id, 0)),
            }
            row.update({column: meta.get(column, "") for column in schema.METADATA})
            row["label"] = row["label"] or doc_id
            row["headline"] = row["headline"] or headlines.get(doc_id, "")
            row.update({k: v for k, v in meta.items() if k not in row and k != "file"})
            rows.append(row)
        return pd.DataFrame(rows)

    def article_paragraphs(self) -> pd.DataFrame:
        """:attr:`paragraphs` without page chrome: what every analysis reads by default."""
        return self.paragraphs[~self.paragraphs["is_chrome"]].reset_index(drop=True)

    def article_sentences(self) -> pd.DataFrame:
        """:attr:`sentences` without page chrome: what every analysis reads by default."""
        return self.sentences[~self.sentences["is_chrome"]].reset_index(drop=True)

    def metadata(self, column: str) -> dict[str, str]:
        """One metadata column (``outlet``, ``date``, ...) per doc_id, "" where not given; unlike
        :attr:`documents`, structures no text."""
        return {doc_id: str(self._metadata.get(doc_id, {}).get(column) or "") for doc_id in self._raw}

    def labels(self) -> dict[str, str]:
        """Short display label per doc_id (from the metadata, else the doc_id)."""
        return {doc_id: label or doc_id for doc_id, label in self.metadata("label").items()}

    def subset(self, doc_ids: Iterable[str]) -> Corpus:
        """A corpus of the given documents only (in corpus order)."""
        wanted = list(doc_ids)
        for doc_id in wanted:
            self.text(doc_id)  # raises on an unknown id
        wanted_ids = set(wanted)  # a set: partitioning a large corpus takes many subsets
        keep = [doc for doc_id, doc in self._raw.items() if doc_id in wanted_ids]
        return Corpus(keep, {k: v for k, v in self._metadata.items() if k in wanted_ids}, self.root)


def table_rows(table: pd.DataFrame) -> Iterator[tuple]:
    """The rows of a table as named tuples, as ``table.itertuples(index=False)`` gives them but
    read column by column: pandas' string columns hand out their values one Python call at a
    time, which made iterating the sentences a visible cost of every analysis."""
    row = namedtuple("Row", table.columns, rename=True)
    columns = [table.iloc[:, column].tolist() for column in range(table.shape[1])]
    return map(row._make, zip(*columns, strict=True))


def rows_by_document(table: pd.DataFrame) -> Iterator[tuple[str, list[tuple]]]:
    """The rows of a corpus table (named tuples) grouped by ``doc_id``, in table order.

    Each document's rows of :attr:`Corpus.paragraphs` and :attr:`Corpus.sentences` (and of any
    filter of them) are contiguous, so this equals ``table.groupby("doc_id", sort=False)`` without
    a DataFrame per document, which cost more than analysing a short document.
    """
    for doc_id, rows in groupby(table_rows(table), key=attrgetter("doc_id")):
        yield doc_id, list(rows)


def _frame(rows: list[tuple], columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    for column in ("start", "end", "par_id", "sent_id"):
        if column in frame:
            frame[column] = frame[column].astype("int64")
    if "is_chrome" in frame:
        frame["is_chrome"] = frame["is_chrome"].astype(bool)
    return frame


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Load a corpus folder; with no path (or an empty one), the bundled seed corpus.

    Reads ``*.txt`` and ``*.md`` files (not recursively) and an optional ``metadata.csv`` whose
    rows name a ``file`` and may set ``doc_id``, ``label``, ``outlet``, ``headline``, ``date``,
    ``date_basis``, ``byline``, ``genre``, ``timing`` and ``note``. A document's id is its
    metadata ``doc_id`` or else its file name without the extension.

    Raises :class:`~xivn.errors.CorpusError` (one line, naming the path) for a missing folder, a
    folder without documents, an empty, binary, unreadable or oversized file, a broken or looping
    symbolic link or one to a file outside the folder, and a file name that is not valid Unicode;
    :class:`~xivn.errors.MetadataError` for bad metadata or duplicate ids (two files with the same
    stem, such as ``a.txt`` and ``a.md``, need distinct ``doc_id`` values in the metadata). Warns
    (:class:`~xivn.errors.XivnWarning`) when a file is not UTF-8 and when a ``*.txt``/``*.md``
    entry is not a regular file and is skipped. The rules are listed in xivn/reader.py.
    """
    folder = Path(path).expanduser() if path not in (None, "") else seeds_dir()
    files = corpus_files(folder)
    rows = read_metadata(folder) or []
    metadata_file = shown(folder / METADATA_FILE)
    by_file = {row["file"]: row for row in rows if row.get("file")}
    by_id = {row["doc_id"]: row for row in rows if row.get("doc_id") and not row.get("file")}
    for name in by_file:
        if Path(name).suffix.lower() not in DOCUMENT_SUFFIXES:
            raise MetadataError(f"{metadata_file}: {name!r} is not a .txt or .md document")
    unused = sorted(set(by_file) - {file.name for file in files})
    if unused:
        raise MetadataError(f"{metadata_file}: file {unused[0]!r} is not a document directly inside the folder")
    documents, metadata = [], {}
    for file in files:
        meta = by_file.get(file.name, {})
        doc_id = meta.get("doc_id") or file.stem
        meta = {**by_id.get(doc_id, {}), **meta}
        if doc_id in metadata:
            raise MetadataError(
                f"{shown(file)}: duplicate doc_id {doc_id!r} (also used by {metadata[doc_id]['_file']!r}; "
                f"rename a file or give it another doc_id in {METADATA_FILE})"
            )
        metadata[doc_id] = {**meta, "_file": file.name}
        documents.append(read_document(file, doc_id))
    unknown = sorted(set(by_id) - set(metadata))
    if unknown:
        raise MetadataError(f"{metadata_file}: doc_id {unknown[0]!r} matches no document file")
    for meta in metadata.values():
        del meta["_file"]
    return Corpus(documents, metadata, folder)
