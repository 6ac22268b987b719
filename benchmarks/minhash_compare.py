"""datasketch against xivn's numpy MinHash/LSH, on the article sentences of a generated corpus.

Needs ``pip install datasketch`` (not a dependency of xivn: this script is how it was judged).
Run: ``.venv/bin/python benchmarks/minhash_compare.py benchmarks/corpora/1000``
"""

from __future__ import annotations

import sys
import time

from datasketch import MinHash, MinHashLSH

import xivn
from xivn.framing import near_duplicates as nd


def main() -> None:
    sentences = xivn.load_corpus(sys.argv[1]).article_sentences()
    start = time.perf_counter()
    sigs = nd.signatures(sentences)
    signed = time.perf_counter()
    pairs = nd.candidate_pairs(sigs)
    banded = time.perf_counter()
    print(
        f"xivn (numpy): signatures {signed - start:.2f} s, banding + verification {banded - signed:.2f} s, "
        f"{len(sigs.units):,} units, {len(pairs):,} pairs"
    )

    start = time.perf_counter()
    sets = [[s.encode() for s in nd.shingles(text)] for text in sentences["text"]]
    sets = [s for s in sets if len(s) >= nd.MIN_SHINGLES]
    minhashes = MinHash.bulk(sets, num_perm=nd.NUM_PERM)
    signed = time.perf_counter()
    index = MinHashLSH(num_perm=nd.NUM_PERM, params=(nd.BANDS, nd.NUM_PERM // nd.BANDS))
    for key, minhash in enumerate(minhashes):
        index.insert(key, minhash)
    raw = {(min(i, j), max(i, j)) for i, m in enumerate(minhashes) for j in index.query(m) if j != i}
    kept = [p for p in raw if minhashes[p[0]].jaccard(minhashes[p[1]]) >= nd.THRESHOLD]
    banded = time.perf_counter()
    print(
        f"datasketch:   signatures {signed - start:.2f} s, index + query + verification {banded - signed:.2f} s, "
        f"{len(raw):,} raw pairs, {len(kept):,} pairs (no bucket cap, same-document pairs included)"
    )


if __name__ == "__main__":
    main()
