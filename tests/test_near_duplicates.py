"""MinHash/LSH candidate pairs: the seeds' rewrite pair, a planted near-duplicate, and far fewer
candidates than all pairs on a generated corpus."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest
from conftest import REPO

import xivn
from xivn.framing import near_duplicates as nd

sys.path.insert(0, str(REPO / "benchmarks"))
from generate_corpus import generate

REWRITE_PAIR = ("000_1a56b2a50d2ad841", "003_c9643dd3023e532a")


def test_seeds_propose_the_rewrite_pair_and_nothing_else(seeds):
    table = nd.rewrite_candidates(seeds)
    assert list(zip(table["doc_a"], table["doc_b"], strict=True)) == [REWRITE_PAIR]
    assert table["n_pairs"].iloc[0] >= nd.MIN_PAIRS
    assert table.attrs["threshold"] == nd.THRESHOLD


def test_unit_pairs_point_back_to_their_sentences(seeds):
    pairs = nd.candidate_pairs(nd.sentence_signatures(seeds))
    assert (pairs["jaccard"] >= nd.THRESHOLD).all()
    assert (pairs["doc_a"] < pairs["doc_b"]).all()
    sentences = seeds.article_sentences()
    known = set(zip(sentences["doc_id"], sentences["start"], sentences["end"], strict=True))
    assert set(zip(pairs["doc_a"], pairs["start_a"], pairs["end_a"], strict=True)) <= known
    assert set(zip(pairs["doc_b"], pairs["start_b"], pairs["end_b"], strict=True)) <= known


def test_a_lightly_edited_copy_is_found(make_corpus, seeds):
    original = seeds.text("002_de74f18409056071")
    edited = original.replace("Tuesday", "Monday").replace("officials", "diplomats").replace("neighbors", "countries")
    corpus = xivn.load_corpus(make_corpus({"a.txt": original, "b.txt": edited, "c.txt": seeds.text(REWRITE_PAIR[0])}))
    table = nd.rewrite_candidates(corpus)
    assert list(zip(table["doc_a"], table["doc_b"], strict=True)) == [("a", "b")]
    assert table["jaccard"].iloc[0] > 0.9


def test_signatures_estimate_jaccard_and_are_stable_across_calls():
    units = pd.DataFrame(
        {
            "doc_id": ["x", "y"],
            "start": [0, 0],
            "end": [1, 1],
            "text": ["alpha beta gamma delta epsilon zeta eta theta", "alpha beta gamma delta iota kappa lambda mu"],
        }
    )
    first, second = nd.signatures(units), nd.signatures(units)
    assert np.array_equal(first.values, second.values)
    estimate = (first.values[0] == first.values[1]).mean()
    assert abs(estimate - 4 / 12) < 0.12  # true Jaccard 4/12; 128 rows estimate it within ±0.12


def test_short_units_get_no_signature():
    units = pd.DataFrame({"doc_id": ["x"], "start": [0], "end": [9], "text": ["Read more"]})
    assert nd.signatures(units).values.shape == (0, nd.NUM_PERM)
    assert nd.candidate_pairs(nd.signatures(units)).empty


def test_signatures_of_partitions_concatenate_to_those_of_the_whole(seeds):
    whole = nd.sentence_signatures(seeds)
    parts = [nd.sentence_signatures(seeds.subset(ids)) for ids in (seeds.doc_ids[:2], seeds.doc_ids[2:])]
    joined = nd.concat_signatures(parts)
    assert np.array_equal(joined.values, whole.values)
    assert joined.units.equals(whole.units)


def test_signatures_with_other_settings_do_not_mix(seeds):
    with pytest.raises(ValueError, match="different settings"):
        nd.concat_signatures([nd.sentence_signatures(seeds), nd.signatures(seeds.article_sentences(), num_perm=64)])


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generate(200, tmp_path_factory.mktemp("generated"))


def test_generated_corpus_candidates_are_far_below_all_pairs_and_include_planted_rewrites(generated):
    corpus = xivn.load_corpus(generated)
    table = nd.rewrite_candidates(corpus)
    all_pairs = len(corpus) * (len(corpus) - 1) // 2
    assert len(table) < all_pairs / 100
    planted = corpus.documents.query("rewrite_of != ''")
    assert len(planted) >= 2
    found = set(zip(table["doc_a"], table["doc_b"], strict=True))
    assert {tuple(sorted(pair)) for pair in zip(planted["doc_id"], planted["rewrite_of"], strict=True)} <= found
