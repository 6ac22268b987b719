"""Keyness by weighted log-odds: the worked examples of the methods brief, and facts of the seeds."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from xivn.corpus.checks import offset_mismatches
from xivn.framing.keywords import keyness, log_odds_z, stable_share, top_terms, written_forms


def test_worked_example_one_word():
    delta, variance, z = log_odds_z(5, 2, 0.7, 100, 400, 50)
    assert float(delta) == pytest.approx(1.8785, abs=1e-3)
    assert float(variance) == pytest.approx(0.54581, abs=1e-4)
    assert float(z) == pytest.approx(2.5427, abs=1e-3)


def test_worked_example_five_word_corpus():
    # target A (20 tokens) against B (40); prior = pooled counts scaled to alpha0 = 10
    y_a, y_b = np.array([3, 0, 4, 8, 5]), np.array([0, 4, 6, 20, 10])
    alpha = 10 * (y_a + y_b) / 60
    delta, _, z = log_odds_z(y_a, y_b, alpha, 20, 40, 10)
    assert z[0] == pytest.approx(1.7004, abs=1e-3)  # "symbolic"
    assert z[1] == pytest.approx(-1.1537, abs=1e-3)  # "historic": used only by B
    assert delta[4] == pytest.approx(0.0, abs=1e-12)  # "ties": equal rates give exactly 0


def test_worked_example_one_off_word_is_shrunk():
    _, _, z = log_odds_z(1, 0, 0.1, 100, 400, 50)
    assert float(z) == pytest.approx(1.061, abs=1e-3)


def test_seed_keyness_finds_the_blogs_semiconductor_vocabulary(seeds):
    table = keyness(seeds)
    blog = top_terms(table, 10).query("doc_id.str.startswith('004')", engine="python")
    # "semiconductor" occurs only in the Pamir blog (8 times), so it must rank among its top terms
    assert "semiconductor" in set(blog["term"])
    row = table[(table["doc_id"].str.startswith("004")) & (table["term"] == "semiconductor")].iloc[0]
    assert (row["count"], row["count_rest"]) == (8, 0)
    assert (table["count"] >= 2).all()
    assert offset_mismatches(table, seeds, text_column="quote").empty


def test_larger_prior_weight_changes_little_of_the_top(seeds):
    assert 0 < stable_share(keyness(seeds), keyness(seeds, alpha0=100)) <= 1


def test_one_document_has_no_rest(seeds):
    assert keyness(seeds.subset(seeds.doc_ids[:1])).empty


def test_a_corpus_of_one_distinct_word_has_no_keyness_and_no_warning(make_corpus):
    import warnings

    import xivn

    corpus = xivn.load_corpus(make_corpus({"a.txt": "Rail rail rail.\n", "b.txt": "Rail.\n"}))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert keyness(corpus, min_count=1).empty


def test_a_term_is_shown_as_most_often_written(seeds):
    table = keyness(seeds)
    forms = dict(zip(table["term"], table["form"], strict=True))
    assert forms["us"] == "US"  # counted as "us", written "US" in the blog
    assert forms["semiconductor"] == "semiconductor"


def test_written_form_is_the_most_frequent_spelling_first_seen_on_ties():
    occurrences = pd.DataFrame(
        {"term": ["us", "us", "us", "data", "data"], "quote": ["U.S.", "US", "US", "Data", "data"]}
    )
    assert written_forms(occurrences).to_dict() == {"us": "US", "data": "Data"}
    assert written_forms(occurrences.iloc[:0]).empty
