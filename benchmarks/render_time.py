"""Report render time on the seeds against its floor, measured in the same run.

The floor is papermill executing an *empty* notebook as many times as the report has notebooks,
with the same parallelism (``--jobs``): the cost of starting kernels and running papermill, which
no change to xivn's analyses can remove. It is measured two ways: papermill's Python API in this
process (the lowest possible) and papermill's command line, a process per notebook, which is how
``xivn render`` runs each notebook (so that a stuck or interrupted notebook can be stopped
without taking the caller down). The target is a render at most 1.5x the floor. Each round also
re-renders into the same folder with nothing changed, so every notebook is reused
(:mod:`xivn.report.reuse`): its target is at most 1.2x the floor. Rounds alternate renders and
floors; medians are printed.

Run: ``.venv/bin/python benchmarks/render_time.py [--rounds 3] [--jobs 2]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


def empty_notebook(folder: Path) -> Path:
    """A notebook with one empty code cell, written into ``folder``."""
    import nbformat

    path = folder / "empty.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)
    return path


def floor(count: int, jobs: int, folder: Path) -> float:
    """Seconds for papermill to execute the empty notebook ``count`` times, ``jobs`` at a time."""
    import papermill

    source = empty_notebook(folder)

    def run(index: int) -> None:
        papermill.execute_notebook(str(source), str(folder / f"out-{index}.ipynb"), progress_bar=False)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(run, range(count)))
    return time.perf_counter() - start


def floor_command_line(count: int, jobs: int, folder: Path) -> float:
    """Seconds for papermill's command line (one process each, as ``xivn render`` runs a
    notebook) to execute the empty notebook ``count`` times, ``jobs`` at a time."""
    source = empty_notebook(folder)

    def run(index: int) -> None:
        command = [sys.executable, "-m", "papermill", str(source), str(folder / f"cli-{index}.ipynb")]
        subprocess.run([*command, "--no-progress-bar", "--log-level", "ERROR"], check=True, capture_output=True)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(run, range(count)))
    return time.perf_counter() - start


def render_seconds(jobs: int, folder: Path) -> float:
    """Seconds for ``xivn.report.rendering.render`` on the seeds, ``jobs`` notebooks at a time."""
    from xivn.report.rendering import render

    start = time.perf_counter()
    render(folder / "report", jobs=jobs)
    return time.perf_counter() - start


def main() -> None:
    from xivn.report.rendering import report_notebooks

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    count = len(report_notebooks())
    renders, rerenders, floors, command_lines = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(args.rounds):
            renders.append(render_seconds(args.jobs, Path(tmp) / f"render-{number}"))
            rerenders.append(render_seconds(args.jobs, Path(tmp) / f"render-{number}"))  # all reused
            for name, measure, times in (("api", floor, floors), ("cli", floor_command_line, command_lines)):
                folder = Path(tmp) / f"floor-{name}-{number}"
                folder.mkdir()
                times.append(measure(count, args.jobs, folder))
    series = (renders, floors, command_lines, rerenders)
    medians = [statistics.median(times) for times in series]
    print(f"notebooks: {count}; jobs: {args.jobs}; rounds: {args.rounds}")
    labels = ("render", "floor, papermill API", "floor, papermill command line", "re-render, nothing changed")
    for label, median, times in zip(labels, medians, series, strict=True):
        print(f"{label + ' (median):':40s} {median:6.2f} s   runs: {', '.join(f'{t:.2f}' for t in times)}")
    print(f"ratio render / floor (API):          {medians[0] / medians[1]:6.2f}  (target <= 1.5)")
    print(f"ratio render / floor (command line): {medians[0] / medians[2]:6.2f}  (target <= 1.5)")
    print(f"ratio re-render / floor (API):       {medians[3] / medians[1]:6.2f}  (target <= 1.2)")


if __name__ == "__main__":
    main()
