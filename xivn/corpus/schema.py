"""Column names of the tables xivn returns, defined once.

Every table derived from the text carries the provenance columns: ``doc_id``, ``start`` and
``end`` (character offsets into the document's raw text) and the quoted text, so that
``corpus.quote(doc_id, start, end)`` always gives back the source words.
"""

from __future__ import annotations

PROVENANCE = ("doc_id", "start", "end", "quote")

METADATA = ("label", "outlet", "headline", "date", "date_basis", "byline", "genre", "timing", "note")
"""Curated columns of a corpus's ``metadata.csv`` (all optional)."""

DOCUMENTS = ("doc_id", "path", "sha256", "encoding", "n_chars", "n_words", *METADATA)
"""One row per document. ``n_words`` counts words of article text (chrome excluded)."""

PARAGRAPHS = ("doc_id", "par_id", "kind", "is_chrome", "start", "end", "text")
"""One row per paragraph; ``kind`` is from :func:`xivn.corpus.corpus.paragraph_kinds`."""

SENTENCES = ("doc_id", "sent_id", "par_id", "kind", "is_chrome", "start", "end", "text")
"""One row per sentence; ``kind``/``is_chrome`` are those of its paragraph."""
