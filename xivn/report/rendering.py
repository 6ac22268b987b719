"""Render the report: run every notebook with papermill, in parallel, and write it out as HTML.

For each notebook ``NAME`` the report folder holds ``NAME.ipynb`` (executed), ``NAME.html`` (for
readers: outputs only) and ``NAME.code.html`` (with the code); ``index.html`` links them and shows
the run's provenance stamp, also kept as ``provenance.json``.

Everything is checked before a kernel starts (notebook names, parameter names and types, the corpus
folder). The run writes into a staging folder beside the output folder and swaps it in only when
every notebook ran, so a failure never leaves a half-written report: the staging folder is kept as
``<out>.failed`` and the error names the notebook, the cell and the partial executed notebook.
An interrupted run (Ctrl-C) stops its papermill processes (and so their kernels), removes the
staging folder and raises :class:`KeyboardInterrupt`; the previous report is left as it was.

Two runs on the same corpus with the same parameters write the same bytes, except ``index.html``
and ``provenance.json``, which hold the run's stamp and run times: papermill's timestamps, durations
and staging path are taken out of the executed notebooks, and kernels run with a fixed hash seed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from xivn.corpus.corpus import load_corpus
from xivn.corpus.parallel import available_cores
from xivn.display.wording import counted
from xivn.errors import ParameterError, RenderError
from xivn.event import load_event
from xivn.paths import notebooks_dir
from xivn.report.pages import STAMP_FILE, write_html_pages, write_index
from xivn.report.parameters import CELL_TIMEOUT_SECONDS, names_a_file, resolve_parameters
from xivn.report.prerun import fill_store, notebook_stages, parameter_files, render_store
from xivn.report.provenance import run_stamp
from xivn.report.reuse import copy_pages, data_digest, notebook_key, previous_runs, reusable
from xivn.runner.store import STORE_VARIABLE

KERNEL_START_ATTEMPTS = 2  # parallel kernels can lose a port race at start-up ("Address already in use")
KERNEL_START_FAILURES = ("Address already in use", "Kernel died before replying to kernel_info")
STOP_GRACE_SECONDS = 10  # after Ctrl-C, how long papermill may take to shut its kernel down before it is killed
# papermill's records of when and where a run happened: taken out so two runs write the same notebook
RUN_ONLY_METADATA = ("start_time", "end_time", "duration", "output_path")


@dataclass(frozen=True)
class Task:
    """One notebook to run: its source, where the executed copy goes, and the values to inject."""

    source: Path
    executed: Path
    parameters: dict[str, Any]
    timeout: int
    store: str = ""  # the analysis store the kernel reads (XIVN_STORE); "" for none


@dataclass(frozen=True)
class NotebookRun:
    """What became of one notebook: its name, run time, attempts, and a one-line error if it failed."""

    name: str
    seconds: float
    attempts: int = 1
    error: str | None = field(default=None)


class Processes:
    """The papermill processes of one render, so that an interrupted render can stop every one.

    Each papermill runs in a session of its own: a Ctrl-C reaches only ``xivn``, which then sends
    each papermill one SIGINT (papermill shuts its kernel down and exits), and kills any that is
    still running after :data:`STOP_GRACE_SECONDS`. A kernel whose papermill is killed exits by
    itself within a second (it watches its parent). Once stopped, nothing new starts.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: set[subprocess.Popen[str]] = set()
        self.stopped = False

    def run(self, command: list[str], store: str = "") -> subprocess.CompletedProcess[str]:
        """Run ``command`` to its end (output captured), unless the render was stopped; its
        kernel reads the analysis store ``store`` ("" for none)."""
        with self._lock:
            if self.stopped:
                return subprocess.CompletedProcess(command, -signal.SIGINT, "", "interrupted")
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                # the kernel inherits both: set order repeats, and it reads the render's store
                env={**os.environ, "PYTHONHASHSEED": "0", STORE_VARIABLE: store},
                start_new_session=True,
            )
            self._live.add(process)
        try:
            stdout, stderr = process.communicate()
        finally:
            with self._lock:
                self._live.discard(process)
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)

    def stop(self) -> None:
        """Stop every running process (SIGINT, then SIGKILL after the grace time) and start no more."""
        with self._lock:
            self.stopped = True
            live = list(self._live)
        # a second Ctrl-C while stopping would leave processes running: ignore it until all are gone
        in_main = threading.current_thread() is threading.main_thread()
        handler = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_main else None
        try:
            for process in live:
                process.send_signal(signal.SIGINT)
            deadline = time.monotonic() + STOP_GRACE_SECONDS
            for process in live:
                try:
                    process.wait(max(0.0, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        finally:
            if in_main:
                signal.signal(signal.SIGINT, handler)


def report_notebooks(only: Sequence[str] = ()) -> list[Path]:
    """The notebooks of the report, in file-name order (``only`` filters by stem)."""
    notebooks = sorted(notebooks_dir().glob("*.ipynb"))
    if only:
        known = {nb.stem for nb in notebooks}
        unknown = sorted(set(only) - known)
        if unknown:
            raise ParameterError(f"unknown notebook {unknown[0]!r} (known: {', '.join(sorted(known))})")
        notebooks = [nb for nb in notebooks if nb.stem in only]
    return notebooks


def render(
    out_dir: str | Path,
    *,
    corpus_dir: str | Path | None = None,
    parameters: Mapping[str, Any] | None = None,
    only: Sequence[str] = (),
    jobs: int | None = None,
    timeout: int = CELL_TIMEOUT_SECONDS,
    progress: TextIO | None = None,
    force: bool | Sequence[str] = False,
    store: str | Path | bool | None = None,
) -> list[Path]:
    """Run the report notebooks into ``out_dir`` and return the readers' HTML pages.

    ``parameters`` maps names to values (strings are parsed to each notebook's declared type);
    ``corpus_dir`` is a shorthand for the ``corpus_dir`` parameter. ``jobs`` notebooks run at once
    (default: the number of cores), each cell for at most ``timeout`` seconds. Progress lines go to
    ``progress`` when given. A notebook whose notebook file, parameters, corpus, code and data files
    are unchanged since the report already in ``out_dir`` is not run again: its executed copy and
    pages are reused (:mod:`xivn.report.reuse`); ``force`` (True, or notebook stems) runs them
    anyway. The per-document stages the notebooks to run ask for are run once, before them, into
    the analysis store ``store`` (a folder; None: ``XIVN_STORE`` or the user's cache, see
    :mod:`xivn.report.prerun`; False: none, each notebook computes its own), and the notebooks
    read their tables from it. Raises :class:`~xivn.errors.ParameterError` for a bad name, value
    or output folder and
    :class:`~xivn.errors.RenderError` when a notebook fails; on Ctrl-C, stops every notebook,
    removes its staging folder and lets :class:`KeyboardInterrupt` through.
    """
    out = Path(out_dir).expanduser().resolve()
    _check_replaceable(out)
    values = dict(parameters or {})
    if corpus_dir not in (None, ""):
        if "corpus_dir" in values:
            raise ParameterError("the corpus folder is given twice (as the corpus folder and as -p corpus_dir)")
        values["corpus_dir"] = str(corpus_dir)
    if values.get("corpus_dir"):
        values["corpus_dir"] = str(Path(values["corpus_dir"]).expanduser().resolve())
    values = absolute_file_parameters(values)
    if values.get("event"):
        load_event(values["event"])  # a bad profile is reported before any notebook runs
    jobs = available_cores() if jobs is None else jobs
    if jobs < 1:
        raise ParameterError(f"jobs must be at least 1, got {jobs}")
    if timeout < 1:
        raise ParameterError(f"the cell timeout must be at least 1 second, got {timeout}")
    notebooks = report_notebooks(only)
    forced = _forced(force, notebooks)
    injected = resolve_parameters(notebooks, values)
    corpus = load_corpus(values.get("corpus_dir"))  # loaded once, here: a bad corpus stops the render before it starts
    stamp = run_stamp(corpus, values, notebooks_dir())
    data = data_digest(values)
    keys = {nb.stem: notebook_key(nb, injected[nb], stamp["corpus"]["sha256"], data) for nb in notebooks}
    previous = previous_runs(out, STAMP_FILE)
    reused = {nb.stem for nb in notebooks if nb.stem not in forced and reusable(out, nb.stem, keys[nb.stem], previous)}
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    except OSError as exc:
        raise ParameterError(f"cannot write the output folder {out} ({exc.strerror})") from None
    try:
        if progress:
            stamped = stamp["corpus"]
            running = len(notebooks) - len(reused)
            print(
                f"xivn render: {counted(len(notebooks), 'notebook')} ({running:,} to run, "
                f"{min(jobs, max(running, 1)):,} at a time; {len(reused):,} unchanged, reused), "
                f"on {counted(stamped['documents'], 'document')} (corpus sha256 {stamped['sha256'][:12]})",
                file=progress,
                flush=True,
            )
        for n, stem in enumerate(sorted(reused), start=1):
            copy_pages(out, staging, stem)
            if progress:
                print(
                    f"[{n}/{len(notebooks)}] {stem}: reused (unchanged since the last report)",
                    file=progress,
                    flush=True,
                )
        to_run = [nb for nb in notebooks if nb.stem not in reused]
        folder = render_store(store) if to_run else None
        stages = list(dict.fromkeys(name for nb in to_run for name in notebook_stages(nb))) if folder else []
        if stages:
            stamp["store"] = fill_store(corpus, stages, parameter_files(to_run, injected), folder, progress=progress)
        kept = str(folder) if folder else ""
        tasks = [Task(nb, staging / nb.name, injected[nb], timeout, kept) for nb in to_run]
        runs = _run_all(tasks, jobs, progress, done=len(reused), total=len(notebooks)) if tasks else []
        failed = [run for run in runs if run.error]
        if failed:
            kept = out.parent / f"{out.name}.failed"
            shutil.rmtree(kept, ignore_errors=True)
            staging.rename(kept)
            more = f" ({counted(len(failed) - 1, 'more notebook')} failed)" if len(failed) > 1 else ""
            raise RenderError(f"{failed[0].error}; partial executed notebook: {kept / failed[0].name}.ipynb{more}")
        seconds = {stem: float(previous[stem].get("seconds", 0.0)) for stem in reused}
        seconds |= {run.name: run.seconds for run in runs}
        stamp["notebooks"] = {
            nb.stem: {"key": keys[nb.stem], "seconds": round(seconds[nb.stem], 1), "reused": nb.stem in reused}
            for nb in notebooks
        }
        write_index(staging, notebooks, seconds, stamp)
        _swap_in(staging, out)
        shutil.rmtree(out.parent / f"{out.name}.failed", ignore_errors=True)
        return [out / f"{nb.stem}.html" for nb in notebooks]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_replaceable(out: Path) -> None:
    """Refuse to replace a folder that is not an earlier report (``--out .`` must not wipe a project)."""
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / STAMP_FILE).is_file())):
        raise ParameterError(f"{out} exists and is not an xivn report; give a new or empty output folder")


def _forced(force: bool | Sequence[str], notebooks: Sequence[Path]) -> set[str]:
    """The stems of the notebooks to run even when unchanged: all for True, else those named."""
    stems = {nb.stem for nb in notebooks}
    if force is True:
        return stems
    if force is False:
        return set()
    unknown = sorted(set(force) - stems)
    if unknown:
        raise ParameterError(f"--force names unknown notebook {unknown[0]!r} (known: {', '.join(sorted(stems))})")
    return set(force)


def _run_all(
    tasks: list[Task], jobs: int, progress: TextIO | None, *, done: int = 0, total: int | None = None
) -> list[NotebookRun]:
    """Run the tasks, ``jobs`` at a time; after a failure, start nothing new. Results in task order.

    On an interrupt (or any other exception here) every running papermill is stopped first, so the
    caller can clean up knowing that nothing writes into the staging folder any more.
    """
    results: dict[str, NotebookRun] = {}
    processes = Processes()
    with ThreadPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
        futures = {pool.submit(run_notebook, task, processes): task for task in tasks}
        try:
            for future in as_completed(futures):
                if future.cancelled():
                    continue
                task, run = futures[future], future.result()
                results[task.source.stem] = run
                if progress:
                    state = f"FAILED {run.error}" if run.error else f"done ({run.seconds:.1f} s)"
                    retried = " after a retry" if run.attempts > 1 else ""
                    line = f"[{done + len(results)}/{total or len(tasks)}] {task.source.stem}: {state}{retried}"
                    print(line, file=progress, flush=True)
                if run.error:
                    for other in futures:
                        other.cancel()
        except BaseException:
            for other in futures:
                other.cancel()
            processes.stop()
            raise
    return [results[task.source.stem] for task in tasks if task.source.stem in results]


def absolute_file_parameters(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with every data-file path (``event`` and ``*_file`` parameters) made absolute.

    The notebooks run in their own folder, so a path the user gave relative to theirs would point
    elsewhere; a bare file name (no folder) still means the copy shipped with xivn."""
    fixed = dict(values)
    for name, value in values.items():
        if names_a_file(name) and isinstance(value, str) and ("/" in value or os.sep in value or value.startswith("~")):
            fixed[name] = str(Path(value).expanduser().resolve())
    return fixed


def papermill_command(task: Task) -> list[str]:
    """The command that executes one notebook: papermill in a process of its own."""
    return [
        sys.executable,
        "-m",
        "papermill",
        str(task.source),
        str(task.executed),
        "--parameters_yaml",
        json.dumps(task.parameters),  # JSON is YAML: values keep their types
        "--cwd",
        str(task.source.parent),
        "--execution-timeout",
        str(task.timeout),
        "--no-progress-bar",
        # parameters were checked against each notebook already; papermill's own inspection cannot
        # read a help comment holding "=" and would warn about such parameters
        "--log-level",
        "ERROR",
    ]


def run_notebook(task: Task, processes: Processes | None = None) -> NotebookRun:
    """Execute one notebook in a papermill process and write its two HTML pages.

    A kernel that fails to start (parallel kernels can race for a port) is retried once. A failure
    comes back as a one-line ``error`` naming the notebook, the cell and the exception. The
    process is run through ``processes`` (a new :class:`Processes` when not given).
    """
    processes = processes or Processes()
    name, started, attempt = task.source.stem, time.perf_counter(), 1
    while True:
        result = processes.run(papermill_command(task), task.store)
        if result.returncode == 0:
            strip_run_metadata(task.executed)
            write_html_pages(task.executed)
            return NotebookRun(name, time.perf_counter() - started, attempt)
        if attempt == KERNEL_START_ATTEMPTS or not any(sign in result.stderr for sign in KERNEL_START_FAILURES):
            return NotebookRun(
                name, time.perf_counter() - started, attempt, _failure(name, task.executed, result.stderr)
            )
        attempt += 1


def _failure(name: str, executed: Path, stderr: str) -> str:
    """One line: which cell of the partial notebook failed, and with what."""
    import nbformat

    cells = nbformat.read(executed, as_version=4).cells if executed.is_file() else []
    count = 0  # the execution count the kernel gave the last cell it ran
    started = None  # the last cell papermill started: when the kernel died, the cell that killed it
    for cell in cells:
        count = cell.get("execution_count") or count
        run = cell.get("metadata", {}).get("papermill", {})
        errors = [output for output in cell.get("outputs", []) if output.get("output_type") == "error"]
        if errors or run.get("status") in ("failed", "running"):
            # a cell stopped by the timeout shows a KeyboardInterrupt; papermill's stderr says why
            interrupted = not errors or errors[0]["ename"] == "KeyboardInterrupt"
            reason = _last_error_line(stderr) if interrupted else f"{errors[0]['ename']}: {errors[0]['evalue']}"
            return f"{name}: cell [{cell.get('execution_count') or '?'}] ({_first_line(cell.source)}) failed: {reason}"
        if cell.cell_type == "code" and run.get("start_time"):
            started = (cell, count if cell.get("execution_count") else count + 1)
    if started and "DeadKernelError" in stderr:
        # papermill marks the cell whose kernel died as completed, without a count or an error
        cell, number = started
        return f"{name}: cell [{number}] ({_first_line(cell.source)}) failed: {_last_error_line(stderr)}"
    return f"{name}: failed before its first cell: {_last_error_line(stderr)}"


def strip_run_metadata(executed: Path) -> None:
    """Take papermill's and nbclient's timestamps, durations and output path out of an executed
    notebook (notebook and cell metadata), so that two runs of the same notebook give the same file."""
    import nbformat

    notebook = nbformat.read(executed, as_version=4)
    for metadata in (notebook.metadata, *(cell.metadata for cell in notebook.cells)):
        metadata.pop("execution", None)  # nbclient's iopub/shell timestamps
        for key in RUN_ONLY_METADATA:
            metadata.get("papermill", {}).pop(key, None)
    nbformat.write(notebook, executed)


def _last_error_line(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line or "Exception" in line]
    return (errors or lines or ["no message"])[-1][:300]


def _first_line(text: str) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[0][:120] if lines else ""


def _swap_in(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging``: two renames, so ``out`` is never half-written."""
    old = None
    if out.exists():
        old = out.parent / f".{out.name}-old-{os.getpid()}"
        shutil.rmtree(old, ignore_errors=True)
        out.rename(old)
    try:
        staging.rename(out)
    except BaseException:  # an interrupt between the renames must not leave the old report hidden
        if old is not None:
            old.rename(out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def execute_in_place(notebook: str | Path) -> None:
    """Execute a notebook top to bottom and save it with its outputs, as committed for nbval.

    Cell timing is not recorded, so the saved file holds no timestamps.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(notebook)
    node = nbformat.read(path, as_version=4)
    NotebookClient(
        node, timeout=CELL_TIMEOUT_SECONDS, record_timing=False, resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    nbformat.write(node, path)
