"""Corpus overview tables."""

from __future__ import annotations

import xivn
from xivn import overview


def test_chrome_kind_counts_of_the_seeds(seeds):
    counts = overview.chrome_kind_counts(seeds)
    assert (counts["related"], counts["notice"], counts["navigation"]) == (11, 6, 3)
    ranked = list(zip(-counts.to_numpy(), counts.index, strict=True))
    assert ranked == sorted(ranked)  # most frequent first, ties in kind order
    assert int(counts.sum()) == int(seeds.paragraphs["is_chrome"].sum())


def test_chrome_kind_counts_is_empty_without_chrome(make_corpus):
    corpus = xivn.load_corpus(
        make_corpus({"plain.txt": "A headline\n\nOne body sentence about the visit, long enough.\n"})
    )
    assert not corpus.paragraphs["is_chrome"].any()
    assert overview.chrome_kind_counts(corpus).empty
