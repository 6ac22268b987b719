"""Running the registered stages on a corpus, on worker processes for a large one.

The corpus is cut into contiguous partitions (:mod:`xivn.corpus.parallel`); each worker runs all
requested per-document stages and aggregate maps on its sub-corpus in one pass, and each table is
concatenated back in corpus order, so the result equals the in-process one. Aggregates are then
combined and finished here, and corpus-wide stages run here on the whole corpus, given the
aggregates named in their ``inputs`` (rewrite detection gets its candidate pairs and IDF counts
from the workers). :mod:`xivn.runner.distributed` does the same on a Dask cluster.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from xivn.corpus.parallel import PARALLEL_MIN_DOCUMENTS, Workers, available_cores, concat_parts, partition
from xivn.display.wording import counted
from xivn.errors import ParameterError
from xivn.runner.registry import REPLACEABLE_FILES, STAGES, aggregate, stage
from xivn.runner.store import Store, assemble, store_folder

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from xivn.corpus.corpus import Corpus
    from xivn.corpus.stages import Stage

CHUNKS_PER_JOB = 4
STORED_PART_MIN_DOCUMENTS = 50


def run_on_part(
    corpus: Corpus, names: Iterable[str], aggregates: Iterable[str] = (), files: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Run the named per-document stages, and the ``map`` of the named aggregates, on one
    (sub-)corpus: the unit of work of every backend. ``files`` replaces shipped data files
    (:func:`stage_files`). Returns ``{name: table or partial}``."""
    out: dict[str, Any] = {}
    for name in names:
        entry = stage(name)
        out[name] = entry.function(corpus, **_options(entry, files))
    out.update({name: aggregate(name).map(corpus) for name in aggregates})
    return out


def stage_files(files: Mapping[str, str | os.PathLike[str]] | None) -> dict[str, str]:
    """The data files a run replaces, ``{shipped name: path}``, checked: each name must be one a
    registered stage lets a caller replace (``Stage.options``). A value equal to its name (the
    shipped copy, as a notebook's default parameter gives it) replaces nothing."""
    chosen = {}
    for name, path in (files or {}).items():
        if name not in REPLACEABLE_FILES:
            known = ", ".join(REPLACEABLE_FILES)
            raise ParameterError(f"no stage reads a replaceable data file {name!r} (replaceable: {known})")
        if str(path) not in ("", name):
            chosen[name] = str(path)
    return chosen


def _options(entry: Stage, files: Mapping[str, str] | None) -> dict[str, str]:
    """The keyword arguments that hand ``entry`` the run's replacements of its data files."""
    return {keyword: files[name] for name, keyword in entry.options if files and name in files}


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
    store: str | os.PathLike[str] | bool | None = None,
    files: Mapping[str, str | os.PathLike[str]] | None = None,
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

    ``store`` is the folder of an analysis store (:mod:`xivn.runner.store`): the per-document
    tables of documents analysed before (same text and metadata, same data files, same xivn) are
    read from it, only the others are computed (and stored), and the result equals a run without
    it. None uses the folder named by the ``XIVN_STORE`` environment variable, when set; False
    (or None without ``XIVN_STORE``) uses no store. Corpus-wide stages and aggregates are
    computed from scratch either way.

    ``files`` replaces data files the stages read by a user's own, ``{shipped name: path}`` (e.g.
    ``{"frames.toml": "my_frames.toml"}``; :func:`stage_files` says which names can be replaced):
    each stage that reads one is given it, and its stored rows are kept apart from the shipped
    file's, under that file's digest.
    """
    from concurrent.futures import ProcessPoolExecutor

    jobs = default_jobs(corpus) if jobs is None else max(1, jobs)
    report = _Progress(progress, len(corpus))
    folder, replaced = store_folder(store), stage_files(files)
    kept = Store(folder, report.line, replaced) if folder is not None and len(corpus) else None
    with ExitStack() as stack:  # one pool for the whole run: its workers start before this process grows
        pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs)) if jobs > 1 and len(corpus) > 1 else None
        workers = Workers(pool, jobs) if pool else None
        return _run_stages(corpus, names, aggregates, workers, report, kept, replaced)


@dataclass(frozen=True)
class _Batch:
    """Work of a run: the per-document stages ``names`` and the maps of ``aggregates`` on ``doc_ids``."""

    doc_ids: list[str]
    names: list[str]
    aggregates: list[str]


def _run_stages(
    corpus: Corpus,
    names: Sequence[str] | None,
    aggregates: Sequence[str],
    workers: Workers | None,
    report: _Progress,
    store: Store | None,
    files: dict[str, str],
) -> dict[str, Any]:
    """:func:`run_stages` with its pool (``workers``, or None to run in this process), progress,
    store and replaced data files."""
    chosen = [stage(n) for n in names] if names is not None else list(STAGES)
    per_document = [s.name for s in chosen if s.per_document]
    inputs = [name for s in chosen if not s.per_document for _, name in s.inputs]
    combined = [aggregate(name) for name in dict.fromkeys([*aggregates, *inputs])]
    mapped = [entry.name for entry in combined]
    if store is None:
        stored: dict[str, list[pd.DataFrame]] = {name: [] for name in per_document}
        batches = [_Batch(corpus.doc_ids, per_document, mapped)]
    else:
        stored, batches = _plan(corpus, per_document, mapped, store, report)
    outputs = _run_batches(corpus, batches, workers, report, store, files)
    results: dict[str, Any] = {}
    for name in per_document:
        pieces = stored[name] + [
            out[name] for batch, outs in zip(batches, outputs, strict=True) if name in batch.names for out in outs
        ]
        results[name] = concat_parts(pieces) if store is None else assemble(pieces, corpus.doc_ids)
    partials = next((outs for batch, outs in zip(batches, outputs, strict=True) if batch.aggregates), [])
    for entry in combined:
        report.line(f"combining {entry.name}")
        results[entry.name] = entry.finish(entry.combine([out[entry.name] for out in partials]))
    for entry in chosen:
        if not entry.per_document:
            report.line(f"{entry.name} on the whole corpus" + (", from scratch (not stored yet)" if store else ""))
            options = {k: results[a] for k, a in entry.inputs} | ({"jobs": workers or 1} if entry.takes_jobs else {})
            results[entry.name] = entry.function(corpus, **options)
    report.line("done")
    return {name: results[name] for name in [entry.name for entry in chosen] + list(aggregates)}


def _plan(
    corpus: Corpus, per_document: list[str], mapped: list[str], store: Store, report: _Progress
) -> tuple[dict[str, list[pd.DataFrame]], list[_Batch]]:
    """What a run with a store reads and computes: the stored pieces of each stage, and batches of
    the documents to compute (stages missing the same documents are computed together; aggregate
    maps need every document)."""
    digests = corpus.document_digests
    stored, missing = {}, {}
    for name in per_document:
        stored[name], found = store.read(stage(name), digests)
        missing[name] = [doc_id for doc_id in digests if doc_id not in found]
        report.line(
            f"store: {name}: {len(found):,} of {len(digests):,} documents read, {len(missing[name]):,} to compute"
        )
    groups: dict[tuple[str, ...], list[str]] = {}
    for name in per_document:
        if missing[name]:
            groups.setdefault(tuple(missing[name]), []).append(name)
    batches = [_Batch(list(ids), group, []) for ids, group in groups.items()]
    if mapped:
        report.line(f"store: {', '.join(mapped)} computed from scratch on every document (not stored yet)")
        whole = [i for i, batch in enumerate(batches) if len(batch.doc_ids) == len(corpus)]
        if whole:
            batches[whole[0]] = _Batch(corpus.doc_ids, batches[whole[0]].names, mapped)
        else:
            batches.append(_Batch(corpus.doc_ids, [], mapped))
    return stored, batches


def _run_batches(
    corpus: Corpus,
    batches: list[_Batch],
    workers: Workers | None,
    report: _Progress,
    store: Store | None,
    files: dict[str, str],
) -> list[list[dict[str, Any]]]:
    """Each batch's outputs, one per partition in corpus order; with a store, each partition's
    tables are stored as they come in."""
    from concurrent.futures import as_completed

    report.documents = sum(len(batch.doc_ids) for batch in batches)
    if not batches:
        report.line("nothing to compute: every table is in the store")
        return []
    if workers is None:
        report.line("per-document stages in this process")
        outputs = []
        for batch in batches:
            subset = corpus if len(batch.doc_ids) == len(corpus) else corpus.subset(batch.doc_ids)
            out = run_on_part(subset, batch.names, batch.aggregates, files)
            _keep(store, corpus, subset, batch, out)
            report.partition_done(len(subset))
            outputs.append([out])
        return outputs
    parts = [(batch, corpus.subset(ids)) for batch in batches for ids in _partitions(batch, workers.count, store)]
    report.line(f"{counted(len(parts), 'partition')} on {counted(workers.count, 'worker process', 'worker processes')}")
    submit = workers.executor.submit
    futures = {
        submit(run_on_part, subset, batch.names, batch.aggregates, files): (batch, subset) for batch, subset in parts
    }
    for future in as_completed(futures):
        batch, subset = futures[future]
        _keep(store, corpus, subset, batch, future.result())  # a failed partition stops the run here
        report.partition_done(len(subset))
    return [[future.result() for future, (owner, _) in futures.items() if owner is batch] for batch in batches]


def _partitions(batch: _Batch, workers: int, store: Store | None) -> list[list[str]]:
    """The partitions of a batch: ``CHUNKS_PER_JOB`` per worker; with a store, parts of at least
    ``STORED_PART_MIN_DOCUMENTS`` documents, so that small additions do not scatter into tiny parts."""
    parts = workers * CHUNKS_PER_JOB
    if store is not None:
        parts = min(parts, -(-len(batch.doc_ids) // STORED_PART_MIN_DOCUMENTS))
    return partition(batch.doc_ids, parts)


def _keep(store: Store | None, corpus: Corpus, subset: Corpus, batch: _Batch, out: dict[str, Any]) -> None:
    """Store the per-document tables of one computed partition (``subset`` of ``corpus``)."""
    if store is not None:
        digests = corpus.document_digests
        documents = [(doc_id, digests[doc_id]) for doc_id in subset.doc_ids]
        for name in batch.names:
            store.write(stage(name), out[name], documents)


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
