"""Rewrite forensics: similarity measures, detection and direction on the seeds and on controls."""

from __future__ import annotations

import re

import pytest
from conftest import AF, PAMIR, REWRITE

import xivn
from xivn.corpus import parallel
from xivn.corpus.checks import offset_mismatches
from xivn.corpus.parallel import partition
from xivn.errors import ParameterError
from xivn.framing import rewrite_detection as dv
from xivn.framing.lexicon import words

WIRE = AF  # the wire report the rewrite is derived from


def test_set_measures():
    a = dv.shingles(["the", "cat", "sat", "on", "the", "mat"], 3)
    b = dv.shingles(["the", "cat", "sat", "on", "a", "mat"], 3)
    assert dv.jaccard(a, a) == 1.0  # identity
    assert dv.jaccard(a, b) == pytest.approx(2 / 6)
    assert dv.containment(a, b) == pytest.approx(2 / 4)
    assert dv.jaccard(set(), set()) == 0.0 and dv.containment(set(), b) == 0.0


@pytest.fixture(scope="module")
def seed_rewrites(seeds):
    return dv.rewrites(seeds)


def test_the_rewrite_pair_is_found_with_the_wire_report_as_original(seed_rewrites):
    top = seed_rewrites.iloc[0]
    assert {top["doc_a"], top["doc_b"]} == {WIRE, REWRITE}
    assert top["is_derivation"]
    assert (top["original"], top["derived"]) == (WIRE, REWRITE)
    assert top["votes_for"] > top["votes_against"]
    assert seed_rewrites["is_derivation"].sum() == 1  # negative control: no other seed pair is flagged


def test_candidate_generation_and_scoring_are_separate(seeds):
    pairs = dv.candidate_pairs(seeds)
    assert len(pairs) == len(seeds) * (len(seeds) - 1) // 2
    one = dv.rewrites(seeds, candidates=pairs.iloc[[3]])  # any candidate generator can be slotted in
    assert len(one) == 1


def test_alignment_of_the_rewrite(seeds):
    alignment = dv.align(seeds, WIRE, REWRITE)
    statuses = set(alignment["status"])
    assert statuses <= {"aligned", "review", "derived_only", "original_only"}
    vie = alignment[alignment["derived_quote"].str.startswith("As China and the United States vie")].iloc[0]
    assert vie["status"] == "aligned" and "more symbolic than real" in vie["original_quote"]
    assert (alignment.loc[alignment["status"] == "aligned", "similarity"] >= alignment.attrs["tau"]).all()
    spans = dv.alignment_spans(alignment)
    assert offset_mismatches(spans, seeds, text_column="quote").empty
    assert set(spans.loc[spans["side"] == "derived", "sent_id"]) == set(
        seeds.article_sentences().query("doc_id == @REWRITE")["sent_id"]
    )


def test_what_the_rewrite_changed(seeds):
    changes = dv.rewrite_changes(seeds, dv.align(seeds, WIRE, REWRITE))
    vie = changes[changes["quote"].str.contains("more symbolic than real")].iloc[0]
    assert "could" in vie["hedges_dropped"].split("; ")  # "analysts and diplomats said ... could be"
    assert vie["attribution_dropped"]
    assert offset_mismatches(changes, seeds, text_column="quote").empty


@pytest.mark.parametrize(("tau", "review"), [(0.2, 0.3), (1.5, 0.2)])  # review above tau; tau above 1
def test_align_rejects_bad_thresholds(seeds, tau, review):
    with pytest.raises(ParameterError):
        dv.align(seeds, WIRE, REWRITE, tau=tau, review=review)


def synthetic_rewrite(text: str) -> str:
    """A derivation of a text: every third sentence dropped, words swapped, specifics removed,
    evaluation added and a two-question FAQ appended."""
    swaps = {"deals": "agreements", "pacts": "accords", "said": "noted", "signed": "concluded"}
    sentences = [s for i, s in enumerate(re.split(r"(?<=\.)\s+", text)) if i % 3 != 2]
    body = " ".join(sentences)
    body = re.sub(r"\b(" + "|".join(swaps) + r")\b", lambda m: swaps[m.group()], body)
    body = re.sub(r"\b(on Wednesday|in September|\d+)\b", "", body)
    return (
        "In a historic and momentous step, " + body[0].lower() + body[1:] + "\n\nThis remarkable milestone is "
        "significant and crucial.\n\nFAQ\n\n1. What was agreed?\n\nAgreements on rail and data.\n\n"
        "2. Was there a deal on rare earths?\n\nNo deal was announced on rare earths.\n"
    )


def test_synthetic_rewrite_is_detected_with_the_right_direction(seeds, make_corpus):
    wire = " ".join(seeds.article_sentences().query("doc_id == @WIRE and kind == 'body'")["text"])
    other = seeds.text("002_de74f18409056071")
    files = {"a_wire.txt": wire + "\n", "b_copy.txt": synthetic_rewrite(wire), "c.txt": other}
    corpus = xivn.load_corpus(make_corpus(files))
    table = dv.rewrites(corpus)
    top = table.iloc[0]
    assert top["is_derivation"] and table["is_derivation"].sum() == 1
    assert (top["original"], top["derived"]) == ("a_wire", "b_copy")


def test_a_large_corpus_scores_only_near_duplicate_candidates(generated_corpus):
    corpus = xivn.load_corpus(generated_corpus)
    assert len(corpus) > dv.ALL_PAIRS_MAX
    pairs = dv.candidate_pairs(corpus)
    assert pairs.attrs["candidates"] == "near-duplicate sentences"
    assert 0 < len(pairs) < len(corpus) * (len(corpus) - 1) // 2 / 10
    position = {doc_id: i for i, doc_id in enumerate(corpus.doc_ids)}
    assert all(position[a] < position[b] for a, b in zip(pairs["doc_a"], pairs["doc_b"], strict=True))
    planted = corpus.documents.query("rewrite_of != ''")
    table = dv.rewrites(corpus)
    flagged = table[table["is_derivation"]]
    flagged = {frozenset(p) for p in zip(flagged["doc_a"], flagged["doc_b"], strict=True)}
    assert len(planted) >= 1
    assert {frozenset(p) for p in zip(planted["doc_id"], planted["rewrite_of"], strict=True)} <= flagged
    given = dv.rewrites(corpus, near_duplicates=xivn.framing.rewrite_candidates(corpus))  # as run_stages passes it
    assert given.equals(table)
    counted = dv.rewrites(
        xivn.load_corpus(generated_corpus),  # a fresh corpus, as in the main process of run_stages
        near_duplicates=xivn.framing.rewrite_candidates(corpus),
        document_frequencies=dv.document_frequencies(corpus),
    )
    assert counted.equals(table) and counted.attrs == table.attrs


def test_rewrites_on_worker_processes_are_the_same(generated_corpus, monkeypatch):
    corpus = xivn.load_corpus(generated_corpus)
    inputs = {
        "near_duplicates": xivn.framing.rewrite_candidates(corpus),
        "document_frequencies": dv.document_frequencies(corpus),
    }
    alone = dv.rewrites(xivn.load_corpus(generated_corpus), **inputs)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_DOCUMENTS", 2)  # the test corpus is small: use the pool anyway
    cuts = []
    monkeypatch.setattr(parallel, "partition", lambda ids, parts: cuts.append(parts) or partition(ids, parts))
    shared = dv.rewrites(xivn.load_corpus(generated_corpus), **inputs, jobs=2)
    assert cuts == [2, 2]  # candidate documents tokenised, flagged ones measured, each on two processes
    assert alone["is_derivation"].any()
    assert shared.equals(alone) and shared.attrs == alone.attrs


def test_term_counts_of_partitions_add_up_to_those_of_the_corpus(seeds):
    whole = dv.term_counts(seeds)
    assert whole.n_documents == len(seeds) and whole.n_sentences == len(seeds.article_sentences())
    parts = [dv.term_counts(seeds.subset(ids)) for ids in (seeds.doc_ids[:1], seeds.doc_ids[1:3], seeds.doc_ids[3:])]
    assert dv.add_term_counts(parts) == whole
    assert dv.add_term_counts([dv.add_term_counts(parts[:2]), parts[2]]) == whole  # any grouping
    table = dv.frequency_table(whole)
    assert table["term"].is_monotonic_increasing and table["term"].is_unique
    assert (table["documents"] <= table["sentences"]).all() and (table["documents"] <= len(seeds)).all()
    assert table.attrs == {"n_sentences": whole.n_sentences, "n_documents": whole.n_documents}


def test_a_model_of_some_documents_weights_them_as_the_whole_corpus_does(seeds, monkeypatch):
    whole = dv.TextModel.build(seeds)
    frequencies = dv.document_frequencies(seeds)
    tokenised = []
    monkeypatch.setattr(dv, "words", lambda text: tokenised.append(text) or words(text))
    two = dv.TextModel.build(seeds, doc_ids=[REWRITE, WIRE], frequencies=frequencies)
    assert list(two.words) == [WIRE, REWRITE]  # only these documents, in corpus order
    assert len(tokenised) == seeds.article_sentences()["doc_id"].isin([WIRE, REWRITE]).sum()  # and only read
    for doc_id in (WIRE, REWRITE):
        assert two.words[doc_id] == whole.words[doc_id]
        assert two.doc_vectors[doc_id] == whole.doc_vectors[doc_id]
    assert (two.sentence_similarity(WIRE, REWRITE) == whole.sentence_similarity(WIRE, REWRITE)).all()
    subset = dv.TextModel.build(seeds.subset([WIRE, REWRITE]))  # IDF over two documents only: different
    assert subset.doc_vectors[WIRE] != whole.doc_vectors[WIRE]


def test_rewrites_with_document_frequencies_made_elsewhere_are_the_same(seeds):
    given = dv.rewrites(seeds, document_frequencies=dv.document_frequencies(seeds))
    assert given.equals(dv.rewrites(seeds))
    one = dv.document_frequencies(seeds.subset([PAMIR]))  # counts of another corpus lack its words
    with pytest.raises(ParameterError, match="lack"):
        dv.rewrites(seeds, document_frequencies=one)


def test_direction_evidence_from_measures_of_many_documents_is_that_of_the_pair(seeds):
    measures = dv.direction_measures(seeds)
    assert set(measures) == set(seeds.doc_ids)
    for doc_a, doc_b in [(WIRE, REWRITE), (REWRITE, PAMIR)]:
        alone = dv.direction_evidence(seeds, doc_a, doc_b)
        assert dv.direction_evidence(seeds, doc_a, doc_b, measures=measures).equals(alone)
