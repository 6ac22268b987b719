"""Report render time on the seeds against its floor, measured in the same run.

The floor is papermill executing an *empty* notebook as many times as the report has notebooks,
with the same parallelism: the cost of starting kernels and running papermill, which no change
to xivn can remove. The target is a render at most 1.5x the floor. When ``xivn.report.render``
accepts ``jobs`` (a parallel render), both run with ``--jobs``; otherwise both run one notebook
at a time. Rounds alternate render and floor; medians are printed.

Run: ``.venv/bin/python benchmarks/render_time.py [--rounds 3] [--jobs 2]``
"""

from __future__ import annotations

import argparse
import inspect
import os
import statistics
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


def render_seconds(jobs: int, folder: Path) -> float:
    """Seconds for ``xivn.report.render`` on the seeds (with ``jobs`` when it accepts it)."""
    from xivn.report import render

    options = {"jobs": jobs} if "jobs" in inspect.signature(render).parameters else {}
    start = time.perf_counter()
    render(folder / "report", **options)
    return time.perf_counter() - start


def main() -> None:
    from xivn.report import render, report_notebooks

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    args = parser.parse_args()
    parallel = "jobs" in inspect.signature(render).parameters
    jobs = args.jobs if parallel else 1
    count = len(report_notebooks())
    renders, floors = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(args.rounds):
            renders.append(render_seconds(jobs, Path(tmp) / f"render-{number}"))
            (Path(tmp) / f"floor-{number}").mkdir()
            floors.append(floor(count, jobs, Path(tmp) / f"floor-{number}"))
    render_median, floor_median = statistics.median(renders), statistics.median(floors)
    print(f"notebooks: {count}; parallel render: {'yes' if parallel else 'no'}; jobs: {jobs}; rounds: {args.rounds}")
    print(f"render (median):        {render_median:6.2f} s   runs: {', '.join(f'{t:.2f}' for t in renders)}")
    print(f"floor  (median):        {floor_median:6.2f} s   runs: {', '.join(f'{t:.2f}' for t in floors)}")
    print(f"kernel start + papermill per empty notebook: {floor_median / count * jobs:.2f} s")
    print(f"ratio render / floor:   {render_median / floor_median:6.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
