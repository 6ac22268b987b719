"""The corpus layer: documents, paragraphs and sentences with offsets into the raw text.

- :mod:`~xivn.corpus.reader` — the only file-system code: which files are documents, decoding, ``metadata.csv``;
- :mod:`~xivn.corpus.structure` — paragraph splitting and the article/chrome classification
  (vocabulary and cues in ``data/paragraph_kinds.toml``);
- :mod:`~xivn.corpus.sentences` — sentence spans;
- :mod:`~xivn.corpus.corpus` — :func:`load_corpus` and :class:`Corpus`, the tables every analysis reads;
- :mod:`~xivn.corpus.schema` — column names shared by every table (provenance columns);
- :mod:`~xivn.corpus.checks` — the invariants (offsets match the raw text, nothing lost);
- :mod:`~xivn.corpus.parallel` — a function over partitions of a corpus, on worker processes;
- :mod:`~xivn.corpus.stages` — the stage contract (a named function of a corpus) and the corpus's own stages.
"""

from xivn.corpus.checks import offset_mismatches, unaccounted_text
from xivn.corpus.corpus import Corpus, load_corpus, paragraph_kinds

__all__ = ["Corpus", "load_corpus", "offset_mismatches", "paragraph_kinds", "unaccounted_text"]
