"""Running a function over contiguous partitions of a corpus on worker processes.

A corpus can be cut into contiguous runs of documents (:func:`partition`) and a per-document result
computed on each run and concatenated back in corpus order (:func:`concat_parts`): the result equals
the one of the whole corpus in one process. The runner (:mod:`xivn.runner`) uses these for its
stages; an analysis step that has per-document work of its own inside a corpus-wide computation
(rewrite detection) takes the run's :class:`Workers` and spreads that work with
:func:`map_partitions`, without knowing the runner.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from xivn.corpus.corpus import Corpus

PARALLEL_MIN_DOCUMENTS = 200
"""From this many documents on, work is spread over worker processes (smaller corpora run in process)."""


def partition(doc_ids: Sequence[str], parts: int) -> list[list[str]]:
    """Split ``doc_ids`` into at most ``parts`` contiguous runs of near-equal size (order kept)."""
    parts = max(1, min(parts, len(doc_ids)))
    size, extra = divmod(len(doc_ids), parts)
    runs, start = [], 0
    for index in range(parts):
        end = start + size + (index < extra)
        runs.append(list(doc_ids[start:end]))
        start = end
    return [run for run in runs if run]


@dataclass(frozen=True)
class Workers:
    """The worker processes of a run (an executor and how many processes it has), handed to a
    corpus-wide step so that its per-document work uses them (:func:`map_partitions`)."""

    executor: Executor
    count: int


def map_partitions(function: Callable[[Corpus], Any], corpus: Corpus, jobs: int | Workers = 1) -> list[Any]:
    """``function`` on contiguous partitions of ``corpus``, in corpus order: on ``jobs`` worker
    processes (a number, or the :class:`Workers` of a run) for a corpus of
    :data:`PARALLEL_MIN_DOCUMENTS` documents or more, else ``[function(corpus)]``. For the
    per-document work inside a corpus-wide step; ``function`` must be importable by name."""
    from concurrent.futures import ProcessPoolExecutor

    count = jobs.count if isinstance(jobs, Workers) else jobs
    if count <= 1 or len(corpus) < PARALLEL_MIN_DOCUMENTS:
        return [function(corpus)]
    subsets = [corpus.subset(ids) for ids in partition(corpus.doc_ids, count)]
    if isinstance(jobs, Workers):
        return list(jobs.executor.map(function, subsets))
    with ProcessPoolExecutor(max_workers=count) as pool:
        return list(pool.map(function, subsets))


def concat_parts(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate the results of contiguous partitions, in partition order, as one table.

    Empty parts are dropped (unless all are empty) so that column types come from real rows;
    ``attrs`` (the settings that made the table) are those of the first part.
    """
    import pandas as pd

    filled = [part for part in parts if not part.empty] or list(parts[:1])
    table = pd.concat(filled, ignore_index=True) if len(filled) > 1 else filled[0].reset_index(drop=True)
    table.attrs = dict(parts[0].attrs)
    return table


def available_cores() -> int:
    """The cores this process may run on (fewer than the machine's when its CPUs are restricted)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
