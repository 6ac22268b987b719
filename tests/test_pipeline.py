"""The stage registry and the multi-process runner: the same tables as one process."""

from __future__ import annotations

import io
import re

import pytest

import xivn
from xivn.corpus import parallel
from xivn.corpus.parallel import map_partitions as map_parts
from xivn.corpus.stages import Stage
from xivn.errors import ParameterError
from xivn.framing import rewrite_detection as derivation
from xivn.runner import processes, registry

PER_DOCUMENT = [s.name for s in registry.STAGES if s.per_document]


def test_the_corpus_stages_are_registered_and_available():
    assert {"paragraphs", "sentences"} <= set(PER_DOCUMENT)


def test_every_analysis_registers_its_stages_once_under_a_unique_name():
    names = [entry.name for entry in (*registry.STAGES, *registry.AGGREGATES)]
    assert len(names) == len(set(names))
    assert [m.__name__.rsplit(".", 2)[1] for m in registry.ANALYSES] == [
        "corpus",
        "trade",
        "deals",
        "framing",
        "rare_earths",
    ]
    assert {"amounts", "deal_mentions", "frame_evidence", "rare_earth_claims", "rewrites"} <= set(names)
    assert all(callable(entry.function) and not isinstance(entry, str) for entry in registry.STAGES)


def test_a_stage_added_to_the_registry_runs(seeds, monkeypatch):
    extra = Stage("chrome_paragraphs", lambda corpus: corpus.paragraphs.query("is_chrome"))
    monkeypatch.setattr(registry, "STAGES", (*registry.STAGES, extra))
    table = processes.run_stages(seeds, ["chrome_paragraphs"], jobs=1)["chrome_paragraphs"]
    assert table["is_chrome"].all() and len(table) == seeds.paragraphs["is_chrome"].sum()


def test_unknown_stage_is_a_parameter_error(seeds):
    with pytest.raises(ParameterError, match="unknown stage 'nope'"):
        processes.run_stages(seeds, ["nope"])


@pytest.mark.parametrize(
    ("count", "parts", "sizes"),
    [
        (5, 2, [3, 2]),
        (5, 5, [1, 1, 1, 1, 1]),
        (3, 8, [1, 1, 1]),  # more parts than documents: one document each
        (1, 4, [1]),
    ],
)
def test_partition_keeps_order_and_sizes(count, parts, sizes):
    ids = [f"d{i}" for i in range(count)]
    runs = parallel.partition(ids, parts)
    assert [len(run) for run in runs] == sizes
    assert [doc for run in runs for doc in run] == ids


def test_worker_processes_give_the_in_process_tables(seeds):
    one = processes.run_stages(seeds, PER_DOCUMENT, jobs=1)
    two = processes.run_stages(seeds, PER_DOCUMENT, jobs=2)
    assert list(two) == PER_DOCUMENT
    for name in PER_DOCUMENT:
        assert two[name].equals(one[name]), name
        assert two[name].attrs == one[name].attrs, name
    assert one["sentences"].equals(seeds.sentences)


def test_small_corpora_run_in_process_large_ones_on_all_cores(seeds):
    assert processes.default_jobs(seeds) == 1
    assert len(seeds) < parallel.PARALLEL_MIN_DOCUMENTS


def test_the_rewrite_candidates_aggregate_runs_in_process(seeds):
    table = processes.run_aggregate(seeds, "rewrite_candidates")
    assert list(zip(table["doc_a"], table["doc_b"], strict=True)) == [("000_1a56b2a50d2ad841", "003_c9643dd3023e532a")]


def test_the_aggregate_map_on_worker_processes_gives_the_same_pairs(seeds):
    assert processes.run_aggregate(seeds, "rewrite_candidates", jobs=2).equals(
        processes.run_aggregate(seeds, "rewrite_candidates")
    )


@pytest.mark.parametrize("share_workers", [False, True])
def test_rewrites_get_their_candidates_from_the_aggregate_on_the_workers(generated_corpus, monkeypatch, share_workers):
    corpus = xivn.load_corpus(generated_corpus)
    handed = []
    if share_workers:  # the test corpus is small: let rewrite scoring use the run's workers anyway
        monkeypatch.setattr(parallel, "PARALLEL_MIN_DOCUMENTS", 2)
        monkeypatch.setattr(derivation, "map_partitions", lambda f, c, n: handed.append(n) or map_parts(f, c, n))
    two = processes.run_stages(corpus, ["rewrites"], jobs=2)
    by_the_run = list(handed)  # what the run handed over (the reference below adds its own)
    assert list(two) == ["rewrites"]  # the aggregates it needed are not returned unless asked
    assert two["rewrites"].attrs["candidates"] == "near-duplicate sentences"
    assert two["rewrites"].equals(xivn.framing.rewrites(corpus))
    if share_workers:
        assert len(by_the_run) == 2 and all(isinstance(n, parallel.Workers) and n.count == 2 for n in by_the_run)


def test_document_frequencies_from_worker_processes_equal_the_in_process_ones(generated_corpus):
    corpus = xivn.load_corpus(generated_corpus)
    one = processes.run_aggregate(corpus, "document_frequencies")
    two = processes.run_aggregate(corpus, "document_frequencies", jobs=2)  # eight partitions, summed
    assert two.equals(one) and two.attrs == one.attrs
    assert one.attrs == {"n_sentences": len(corpus.article_sentences()), "n_documents": len(corpus)}
    assert one.equals(derivation.document_frequencies(corpus))


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_says_how_many_documents_are_done_and_which_step_runs(seeds, jobs):
    stream = io.StringIO()
    tables = processes.run_stages(seeds, ["sentences", "rewrites"], jobs=jobs, progress=stream)
    assert tables["sentences"].equals(seeds.sentences)
    lines = stream.getvalue().splitlines()
    assert all(re.match(r"xivn: \[ *\d+\.\d s\] ", line) for line in lines), lines
    done = [line for line in lines if " done: " in line]
    assert len(done) == (1 if jobs == 1 else min(len(seeds), 2 * processes.CHUNKS_PER_JOB))
    assert done[-1].endswith(f"done: {len(seeds)} of {len(seeds)} documents")
    steps = [line.split("] ", 1)[1] for line in lines if " done: " not in line]
    assert steps[1:] == [
        "combining rewrite_candidates",
        "combining document_frequencies",
        "rewrites on the whole corpus",
        "done",
    ]


def test_no_progress_stream_prints_nothing(seeds, capsys):
    processes.run_stages(seeds, ["sentences"], jobs=1)
    assert capsys.readouterr() == ("", "")


def _doc_ids(corpus):
    return corpus.doc_ids


def test_map_partitions_keeps_corpus_order_and_stays_in_process_for_a_small_corpus(seeds, monkeypatch):
    assert parallel.map_partitions(_doc_ids, seeds, jobs=2) == [seeds.doc_ids]  # below the threshold
    monkeypatch.setattr(parallel, "PARALLEL_MIN_DOCUMENTS", 2)
    parts = parallel.map_partitions(_doc_ids, seeds, jobs=2)
    assert len(parts) == 2 and [d for part in parts for d in part] == seeds.doc_ids
