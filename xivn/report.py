"""Render the report: run every notebook with papermill, in parallel, and write it out as HTML.

For each notebook ``NAME`` the report folder holds ``NAME.ipynb`` (executed), ``NAME.html`` (for
readers: outputs only) and ``NAME.code.html`` (with the code); ``index.html`` links them and shows
the run's provenance stamp, also kept as ``provenance.json``.

Everything is checked before a kernel starts (notebook names, parameter names and types, the corpus
folder). The run writes into a staging folder beside the output folder and swaps it in only when
every notebook ran, so a failure never leaves a half-written report: the staging folder is kept as
``<out>.failed`` and the error names the notebook, the cell and the partial executed notebook.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from xivn.errors import ParameterError, RenderError
from xivn.pages import STAMP_FILE, write_html_pages, write_index
from xivn.parameters import resolve_parameters
from xivn.paths import notebooks_dir
from xivn.provenance import run_stamp

CELL_TIMEOUT_SECONDS = 600
KERNEL_START_ATTEMPTS = 2  # parallel kernels can lose a port race at start-up ("Address already in use")
KERNEL_START_FAILURES = ("Address already in use", "Kernel died before replying to kernel_info")


@dataclass(frozen=True)
class Task:
    """One notebook to run: its source, where the executed copy goes, and the values to inject."""

    source: Path
    executed: Path
    parameters: dict[str, Any]
    timeout: int


@dataclass(frozen=True)
class NotebookRun:
    """What became of one notebook: its name, run time, attempts, and a one-line error if it failed."""

    name: str
    seconds: float
    attempts: int = 1
    error: str | None = field(default=None)


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
) -> list[Path]:
    """Run the report notebooks into ``out_dir`` and return the readers' HTML pages.

    ``parameters`` maps names to values (strings are parsed to each notebook's declared type);
    ``corpus_dir`` is a shorthand for the ``corpus_dir`` parameter. ``jobs`` notebooks run at once
    (default: the number of cores), each cell for at most ``timeout`` seconds. Progress lines go to
    ``progress`` when given. Raises :class:`~xivn.errors.ParameterError` for a bad name, value or
    output folder and :class:`~xivn.errors.RenderError` when a notebook fails.
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
    jobs = (os.cpu_count() or 1) if jobs is None else jobs
    if jobs < 1:
        raise ParameterError(f"jobs must be at least 1, got {jobs}")
    if timeout < 1:
        raise ParameterError(f"the cell timeout must be at least 1 second, got {timeout}")
    notebooks = report_notebooks(only)
    injected = resolve_parameters(notebooks, values)
    stamp = run_stamp(values.get("corpus_dir"), values, notebooks_dir())  # also checks the corpus folder
    if progress:
        corpus = stamp["corpus"]
        print(
            f"xivn render: {len(notebooks)} notebook(s), {min(jobs, len(notebooks))} at a time, "
            f"on {corpus['documents']} documents (corpus sha256 {corpus['sha256'][:12]})",
            file=progress,
            flush=True,
        )

    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        tasks = [Task(nb, staging / nb.name, injected[nb], timeout) for nb in notebooks]
        runs = _run_all(tasks, jobs, progress)
        failed = [run for run in runs if run.error]
        if failed:
            kept = out.parent / f"{out.name}.failed"
            shutil.rmtree(kept, ignore_errors=True)
            staging.rename(kept)
            more = f" ({len(failed) - 1} more notebook(s) failed)" if len(failed) > 1 else ""
            raise RenderError(f"{failed[0].error}; partial executed notebook: {kept / failed[0].name}.ipynb{more}")
        write_index(staging, notebooks, {run.name: run.seconds for run in runs}, stamp)
        _swap_in(staging, out)
        shutil.rmtree(out.parent / f"{out.name}.failed", ignore_errors=True)
        return [out / f"{nb.stem}.html" for nb in notebooks]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_replaceable(out: Path) -> None:
    """Refuse to replace a folder that is not an earlier report (``--out .`` must not wipe a project)."""
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / STAMP_FILE).is_file())):
        raise ParameterError(f"{out} exists and is not an xivn report; give a new or empty output folder")


def _run_all(tasks: list[Task], jobs: int, progress: TextIO | None) -> list[NotebookRun]:
    """Run the tasks, ``jobs`` at a time; after a failure, start nothing new. Results in task order."""
    results: dict[str, NotebookRun] = {}
    with ThreadPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
        futures = {pool.submit(run_notebook, task): task for task in tasks}
        for future in as_completed(futures):
            if future.cancelled():
                continue
            task, run = futures[future], future.result()
            results[task.source.stem] = run
            if progress:
                state = f"FAILED {run.error}" if run.error else f"done ({run.seconds:.1f} s)"
                retried = " after a retry" if run.attempts > 1 else ""
                print(f"[{len(results)}/{len(tasks)}] {task.source.stem}: {state}{retried}", file=progress, flush=True)
            if run.error:
                for other in futures:
                    other.cancel()
    return [results[task.source.stem] for task in tasks if task.source.stem in results]


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


def run_notebook(task: Task) -> NotebookRun:
    """Execute one notebook in a papermill process and write its two HTML pages.

    A kernel that fails to start (parallel kernels can race for a port) is retried once. A failure
    comes back as a one-line ``error`` naming the notebook, the cell and the exception.
    """
    name, started, attempt = task.source.stem, time.perf_counter(), 1
    while True:
        result = subprocess.run(papermill_command(task), capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if result.returncode == 0:
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
    for cell in cells:
        errors = [output for output in cell.get("outputs", []) if output.get("output_type") == "error"]
        if errors or cell.get("metadata", {}).get("papermill", {}).get("status") in ("failed", "running"):
            # a cell stopped by the timeout shows a KeyboardInterrupt; papermill's stderr says why
            interrupted = not errors or errors[0]["ename"] == "KeyboardInterrupt"
            reason = _last_error_line(stderr) if interrupted else f"{errors[0]['ename']}: {errors[0]['evalue']}"
            return f"{name}: cell [{cell.get('execution_count') or '?'}] ({_first_line(cell.source)}) failed: {reason}"
    return f"{name}: failed before its first cell: {_last_error_line(stderr)}"


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
    staging.rename(out)
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
