"""Running the registered stages on a corpus, on worker processes for a large one.

The corpus is cut into contiguous partitions (:mod:`xivn.corpus.parallel`); each worker runs all
requested per-document stages and aggregate maps on its sub-corpus in one pass, and each table is
concatenated back in corpus order, so the result equals the in-process one. Aggregates are then
combined and finished here, and corpus-wide stages run here on the whole corpus, given the
aggregates named in their ``inputs`` (rewrite detection gets its candidate pairs and IDF counts
from the workers). :mod:`xivn.runner.distributed` does the same on a Dask cluster.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any, TextIO

from xivn.corpus.parallel import PARALLEL_MIN_DOCUMENTS, Workers, available_cores, concat_parts, partition
from xivn.runner.registry import STAGES, aggregate, stage

if TYPE_CHECKING:  # pragma: no cover
    from xivn.corpus.corpus import Corpus

CHUNKS_PER_JOB = 4


def run_on_part(corpus: Corpus, names: Iterable[str], aggregates: Iterable[str] = ()) -> dict[str, Any]:
    """Run the named per-document stages, and the ``map`` of the named aggregates, on one
    (sub-)corpus: the unit of work of every backend. Returns ``{name: table or partial}``."""
    out: dict[str, Any] = {name: stage(name).function(corpus) for name in names}
    out.update({name: aggregate(name).map(corpus) for name in aggregates})
    return out


def default_jobs(corpus: Corpus) -> int:
    """Worker processes to use by default: all cores for a large corpus, else 1 (in process)."""
    return available_cores() if len(corpus) >= PARALLEL_MIN_DOCUMENTS else 1


def run_stages(
    corpus: Corpus,
    names: Sequence[str] | None = None,
    *,
    aggregates: Sequence[str] = (),
    jobs: int | None = None,
    progress: TextIO | None = None,
) -> dict[str, Any]:
    """Run stages (and aggregates) on a corpus; per-document work on ``jobs`` worker processes.

    ``names`` defaults to every registered stage. ``jobs=None`` picks :func:`default_jobs`;
    ``jobs=1`` runs in this process. The corpus is cut into contiguous partitions; each worker
    runs all requested per-document stages and aggregate maps on its sub-corpus in one pass (so
    paragraphs and sentences are made once per document), and each table is concatenated back in
    corpus order: the result equals the in-process result. Aggregates are then combined and
    finished here, and corpus-wide stages run here on the whole corpus, given the aggregates
    named in their ``inputs`` (so rewrite detection gets its candidate pairs and IDF counts from
    the workers). Returns ``{name: table}`` for the stages in the order asked, then the aggregates asked.
    With ``progress`` (a text stream), a line is written as each partition finishes and as each
    step in this process starts: a run on a large corpus takes minutes.
    """
    from concurrent.futures import ProcessPoolExecutor

    jobs = default_jobs(corpus) if jobs is None else max(1, jobs)
    report = _Progress(progress, len(corpus))
    with ExitStack() as stack:  # one pool for the whole run: its workers start before this process grows
        pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs)) if jobs > 1 and len(corpus) > 1 else None
        return _run_stages(corpus, names, aggregates, Workers(pool, jobs) if pool else None, report)


def _run_stages(
    corpus: Corpus, names: Sequence[str] | None, aggregates: Sequence[str], workers: Workers | None, report: _Progress
) -> dict[str, Any]:
    """:func:`run_stages` with its pool (``workers``, or None to run in this process) and progress."""
    from concurrent.futures import as_completed

    chosen = [stage(n) for n in names] if names is not None else list(STAGES)
    per_document = [s.name for s in chosen if s.per_document]
    inputs = [name for s in chosen if not s.per_document for _, name in s.inputs]
    combined = [aggregate(name) for name in dict.fromkeys([*aggregates, *inputs])]
    mapped = [entry.name for entry in combined]
    if workers is not None and (per_document or mapped):
        subsets = [corpus.subset(ids) for ids in partition(corpus.doc_ids, workers.count * CHUNKS_PER_JOB)]
        report.line(f"{len(subsets)} partitions on {workers.count} worker processes")
        submit = workers.executor.submit
        futures = {submit(run_on_part, subset, per_document, mapped): len(subset) for subset in subsets}
        for future in as_completed(futures):
            future.result()  # a failed partition stops the run here
            report.partition_done(futures[future])
        outputs = [future.result() for future in futures]
    else:
        report.line("per-document stages in this process")
        outputs = [run_on_part(corpus, per_document, mapped)]
        report.partition_done(len(corpus))
    results: dict[str, Any] = {name: concat_parts([out[name] for out in outputs]) for name in per_document}
    for entry in combined:
        report.line(f"combining {entry.name}")
        results[entry.name] = entry.finish(entry.combine([out[entry.name] for out in outputs]))
    for entry in chosen:
        if not entry.per_document:
            report.line(f"{entry.name} on the whole corpus")
            options = {k: results[a] for k, a in entry.inputs} | ({"jobs": workers or 1} if entry.takes_jobs else {})
            results[entry.name] = entry.function(corpus, **options)
    report.line("done")
    return {name: results[name] for name in [entry.name for entry in chosen] + list(aggregates)}


class _Progress:
    """Progress lines of :func:`run_stages` (``xivn: [seconds] message``), or nothing without a stream."""

    def __init__(self, stream: TextIO | None, documents: int) -> None:
        self.stream, self.documents, self.done, self.parts = stream, documents, 0, 0
        self.started = time.perf_counter()

    def line(self, message: str) -> None:
        if self.stream is not None:
            print(f"xivn: [{time.perf_counter() - self.started:6.1f} s] {message}", file=self.stream, flush=True)

    def partition_done(self, documents: int) -> None:
        self.done, self.parts = self.done + documents, self.parts + 1
        self.line(f"partition {self.parts} done: {self.done:,} of {self.documents:,} documents")


def run_aggregate(corpus: Corpus, name: str, *, jobs: int = 1) -> Any:
    """Run a registered aggregate here: ``finish(combine([map(part), ...]))``, the ``map`` on
    ``jobs`` worker processes (``jobs=1``: the whole corpus in this process)."""
    return run_stages(corpus, [], aggregates=[name], jobs=jobs)[name]
