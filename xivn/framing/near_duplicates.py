"""Candidate pairs of near-duplicate text at scale: MinHash signatures and LSH banding.

Comparing every pair of documents is quadratic: 10,000 documents make 50 million pairs. Instead
each text unit (a sentence, by default) gets a MinHash signature over its word shingles; units
whose signatures agree on a whole *band* of rows land in the same bucket, and only units sharing
a bucket are compared (on their full signatures, which estimate the Jaccard similarity of their
shingle sets). Exact comparison (alignment, wording) is then the job of the rewrite detector, on
the candidates only.

Why sentences, not whole documents: a rewrite paraphrases sentence by sentence. On the seeds,
the Jaccard similarity of whole-document word 3-grams is 0.07 for the rewrite pair (000/003)
against up to 0.02 for other pairs on the same story, too close for banding to separate; at the
sentence level, with stop words dropped and single words as shingles, 7 sentence pairs of
000/003 have an exact Jaccard of 0.4 or more and no sentence pair of two other seeds does.

Signatures and banding are numpy. Measured against datasketch on 44,000 generated sentences
(benchmarks/minhash_compare.py): signatures cost about the same, but datasketch's LSH index
(a Python dict per band, queried sentence by sentence) plus verification took about 130 s where
the vectorised banding here takes 2 s; so datasketch is not a dependency. Shingles are hashed
with CRC-32 (stable across processes, unlike ``hash``), so signatures made in different processes
or on different machines can be concatenated (:func:`concat_signatures`): the map/combine/finish
of :data:`xivn.framing.stages.AGGREGATES`.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from xivn.corpus.parallel import available_cores

if TYPE_CHECKING:  # pragma: no cover
    from xivn.corpus.corpus import Corpus

NUM_PERM = 128
BANDS = 42
THRESHOLD = 0.4
SHINGLE_SIZE = 1
MIN_SHINGLES = 4
MIN_PAIRS = 3
MAX_BUCKET = 50
PREFILTER_MARGIN = 0.2  # 32 rows estimate a Jaccard of 0.4 within ±0.2 about 99% of the time
SEED = 20231212
PRIME = 4_294_967_291  # the largest prime below 2**32: (a * x + b) stays below 2**64
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_STOP_WORDS = (
    "a about after also an and are as at be been before but by can could for from had has have he her "
    "his in into is it its may not of on or over said says she than that the their these they this those "
    "to was we were which who will with would"
)
STOP_WORDS = frozenset(_STOP_WORDS.split())
UNIT_COLUMNS = ("doc_id", "start", "end")
_CHUNK_PAIRS = 200_000


@dataclass(frozen=True)
class Signatures:
    """MinHash signatures of text units: ``units`` (``doc_id``, ``start``, ``end``) and one row of
    ``values`` (``num_perm`` unsigned 32-bit minima) per unit; ``settings`` made them."""

    units: pd.DataFrame
    values: np.ndarray
    settings: tuple[int, int, int]  # shingle_size, num_perm, seed


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """The word ``size``-grams of ``text``: lower-cased, stop words dropped, joined by spaces."""
    words = [w for w in WORD.findall(text.lower()) if w not in STOP_WORDS]
    if size == 1:  # the default: single words, no joining
        return set(words)
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.integers(1, PRIME, num_perm, dtype=np.uint64), rng.integers(0, PRIME, num_perm, dtype=np.uint64)


def signatures(
    units: pd.DataFrame,
    *,
    text_column: str = "text",
    shingle_size: int = SHINGLE_SIZE,
    num_perm: int = NUM_PERM,
    seed: int = SEED,
) -> Signatures:
    """MinHash signatures of the rows of ``units`` (a table with ``doc_id``, ``start``, ``end``
    and a text column). Units with fewer than :data:`MIN_SHINGLES` shingles are left out: too
    short to call a near-duplicate."""
    sets = [shingles(text, shingle_size) for text in units[text_column]]
    keep = np.array([len(s) >= MIN_SHINGLES for s in sets], dtype=bool)
    kept = [s for s, k in zip(sets, keep, strict=True) if k]
    vocabulary: dict[str, int] = {}
    ids = [vocabulary.setdefault(shingle, len(vocabulary)) for s in kept for shingle in s]
    hashes = np.fromiter((zlib.crc32(s.encode()) for s in vocabulary), dtype=np.uint64, count=len(vocabulary))
    a, b = _permutations(num_perm, seed)
    permuted = ((a[:, None] * hashes[None, :] + b[:, None]) % PRIME).astype(np.uint32)  # permutation x shingle
    flat = np.asarray(ids, dtype=np.int64)
    starts = np.cumsum([0, *(len(s) for s in kept)])[:-1]
    values = np.empty((len(kept), num_perm), dtype=np.uint32)
    for row in range(num_perm):  # one permutation at a time: 1-D gathers and minima, the fastest measured
        values[:, row] = np.minimum.reduceat(permuted[row][flat], starts) if len(kept) else 0
    table = units.loc[keep, list(UNIT_COLUMNS)].reset_index(drop=True)
    return Signatures(table, values, (shingle_size, num_perm, seed))


def concat_signatures(parts: Sequence[Signatures]) -> Signatures:
    """Signatures of several partitions as one (all must have been made with the same settings)."""
    settings = {part.settings for part in parts}
    if len(settings) != 1:
        raise ValueError(f"signatures made with different settings: {sorted(settings)}")
    units = pd.concat([part.units for part in parts], ignore_index=True)
    return Signatures(units, np.concatenate([part.values for part in parts]), parts[0].settings)


def candidate_pairs(
    sigs: Signatures, *, bands: int = BANDS, threshold: float = THRESHOLD, max_bucket: int = MAX_BUCKET
) -> pd.DataFrame:
    """Pairs of units from different documents whose estimated Jaccard similarity is at least
    ``threshold``, found by LSH banding (``bands`` bands of ``num_perm / bands`` rows).

    A bucket shared by more than ``max_bucket`` units is boilerplate (a stock phrase, a notice)
    and proposes no pairs; this also bounds the work per bucket.

    Columns: ``doc_a``, ``start_a``, ``end_a``, ``doc_b``, ``start_b``, ``end_b`` (the two units;
    ``doc_a < doc_b``), ``jaccard`` (share of equal signature rows). Sorted by the unit columns.
    """
    values, n_units = sigs.values, len(sigs.units)
    rows = values.shape[1] // bands
    doc_codes = pd.factorize(sigs.units["doc_id"], sort=True)[0]
    mixers = np.random.default_rng(SEED).integers(1, 2**63, rows, dtype=np.uint64) | np.uint64(1)

    def band_pairs(band: int) -> np.ndarray:
        with np.errstate(over="ignore"):
            keys = (values[:, band * rows : (band + 1) * rows].astype(np.uint64) * mixers).sum(axis=1)
        return _bucket_pairs(keys, max_bucket)

    found = _in_threads(band_pairs, range(bands))
    columns = ["doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b", "jaccard"]
    codes = np.sort(np.concatenate([np.zeros(0, dtype=np.int64), *found]))
    codes = codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes  # sort-unique: ~50x np.unique here
    # the two units of each pair as two flat arrays (a stacked pair array costs a second copy)
    low, high = codes // max(n_units, 1), codes % max(n_units, 1)
    keep = doc_codes[low] != doc_codes[high]
    low, high = low[keep], high[keep]
    # a first look at a quarter of the rows drops most pairs cheaply; the rest get the full estimate
    quarter = np.ascontiguousarray(values[:, : values.shape[1] // 4])
    keep = _agreement(quarter, low, high) >= threshold - PREFILTER_MARGIN
    low, high = low[keep], high[keep]
    jaccard = _agreement(values, low, high)
    keep = jaccard >= threshold
    low, high, jaccard = low[keep], high[keep], jaccard[keep]
    swap = doc_codes[low] > doc_codes[high]
    low, high = np.where(swap, high, low), np.where(swap, low, high)
    a, b = sigs.units.iloc[low], sigs.units.iloc[high]
    table = pd.DataFrame(
        {
            "doc_a": a["doc_id"].to_numpy(),
            "start_a": a["start"].to_numpy(),
            "end_a": a["end"].to_numpy(),
            "doc_b": b["doc_id"].to_numpy(),
            "start_b": b["start"].to_numpy(),
            "end_b": b["end"].to_numpy(),
            "jaccard": jaccard.round(4),
        }
    )
    return table.sort_values(columns[:-1], ignore_index=True)


def _agreement(values: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Share of equal signature rows of units ``low[i]`` and ``high[i]`` (in chunks, to bound memory)."""

    def share(start: int) -> np.ndarray:
        end = start + _CHUNK_PAIRS
        return (values[low[start:end]] == values[high[start:end]]).mean(axis=1)

    return np.concatenate([np.zeros(0), *_in_threads(share, range(0, len(low), _CHUNK_PAIRS))])


def _in_threads(function: Callable[[int], np.ndarray], items: Iterable[int]) -> list[np.ndarray]:
    """``[function(i) for i in items]`` on one thread per core: numpy releases the GIL while it
    gathers, compares and sorts, so the banding of a large corpus uses every core."""
    with ThreadPoolExecutor(max_workers=available_cores()) as pool:
        return list(pool.map(function, items))


def _bucket_pairs(keys: np.ndarray, max_bucket: int) -> np.ndarray:
    """Unit pairs ``low * n + high`` that share a key, in buckets of at most ``max_bucket`` units."""
    n_units = len(keys)
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    sizes = np.diff(np.r_[starts, n_units])
    chosen = (sizes > 1) & (sizes <= max_bucket)
    starts, sizes = starts[chosen], sizes[chosen]
    if not len(sizes):
        return np.zeros(0, dtype=np.int64)
    # every member of a chosen bucket, by its position in sorted order, with its bucket's end
    positions = np.repeat(starts, sizes) + np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    ends = np.repeat(starts + sizes, sizes)
    codes = []
    for step in range(1, int(sizes.max())):
        here = positions[positions + step < ends]
        low, high = np.minimum(order[here], order[here + step]), np.maximum(order[here], order[here + step])
        codes.append(low.astype(np.int64) * n_units + high)
    return np.concatenate(codes)


def document_pairs(pairs: pd.DataFrame, *, min_pairs: int = MIN_PAIRS) -> pd.DataFrame:
    """Document pairs with at least ``min_pairs`` near-duplicate unit pairs.

    Columns: ``doc_a``, ``doc_b``, ``n_pairs`` (unit pairs), ``jaccard`` (their mean estimated
    Jaccard similarity). Sorted by ``n_pairs`` descending, then ids.
    """
    grouped = pairs.groupby(["doc_a", "doc_b"], as_index=False).agg(
        n_pairs=("jaccard", "size"), jaccard=("jaccard", "mean")
    )
    grouped["jaccard"] = grouped["jaccard"].astype("float64").round(4)
    grouped["n_pairs"] = grouped["n_pairs"].astype("int64")
    table = grouped[grouped["n_pairs"] >= min_pairs]
    return table.sort_values(["n_pairs", "doc_a", "doc_b"], ascending=[False, True, True], ignore_index=True)


def sentence_signatures(corpus: Corpus) -> Signatures:
    """Signatures of a corpus's article sentences, with the default settings (aggregate map)."""
    return signatures(corpus.article_sentences())


def document_candidates(sigs: Signatures) -> pd.DataFrame:
    """Candidate document pairs from sentence signatures, with the default settings (aggregate
    finish). Columns as in :func:`document_pairs`."""
    table = document_pairs(candidate_pairs(sigs))
    table.attrs = {
        "unit": "article sentence",
        "shingle_size": sigs.settings[0],
        "num_perm": sigs.settings[1],
        "bands": BANDS,
        "threshold": THRESHOLD,
        "min_pairs": MIN_PAIRS,
        "max_bucket": MAX_BUCKET,
    }
    return table


def rewrite_candidates(corpus: Corpus) -> pd.DataFrame:
    """Document pairs that may be rewrites of one another: at least three article sentences of one
    are near-duplicates (estimated Jaccard ≥ 0.4 of their content words) of sentences of the
    other. Columns: ``doc_a``, ``doc_b``, ``n_pairs``, ``jaccard`` (see :func:`document_pairs`)."""
    return document_candidates(sentence_signatures(corpus))
