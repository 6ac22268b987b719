"""Throughput per stage and peak memory on generated corpora of several sizes.

Run: ``.venv/bin/python benchmarks/run.py --sizes 100 1000 10000`` (generates the corpora into
``benchmarks/corpora/`` on first use). For each size, two fresh processes:

* *per stage, one core*: load + structure, sentences, then every available stage of
  :data:`xivn.runner.STAGES` and every aggregate, each timed on its own in one process (later
  stages reuse the cached sentences, as they do in a notebook);
* *all stages, N cores*: a fresh corpus through :func:`xivn.runner.run_stages` (every stage
  and every aggregate in one pass over the partitions) with ``--jobs`` worker processes.

Peak memory is ``ru_maxrss`` of the measuring process and of its largest worker. Besides wall
time, CPU time (user + system, of the process and its workers) is recorded: on a shared machine
wall time grows with the other jobs' load, CPU time much less. Stages not importable yet are
listed as "not available". Prints Markdown tables (and writes JSON with ``--json``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE / "corpora"


def corpus_folder(size: int, root: Path) -> Path:
    """The generated corpus of ``size`` documents, generated if missing."""
    folder = root / str(size)
    if len(list(folder.glob("gen_*"))) != size:
        sys.path.insert(0, str(HERE))
        from generate_corpus import generate

        generate(size, folder)
    return folder


def peak_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(child, 1)


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure_stages(folder: Path) -> dict:
    """Each stage timed in this process, one after another: ``(name, wall s, CPU s)``."""
    import xivn
    from xivn import corpus as _corpus_module  # noqa: F401  (pandas imported before the clock starts)
    from xivn import runner

    timings = []
    start, cpu = time.perf_counter(), cpu_seconds()
    corpus = xivn.load_corpus(folder)
    runner.STAGES[0].function(corpus)  # paragraphs: loading and structuring
    timings.append(("load + structure", time.perf_counter() - start, cpu_seconds() - cpu))
    for entry in runner.STAGES:
        if entry.name == "paragraphs":
            continue
        start, cpu = time.perf_counter(), cpu_seconds()
        entry.function(corpus)
        timings.append((entry.name, time.perf_counter() - start, cpu_seconds() - cpu))
    for aggregate in runner.AGGREGATES:
        start, cpu = time.perf_counter(), cpu_seconds()
        runner.run_aggregate(corpus, aggregate.name)
        timings.append((aggregate.name + " (aggregate)", time.perf_counter() - start, cpu_seconds() - cpu))
    return {"timings": timings, "peak_mb": peak_mb()}


def measure_all(folder: Path, jobs: int) -> dict:
    """Every registered stage and aggregate on ``jobs`` worker processes, from loading on."""
    import xivn
    from xivn import runner

    start, cpu = time.perf_counter(), cpu_seconds()
    corpus = xivn.load_corpus(folder)
    aggregates = [a.name for a in runner.AGGREGATES]
    runner.run_stages(corpus, aggregates=aggregates, jobs=jobs, progress=sys.stderr)
    return {"seconds": time.perf_counter() - start, "cpu_seconds": cpu_seconds() - cpu, "peak_mb": peak_mb()}


def in_subprocess(mode: str, folder: Path, jobs: int) -> dict:
    command = [sys.executable, __file__, "--measure", mode, str(folder), "--jobs", str(jobs)]
    # stdout carries the JSON; stderr (progress of the long runs) goes to the terminal
    return json.loads(subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True).stdout)


def corpus_size(folder: Path) -> tuple[int, float]:
    files = [p for p in folder.iterdir() if p.suffix in (".txt", ".md")]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


def report(sizes: list[int], jobs: int, root: Path) -> dict:
    results = {}
    for size in sizes:
        folder = corpus_folder(size, root)
        n_docs, megabytes = corpus_size(folder)
        results[size] = {
            "documents": n_docs,
            "megabytes": megabytes,
            "stages": in_subprocess("stages", folder, jobs),
            "all": in_subprocess("all", folder, jobs),
        }
    print_tables(results, jobs)
    return results


def print_tables(results: dict, jobs: int) -> None:
    sizes = list(results)
    heading = "s / docs/s / MB/s / ms per doc (CPU ms per doc)"
    print("| stage (one core) | " + " | ".join(f"{s:,} docs: {heading}" for s in sizes) + " |")
    print("| --- |" + " --- |" * len(sizes))
    names = [timing[0] for timing in results[sizes[0]]["stages"]["timings"]]
    for index, name in enumerate(names):
        cells = []
        for size in sizes:
            _, seconds, cpu = results[size]["stages"]["timings"][index]
            n, mb = results[size]["documents"], results[size]["megabytes"]
            cells.append(
                "not available"
                if seconds is None
                else f"{seconds:.2f} / {n / seconds:,.0f} / {mb / seconds:.1f} / {seconds / n * 1000:.2f} "
                f"({cpu / n * 1000:.2f})"
            )
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()
    print(
        f"| size | MB | all stages, {jobs} processes (s) | ms per doc | CPU s (all processes) "
        "| peak MB (main / largest worker) |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for size in sizes:
        run = results[size]["all"]
        n = results[size]["documents"]
        main, worker = run["peak_mb"]
        print(
            f"| {n:,} | {results[size]['megabytes']:.1f} | {run['seconds']:.1f} | "
            f"{run['seconds'] / n * 1000:.2f} | {run['cpu_seconds']:.1f} | {main:,.0f} / {worker:,.0f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="where generated corpora are kept")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--measure", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        mode, folder = args.measure
        result = measure_stages(Path(folder)) if mode == "stages" else measure_all(Path(folder), args.jobs)
        print(json.dumps(result))
        return
    results = report(args.sizes, args.jobs, args.corpora)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
