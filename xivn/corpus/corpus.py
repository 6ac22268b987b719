"""The corpus: documents, paragraphs and sentences as tidy tables over never-modified raw texts.

``load_corpus()`` reads the bundled seeds; ``load_corpus("folder")`` reads a user's folder of
``*.txt``/``*.md``/``*.html`` files with an optional ``metadata.csv``; ``load_corpus("export.csv")``
(or ``.jsonl``, ``.parquet``) reads a news-archive export and ``load_corpus("crawl.warc.gz")`` a web
archive. All tables are plain pandas DataFrames whose ``start``/``end`` columns are offsets into
:meth:`Corpus.text`.
"""

from __future__ import annotations

import hashlib
import json
from collections import namedtuple
from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import groupby
from operator import attrgetter
from pathlib import Path
from typing import TextIO

import pandas as pd

from xivn.corpus import schema
from xivn.corpus.exports import EXPORT_SUFFIXES, read_export
from xivn.corpus.html import markup_kind, read_html
from xivn.corpus.language import detect_language, is_read
from xivn.corpus.metadata import metadata_row, publication_order
from xivn.corpus.reader import (
    DOCUMENT_SUFFIXES,
    HTML_SUFFIXES,
    METADATA_FILE,
    RawDocument,
    Reject,
    corpus_files,
    read_document,
    read_metadata,
)
from xivn.corpus.sentences import sentence_spans
from xivn.corpus.structure import classify, kind_vocabulary, lead_length, split_paragraphs, word_count
from xivn.corpus.syndication import syndication_groups
from xivn.corpus.warc import WARC_SUFFIXES, read_warc
from xivn.errors import CorpusError, MetadataError, shown
from xivn.paths import seeds_dir

KNOWN_IDS_SHOWN = 10
PROGRESS_EVERY = 1000
BYLINE = r"^\s*[Bb][Yy]\s+([^\W\d_][^|,(]*?)\s*$"  # "By Mai Tran", "BY MAI TRAN and LE AN"; not "by 2030"


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

    def __init__(
        self,
        raw_documents: Iterable[RawDocument],
        metadata: dict[str, dict[str, str]],
        root: Path | None,
        rejects: Iterable[Reject] = (),
    ):
        self.root = root
        self._raw = {doc.doc_id: doc for doc in raw_documents}
        self._curated = metadata
        self._metadata = {
            doc_id: {**metadata.get(doc_id, {}), **metadata_row(metadata.get(doc_id, {}), doc.stated)}
            for doc_id, doc in self._raw.items()
        }
        self._rejects = tuple(rejects)
        self._detected: dict[str, str] = {}  # doc_id -> detected language, filled on first ask

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
    def document_digests(self) -> dict[str, str]:
        """Per doc_id, in corpus order: a SHA-256 over everything a document's rows in a per-document
        table can depend on: its id, text, file digest, format and record, HTML blocks, capture time
        and metadata (``metadata.csv`` row and stated values). Equal digests, equal rows."""
        digests = {}
        for doc_id, doc in self._raw.items():
            facts = [doc_id, doc.sha256, doc.format, doc.record, doc.captured_at, repr(doc.blocks)]
            facts.append(json.dumps(self._metadata[doc_id], sort_keys=True))
            digest = hashlib.sha256("\0".join(facts).encode("utf-8", "surrogatepass"))
            digest.update(doc.text.encode("utf-8", "surrogatepass"))
            digests[doc_id] = digest.hexdigest()
        return digests

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph, chrome included; columns in :data:`xivn.corpus.schema.PARAGRAPHS`.

        An HTML paragraph in a chrome landmark (navigation, footer, sidebar...) is chrome even when
        its words read as article text, and so is one whose class or id names chrome when the
        extractor does not keep it (:func:`xivn.corpus.html.markup_kind`)."""
        chrome = kind_vocabulary().chrome
        rows = []
        for doc_id, doc in self._raw.items():
            blocks = {block.start: block for block in doc.blocks}
            for par_id, par in enumerate(classify(split_paragraphs(doc.text))):
                kind = markup_kind(par.kind, blocks[par.start], chrome) if par.start in blocks else par.kind
                rows.append((doc_id, par_id, kind, chrome[kind], par.start, par.end, par.text))
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
        """One row per document: its source and file facts, article word count, the metadata columns
        and where each inferred one came from; columns start with :data:`xivn.corpus.schema.DOCUMENTS`,
        extra ``metadata.csv`` columns follow.

        Beyond the input's own metadata, when the input does not state them (source ``text``): the
        headline is the first headline paragraph, the byline the names of the first byline
        paragraph of the form "By …", the language the detected one.
        """
        paragraphs = self.paragraphs
        article = paragraphs[~paragraphs["is_chrome"]]
        texts = article.groupby("doc_id", sort=False)["text"]
        words = texts.agg(lambda parts: sum(word_count(t) for t in parts))
        headlines = article[article["kind"] == "headline"].groupby("doc_id")["text"].first()
        credited = paragraphs[paragraphs["kind"] == "byline"]["text"].str.extract(BYLINE, expand=False).dropna()
        bylines = credited.groupby(paragraphs.loc[credited.index, "doc_id"]).first()
        rows = []
        for doc_id, doc in self._raw.items():
            meta = self._metadata[doc_id]
            row = {
                "doc_id": doc_id,
                "path": str(doc.path),
                "record": doc.record,
                "format": doc.format,
                "sha256": doc.sha256,
                "encoding": doc.encoding,
                "n_chars": len(doc.text),
                "n_words": int(words.get(doc_id, 0)),
            }
            row.update({column: meta.get(column, "") for column in schema.DOCUMENTS if column not in row})
            row["label"] = row["label"] or doc_id
            if not row["headline"] and doc_id in headlines:
                row["headline"], row["headline_source"] = headlines[doc_id], "text"
            if not row["byline"] and doc_id in bylines:
                row["byline"], row["byline_source"] = bylines[doc_id].strip(), "text"
            row["detected_language"] = self._detected_language(doc_id)
            if not row["language"] and row["detected_language"]:
                row["language"], row["language_source"] = row["detected_language"], "text"
            row["captured_at"] = doc.captured_at
            row.update({k: v for k, v in meta.items() if k not in row and k != "file"})
            rows.append(row)
        return pd.DataFrame(rows, columns=None if rows else list(schema.DOCUMENTS))

    @cached_property
    def _article_texts(self) -> dict[str, str]:
        """Each document's article paragraphs (chrome excluded) joined, the text its language is detected from."""
        return self._without_chrome(self.paragraphs).groupby("doc_id", sort=False)["text"].agg("\n\n".join).to_dict()

    def _detected_language(self, doc_id: str) -> str:
        """The detected language of a document, detected once per corpus and only when asked for."""
        if doc_id not in self._detected:
            self._detected[doc_id] = detect_language(self._article_texts.get(doc_id, ""))
        return self._detected[doc_id]

    @cached_property
    def unread_documents(self) -> pd.DataFrame:
        """The documents no analysis reads because their language is known and is not English:
        ``doc_id``, ``language``, ``language_source`` (as in :attr:`documents`).

        The language is the one the input states (``metadata.csv``, export column, HTML meta, WARC
        header), else the detected one; a document of unknown language ("") is read. Detection runs
        only for documents whose input states no language, and at most once per corpus."""
        rows = []
        for doc_id in self._raw:
            meta = self._metadata[doc_id]
            language, source = meta.get("language", ""), meta.get("language_source", "")
            if not language:
                language, source = self._detected_language(doc_id), "text"
            if not is_read(language):
                rows.append((doc_id, language, source))
        return pd.DataFrame(rows, columns=["doc_id", "language", "language_source"])

    @cached_property
    def html_blocks(self) -> pd.DataFrame:
        """One row per block of every HTML document; columns in :data:`xivn.corpus.schema.HTML_BLOCKS`.

        Each block is one paragraph (``par_id`` joins the two tables); ``extractor_main`` is the
        main-content extractor's opinion, to compare with the paragraph's ``kind``.
        """
        par_ids = {
            (d, s): p for d, s, p in zip(*(self.paragraphs[c] for c in ("doc_id", "start", "par_id")), strict=True)
        }
        rows = [
            (
                doc_id,
                par_ids.get((doc_id, b.start), -1),
                b.start,
                b.end,
                b.tag,
                b.landmark,
                b.markup_hint,
                b.extractor_main,
            )
            for doc_id, doc in self._raw.items()
            for b in doc.blocks
        ]
        return _frame(rows, schema.HTML_BLOCKS)

    @property
    def rejects(self) -> pd.DataFrame:
        """Input that did not become a document; columns in :data:`xivn.corpus.schema.REJECTS`."""
        return pd.DataFrame([tuple(vars(r).values()) for r in self._rejects], columns=list(schema.REJECTS))

    @cached_property
    def syndication(self) -> pd.DataFrame:
        """Groups of copies of the same article across documents; columns in
        :data:`xivn.corpus.schema.SYNDICATION` (see :mod:`xivn.corpus.syndication`)."""
        order = {doc_id: publication_order(meta) for doc_id, meta in self._metadata.items()}
        return syndication_groups(self._without_chrome(self.paragraphs), order, self.doc_ids)

    @staticmethod
    def _without_chrome(table: pd.DataFrame) -> pd.DataFrame:
        return table[~table["is_chrome"]].reset_index(drop=True)

    def _read(self, table: pd.DataFrame) -> pd.DataFrame:
        """The rows of a paragraph or sentence table that an analysis reads: no chrome, and none of
        the :attr:`unread_documents`."""
        article = self._without_chrome(table)
        unread = self.unread_documents["doc_id"]
        return article[~article["doc_id"].isin(unread)].reset_index(drop=True) if len(unread) else article

    def article_paragraphs(self) -> pd.DataFrame:
        """:attr:`paragraphs` without page chrome and without the :attr:`unread_documents` (known
        not to be English): what every analysis reads by default."""
        return self._read(self.paragraphs)

    def article_sentences(self) -> pd.DataFrame:
        """:attr:`sentences` without page chrome and without the :attr:`unread_documents` (known
        not to be English): what every analysis reads by default."""
        return self._read(self.sentences)

    def metadata(self, column: str) -> dict[str, str]:
        """One metadata column (``outlet``, ``date``, ...) per doc_id, "" where not given; unlike
        :attr:`documents`, structures no text."""
        return {doc_id: str(self._metadata.get(doc_id, {}).get(column) or "") for doc_id in self._raw}

    def labels(self) -> dict[str, str]:
        """Short display label per doc_id (from the metadata, else the doc_id)."""
        return {doc_id: label or doc_id for doc_id, label in self.metadata("label").items()}

    def subset(self, doc_ids: Iterable[str]) -> Corpus:
        """A corpus of the given documents only (in corpus order), with the paragraphs, sentences
        and languages already worked out for them."""
        wanted = list(doc_ids)
        for doc_id in wanted:
            self.text(doc_id)  # raises on an unknown id
        wanted_ids = set(wanted)  # a set: partitioning a large corpus takes many subsets
        keep = [doc for doc_id, doc in self._raw.items() if doc_id in wanted_ids]
        curated = {k: v for k, v in self._curated.items() if k in wanted_ids}
        part = Corpus(keep, curated, self.root, self._rejects)
        # what is already worked out per document stays worked out: a document's paragraphs,
        # sentences and language never depend on the other documents
        part._detected.update({d: language for d, language in self._detected.items() if d in wanted_ids})
        for name in ("paragraphs", "sentences") if keep else ():
            if name in self.__dict__:
                table = self.__dict__[name]
                part.__dict__[name] = table[table["doc_id"].isin(wanted_ids)].reset_index(drop=True)
        return part


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


def load_corpus(
    path: str | Path | None = None,
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    url_column: str | None = None,
    title_column: str | None = None,
    date_column: str | None = None,
    outlet_column: str | None = None,
    author_column: str | None = None,
    language_column: str | None = None,
    progress: TextIO | None = None,
) -> Corpus:
    """Load a corpus; with no path (or an empty one), the bundled seed corpus.

    ``path`` is one of:

    - a folder of ``*.txt``, ``*.md``, ``*.html`` and ``*.htm`` files (not recursively) with an
      optional ``metadata.csv`` whose rows name a ``file`` and may set ``doc_id``, ``label``,
      ``outlet``, ``headline``, ``date``, ``date_basis``, ``byline``, ``genre``, ``timing``,
      ``note``, ``url`` and ``language``; its values override what the files state. A document's
      id is its metadata ``doc_id`` or else its file name without the extension. An HTML page
      becomes its visible blocks, one paragraph each (:mod:`xivn.corpus.html`);
    - a news-archive export, ``.csv``, ``.jsonl`` or ``.parquet``, one article per row
      (:mod:`xivn.corpus.exports`); the ``*_column`` options name the columns holding the text,
      id, URL, title, date, outlet, author and language when their names are not among the
      common spellings;
    - a web archive, ``.warc`` or ``.warc.gz``, whose HTML responses become documents
      (:mod:`xivn.corpus.warc`).

    Rows and records that cannot be documents are listed in :attr:`Corpus.rejects`; the rest load.
    ``progress`` (``sys.stderr``, say) gets a line every 1,000 documents of a long load.

    Raises :class:`~xivn.errors.CorpusError` (one line, naming the path) for a missing folder, a
    folder without documents, an empty, binary, unreadable or oversized file, a broken or looping
    symbolic link or one to a file outside the folder, a file name that is not valid Unicode, an
    export without a text column, a truncated or oversized web archive, and an input of which no
    row became a document; :class:`~xivn.errors.MetadataError` for bad metadata or duplicate ids
    (two files with the same stem, such as ``a.txt`` and ``a.html``, need distinct ``doc_id``
    values in the metadata). Warns (:class:`~xivn.errors.XivnWarning`) when a file is not UTF-8
    and when a document-named entry is not a regular file and is skipped. The rules are listed in
    xivn/corpus/reader.py.
    """
    target = Path(path).expanduser() if path not in (None, "") else seeds_dir()
    name = target.name.lower()
    if target.is_file() and name.endswith(EXPORT_SUFFIXES + WARC_SUFFIXES):
        chosen = {
            field: column
            for field, column in (
                ("text", text_column),
                ("id", id_column),
                ("url", url_column),
                ("title", title_column),
                ("date", date_column),
                ("outlet", outlet_column),
                ("author", author_column),
                ("language", language_column),
            )
            if column
        }
        items = read_warc(target) if name.endswith(WARC_SUFFIXES) else read_export(target, chosen)
        documents, rejects = _collect(items, progress)
        if not documents:
            first = f" ({rejects[0].record}: {rejects[0].reason})" if rejects else ""
            raise CorpusError(f"{shown(target)}: no documents; {len(rejects)} record(s) rejected or skipped{first}")
        return Corpus(documents, {}, target, rejects)
    return _load_folder(target, progress)


def _collect(items: Iterable[RawDocument | Reject], progress: TextIO | None) -> tuple[list[RawDocument], list[Reject]]:
    documents: list[RawDocument] = []
    rejects: list[Reject] = []
    for item in items:
        if isinstance(item, Reject):
            rejects.append(item)
            continue
        documents.append(item)
        if progress is not None and len(documents) % PROGRESS_EVERY == 0:
            print(f"loaded {len(documents):,} documents", file=progress, flush=True)
    return documents, rejects


def _load_folder(folder: Path, progress: TextIO | None) -> Corpus:
    files = corpus_files(folder)
    rows = read_metadata(folder) or []
    metadata_file = shown(folder / METADATA_FILE)
    by_file = {row["file"]: row for row in rows if row.get("file")}
    by_id = {row["doc_id"]: row for row in rows if row.get("doc_id") and not row.get("file")}
    for name in by_file:
        if Path(name).suffix.lower() not in DOCUMENT_SUFFIXES:
            raise MetadataError(f"{metadata_file}: {name!r} is not a .txt, .md, .html or .htm document")
    unused = sorted(set(by_file) - {file.name for file in files})
    if unused:
        raise MetadataError(f"{metadata_file}: file {unused[0]!r} is not a document directly inside the folder")
    metadata: dict[str, dict[str, str]] = {}
    sources: dict[str, str] = {}

    def documents() -> Iterator[RawDocument]:
        for file in files:
            meta = by_file.get(file.name, {})
            doc_id = meta.get("doc_id") or file.stem
            if doc_id in sources:
                raise MetadataError(
                    f"{shown(file)}: duplicate doc_id {doc_id!r} (also used by {sources[doc_id]!r}; "
                    f"rename a file or give it another doc_id in {METADATA_FILE})"
                )
            sources[doc_id] = file.name
            metadata[doc_id] = {**by_id.get(doc_id, {}), **meta}
            reader = read_html if file.suffix.lower() in HTML_SUFFIXES else read_document
            yield reader(file, doc_id)

    loaded, _ = _collect(documents(), progress)
    unknown = sorted(set(by_id) - set(metadata))
    if unknown:
        raise MetadataError(f"{metadata_file}: doc_id {unknown[0]!r} matches no document file")
    return Corpus(loaded, metadata, folder)
