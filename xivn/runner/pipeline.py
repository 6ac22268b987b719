"""The analysis stages as a registry, and running them on many cores.

A *stage* is a function ``Corpus -> DataFrame``, named here by a ``"module:function"`` path that
is imported only when the stage runs, so a stage whose module has not landed yet is simply
"not available" (:func:`available_stages`). Adding a stage is one line in :data:`STAGES`.

Per-document stages (``per_document=True``) give, for a corpus, the rows of each document in
corpus order, and nothing in a document's rows depends on another document. They can therefore
run on any partition of the corpus and be concatenated: :func:`run_stages` does that on worker
processes for a large corpus, :mod:`xivn.runner.distributed` on a Dask cluster; the function is the same
one either way. Corpus-wide stages (``per_document=False``) run on the whole corpus in one process.

Aggregates (:data:`AGGREGATES`) are steps that need the whole corpus but can be built from
partial results: ``map(sub_corpus) -> partial`` per partition, ``combine([partial, ...]) ->
partial`` (associative, so partials can be combined in any grouping), ``finish(partial) ->
DataFrame``. Running ``finish(combine([map(corpus)]))`` in one process must give what the
partitioned run gives. Rewrite candidates are one (MinHash signatures per partition,
concatenated, then banded into pairs), and so are the document frequencies that weight the
rewrite scores (content-word counts per partition, summed): with both made on the workers, rewrite
detection in the main process reads only the documents of candidate pairs. Keyness fits the same
shape (term counts per partition, summed, then scored), as do frame profiles (evidence counts per
document, summed per group).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from contextlib import ExitStack
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from xivn.corpus.corpus import Corpus

PARALLEL_MIN_DOCUMENTS = 200
"""From this many documents on, :func:`run_stages` uses worker processes by default."""
CHUNKS_PER_JOB = 4


@dataclass(frozen=True)
class Stage:
    """An analysis step: ``name``, the ``"module:function"`` that computes it from a corpus, and
    whether it works document by document. ``inputs`` pairs a keyword argument of a corpus-wide
    stage with the aggregate whose result :func:`run_stages` passes in it (made on the workers);
    ``takes_jobs``: the corpus-wide function accepts ``jobs`` and spreads its own per-document
    work over that many processes (:func:`map_partitions`)."""

    name: str
    function: str
    per_document: bool = True
    inputs: tuple[tuple[str, str], ...] = ()
    takes_jobs: bool = False


@dataclass(frozen=True)
class Aggregate:
    """A corpus-wide step built from per-partition partial results (see the module docstring)."""

    name: str
    map: str
    combine: str
    finish: str


def paragraphs(corpus: Corpus) -> pd.DataFrame:
    """Load and structure: :attr:`Corpus.paragraphs`."""
    return corpus.paragraphs


def sentences(corpus: Corpus) -> pd.DataFrame:
    """Sentence segmentation: :attr:`Corpus.sentences`."""
    return corpus.sentences


STAGES: tuple[Stage, ...] = (
    Stage("paragraphs", "xivn.runner.pipeline:paragraphs"),
    Stage("sentences", "xivn.runner.pipeline:sentences"),
    Stage("amounts", "xivn:amounts"),
    Stage("trade_figures", "xivn:trade_figures"),
    Stage("deal_mentions", "xivn:deal_mentions"),
    Stage("frame_evidence", "xivn:frame_evidence"),
    Stage("tone", "xivn:tone"),
    Stage("rare_earth_claims", "xivn:rare_earth_claims"),
    Stage(
        "rewrites",
        "xivn:rewrites",
        per_document=False,
        inputs=(("near_duplicates", "rewrite_candidates"), ("document_frequencies", "document_frequencies")),
        takes_jobs=True,
    ),
)

AGGREGATES: tuple[Aggregate, ...] = (
    Aggregate(
        "rewrite_candidates",
        map="xivn.framing.near_duplicates:sentence_signatures",
        combine="xivn.framing.near_duplicates:concat_signatures",
        finish="xivn.framing.near_duplicates:document_candidates",
    ),
    Aggregate(
        "document_frequencies",
        map="xivn.framing.rewrite_detection:term_counts",
        combine="xivn.framing.rewrite_detection:add_term_counts",
        finish="xivn.framing.rewrite_detection:frequency_table",
    ),
)


def resolve(path: str) -> Callable[..., Any]:
    """The function named by ``"module:function"``; raises ImportError or AttributeError when it
    does not exist (yet)."""
    module, _, name = path.partition(":")
    return getattr(import_module(module), name)


def is_available(path: str) -> bool:
    """True when the function named by ``"module:function"`` can be imported."""
    try:
        resolve(path)
    except (ImportError, AttributeError):
        return False
    return True


def stage(name: str) -> Stage:
    """The registered stage called ``name``."""
    from xivn.errors import ParameterError

    for entry in STAGES:
        if entry.name == name:
            return entry
    raise ParameterError(f"unknown stage {name!r} (known: {', '.join(s.name for s in STAGES)})")


def aggregate(name: str) -> Aggregate:
    """The registered aggregate called ``name``."""
    from xivn.errors import ParameterError

    for entry in AGGREGATES:
        if entry.name == name:
            return entry
    raise ParameterError(f"unknown aggregate {name!r} (known: {', '.join(a.name for a in AGGREGATES)})")


def available_stages(*, per_document: bool | None = None) -> list[Stage]:
    """The registered stages whose function can be imported (optionally only per-document ones)."""
    return [s for s in STAGES if is_available(s.function) and (per_document is None or s.per_document == per_document)]


def available_aggregates() -> list[Aggregate]:
    """The registered aggregates whose three functions can be imported."""
    return [a for a in AGGREGATES if all(is_available(f) for f in (a.map, a.combine, a.finish))]


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


def run_on_part(corpus: Corpus, names: Iterable[str], aggregates: Iterable[str] = ()) -> dict[str, Any]:
    """Run the named per-document stages, and the ``map`` of the named aggregates, on one
    (sub-)corpus: the unit of work of every backend. Returns ``{name: table or partial}``."""
    out: dict[str, Any] = {name: resolve(stage(name).function)(corpus) for name in names}
    out.update({name: resolve(aggregate(name).map)(corpus) for name in aggregates})
    return out


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

    ``names`` defaults to every available stage. ``jobs=None`` picks :func:`default_jobs`;
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

    chosen = [stage(n) for n in names] if names is not None else available_stages()
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
        results[entry.name] = resolve(entry.finish)(resolve(entry.combine)([out[entry.name] for out in outputs]))
    for entry in chosen:
        if not entry.per_document:
            report.line(f"{entry.name} on the whole corpus")
            options = {k: results[a] for k, a in entry.inputs} | ({"jobs": workers or 1} if entry.takes_jobs else {})
            results[entry.name] = resolve(entry.function)(corpus, **options)
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
