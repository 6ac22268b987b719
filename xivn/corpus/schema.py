"""Column names of the tables xivn returns, defined once.

Every table derived from the text carries the provenance columns: ``doc_id``, ``start`` and
``end`` (character offsets into the document's raw text) and the quoted text, so that
``corpus.quote(doc_id, start, end)`` always gives back the source words.
"""

from __future__ import annotations

PROVENANCE = ("doc_id", "start", "end", "quote")

METADATA = ("label", "outlet", "headline", "date", "date_basis", "byline", "genre", "timing", "note")
"""Curated columns of a corpus's ``metadata.csv`` (all optional)."""

INFERRED = ("headline", "date", "outlet", "byline", "url", "language")
"""Metadata a document's input may state (export columns, HTML meta tags, WARC headers), or the
URL or the text imply; each has a ``<field>_source`` column in :data:`DOCUMENTS`."""

SOURCES = ("metadata.csv", "export", "html_meta", "warc", "url", "text", "none")
"""Values of a ``*_source`` column, from the most to the least authoritative: the user's
``metadata.csv``; a column of the export; a meta tag of the HTML page; a WARC record header; the
page's URL; the text itself; nothing (the field is empty)."""

DOCUMENTS = (
    "doc_id",
    "path",
    "record",
    "format",
    "sha256",
    "encoding",
    "n_chars",
    "n_words",
    *METADATA,
    "url",
    "language",
    "detected_language",
    "captured_at",
    *(f"{field}_source" for field in INFERRED),
)
"""One row per document. ``n_words`` counts words of article text (chrome excluded). ``record``
says where in ``path`` the document is (``line 12`` of an export, ``record 3`` of a WARC; empty
for a file of its own); ``format`` is ``text``, ``html``, ``csv``, ``jsonl``, ``parquet`` or
``warc``. ``detected_language`` is the language detected from the article text (ISO 639-1, empty
when too short to tell); ``captured_at`` is when a crawler fetched the page (a WARC's
``WARC-Date``), never taken for the publication date."""

PARAGRAPHS = ("doc_id", "par_id", "kind", "is_chrome", "start", "end", "text")
"""One row per paragraph; ``kind`` is from :func:`xivn.corpus.corpus.paragraph_kinds`."""

HTML_BLOCKS = ("doc_id", "par_id", "start", "end", "tag", "landmark", "markup_hint", "extractor_main")
"""One row per block of an HTML document (each block is one paragraph): the element it came from
(``tag``), the page landmark it sits in (``nav``, ``header``, ``footer``, ``aside``, ``figure``,
``form``, ``main``, ``article`` or empty), the chrome kind a class or id around it names
(``markup_hint``, "" when none), and whether the main-content extractor keeps it as article text
(``extractor_main``): a second opinion beside ``kind``, never a deletion."""

SENTENCES = ("doc_id", "sent_id", "par_id", "kind", "is_chrome", "start", "end", "text")
"""One row per sentence; ``kind``/``is_chrome`` are those of its paragraph."""

REJECTS = ("path", "record", "action", "reason")
"""Input that did not become a document: ``action`` is ``rejected`` (a broken JSONL line, an
empty text, a duplicate id) or ``skipped`` (a WARC record that is not an HTML response)."""

SYNDICATION = ("doc_id", "group_id", "group_size", "is_source", "match", "similarity")
"""One row per document that shares its article text with another: ``group_id`` (the doc_id of
the group's source), ``is_source`` (the earliest dated copy, else the first in corpus order),
``match`` (``exact`` or ``near``) and ``similarity`` (estimated Jaccard similarity of word
shingles with the source; 1.0 for exact copies)."""
