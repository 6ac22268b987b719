"""Syndication groups: the same article published by several documents (a wire story on many
sites), found from the article text when the table is first asked for (chrome excluded, so a
swapped credit line, a different menu or footer does not hide a copy).

Exact copies have the same article text once case, punctuation and whitespace are set aside.
Near-exact copies (light edits, a sentence added or cut, a few words swapped for synonyms) share
most of their three-word shingles: candidates come from MinHash signatures banded for
locality-sensitive hashing (so the work grows with the corpus, not with its pairs), and a pair
counts when the Jaccard similarity of its shingle sets is at least :data:`THRESHOLD`. Groups are
the connected sets of such pairs; each group's source is its earliest dated copy (by the
publication times or dates given, which compare as ISO text), else the first in corpus order.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from xivn.corpus import schema

SHINGLE_WORDS = 3
THRESHOLD = 0.4
MIN_WORDS = 20  # shorter texts (a caption, a one-line brief) are not grouped
PERMUTATIONS = 126
BANDS = 42
_PRIME = np.uint64((1 << 61) - 1)
_WORD = re.compile(r"\w+")
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd: combining word hashes by it keeps their order
_SEEDS = np.random.default_rng(20231212).integers(1, (1 << 31) - 1, size=(2, PERMUTATIONS), dtype=np.uint64)


def syndication_groups(article: pd.DataFrame, dates: Mapping[str, str], doc_ids: Sequence[str]) -> pd.DataFrame:
    """Groups of copies among the documents, from their article paragraphs (``doc_id``, ``text``)
    and dates; columns in :data:`xivn.corpus.schema.SYNDICATION`, one row per document that has at
    least one copy, ordered by group then corpus order."""
    texts = article.groupby("doc_id", sort=False)["text"].agg(" ".join)
    digests: dict[str, bytes] = {}
    shingles: dict[str, np.ndarray] = {}
    codes: dict[str, int] = {}  # one hash per distinct word of the corpus
    for doc_id in doc_ids:
        words = _WORD.findall(texts[doc_id].casefold()) if doc_id in texts else []
        if len(words) >= MIN_WORDS:
            digests[doc_id] = hashlib.sha256(" ".join(words).encode()).digest()
            shingles[doc_id] = _shingles(words, codes)
    del texts
    parent = {d: d for d in shingles}
    pairs: dict[tuple[str, str], float] = {}
    by_digest: dict[bytes, str] = {}
    for doc_id, digest in digests.items():
        if digest in by_digest:
            pairs[(by_digest[digest], doc_id)] = 1.0
        else:
            by_digest[digest] = doc_id
    for a, b in _candidates(shingles):
        if (a, b) not in pairs:
            similarity = _jaccard(shingles[a], shingles[b])
            if similarity >= THRESHOLD:
                pairs[(a, b)] = similarity
    for a, b in pairs:
        parent[_root(parent, a)] = _root(parent, b)
    members: dict[str, list[str]] = {}
    for doc_id in shingles:
        members.setdefault(_root(parent, doc_id), []).append(doc_id)
    order = {d: i for i, d in enumerate(doc_ids)}
    rows = []
    for group in members.values():
        if len(group) < 2:
            continue
        dated = [d for d in group if dates.get(d)]
        source = min(dated, key=lambda d: (dates[d], order[d])) if dated else group[0]
        for doc_id in group:
            same = digests[doc_id] == digests[source]
            similarity = 1.0 if same else _jaccard(shingles[doc_id], shingles[source])
            match = "exact" if same else "near"
            rows.append((doc_id, source, len(group), doc_id == source, match, round(similarity, 3)))
    rows.sort(key=lambda row: (order[row[1]], order[row[0]]))
    frame = pd.DataFrame(rows, columns=list(schema.SYNDICATION))
    frame.attrs.update({"threshold": THRESHOLD, "shingle_words": SHINGLE_WORDS, "min_words": MIN_WORDS})
    return frame


def _shingles(words: list[str], codes: dict[str, int]) -> np.ndarray:
    """The distinct hashes of the word shingles of a text of at least :data:`SHINGLE_WORDS` words,
    sorted (8 bytes each: a corpus of 10,000 articles holds its shingles in about 50 MB, where
    Python sets of ints took ten times that). A shingle's hash combines the hashes of its words
    (``codes``, shared across a corpus: one digest per distinct word, not per shingle), so the work
    is array arithmetic; overflow wraps modulo 2**64, and the top 8 bits are dropped to keep the
    MinHash products in range as before."""
    for word in words:
        if word not in codes:
            codes[word] = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")
    hashed = np.fromiter((codes[word] for word in words), dtype=np.uint64, count=len(words))
    count = len(words) - SHINGLE_WORDS + 1
    combined = np.zeros(count, dtype=np.uint64)
    for position in range(SHINGLE_WORDS):  # Horner's rule over the words of each shingle
        combined = combined * _MULTIPLIER + hashed[position : position + count]
    return np.unique(combined >> np.uint64(8))


def _candidates(shingles: Mapping[str, np.ndarray]) -> set[tuple[str, str]]:
    """Pairs ``(earlier, later)`` in corpus order that share a band of their MinHash signatures."""
    rows = PERMUTATIONS // BANDS
    buckets: dict[tuple[int, bytes], list[str]] = {}
    for doc_id, values in shingles.items():
        signature = ((_SEEDS[0][:, None] * values[None, :] + _SEEDS[1][:, None]) % _PRIME).min(axis=1)
        for band in range(BANDS):
            buckets.setdefault((band, signature[band * rows : (band + 1) * rows].tobytes()), []).append(doc_id)
    found = set()
    for docs in buckets.values():
        for i, a in enumerate(docs):
            found.update((a, b) for b in docs[i + 1 :])
    return found


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two sorted arrays of distinct hashes."""
    shared = np.intersect1d(a, b, assume_unique=True).size
    return shared / (a.size + b.size - shared)


def _root(parent: dict[str, str], doc_id: str) -> str:
    while parent[doc_id] != doc_id:
        parent[doc_id] = parent[parent[doc_id]]
        doc_id = parent[doc_id]
    return doc_id
