"""The Dask path: on a local cluster of two worker processes, every available per-document stage
and every aggregate gives exactly the in-process result."""

from __future__ import annotations

import pytest
from dask.distributed import Client, LocalCluster

from xivn.corpus.stages import Stage
from xivn.errors import ParameterError
from xivn.runner import processes, registry
from xivn.runner.distributed import run_aggregate_on_dask, run_stages_on_dask

PER_DOCUMENT = [s.name for s in registry.STAGES if s.per_document]
AGGREGATES = [a.name for a in registry.AGGREGATES]


@pytest.fixture(scope="module")
def client():
    with (
        LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.mark.parametrize("name", PER_DOCUMENT)
def test_stage_on_dask_equals_in_process(seeds, client, name):
    # three partitions for five documents: partitions of different sizes, results re-joined in order
    on_dask = run_stages_on_dask(seeds, [name], client=client, npartitions=3)[name]
    in_process = processes.run_stages(seeds, [name], jobs=1)[name]
    assert on_dask.equals(in_process)
    assert not in_process.empty


@pytest.mark.parametrize("name", AGGREGATES)
def test_aggregate_on_dask_equals_in_process(seeds, client, name):
    on_dask = run_aggregate_on_dask(seeds, name, client=client, npartitions=5)
    in_process = processes.run_aggregate(seeds, name)
    assert on_dask.equals(in_process) and on_dask.attrs == in_process.attrs
    assert not in_process.empty


def test_corpus_wide_stage_is_refused_on_dask(seeds, monkeypatch):
    whole = Stage("whole", lambda corpus: corpus.paragraphs, per_document=False)
    monkeypatch.setattr(registry, "STAGES", (*registry.STAGES, whole))
    with pytest.raises(ParameterError, match="needs the whole corpus"):
        run_stages_on_dask(seeds, ["whole"])
