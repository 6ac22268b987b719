"""Two revisions of xivn side by side in one run: ``import xivn``, and every stage on a generated corpus.

For a change that must not make xivn slower (a refactor, a new layout): the reference revision is
checked out into a temporary git worktree, and the two run alternately, round after round, in fresh
processes on the same corpus, so that whatever else the machine does affects both alike. Prints the
median of each measure per revision.

Run: ``.venv/bin/python benchmarks/compare_revisions.py 7cbbd6b --size 1000 --rounds 3``
(the second revision defaults to the working tree).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
IMPORT_RUNS = 9

# Runs inside the revision's tree; run_stages moved from xivn.pipeline to xivn.runner with the layout.
STAGES_PROBE = """
import json, resource, sys, time
t, c = time.perf_counter(), time.process_time()
import xivn
try:
    from xivn.runner import run_stages
except ImportError:
    from xivn.pipeline import run_stages
corpus = xivn.load_corpus(sys.argv[1])
run_stages(corpus, jobs=int(sys.argv[2]))
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": time.perf_counter() - t,
                  "cpu_seconds": time.process_time() - c + children.ru_utime + children.ru_stime}))
"""
IMPORT_PROBE = "import time; t = time.perf_counter(); import xivn; print(time.perf_counter() - t)"


def run_in(tree: Path, code: str, *args: str) -> str:
    """stdout of ``code`` run by this interpreter with ``tree`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=env, cwd=tree, capture_output=True, text=True, check=True
    ).stdout


def measure(tree: Path, corpus: Path, jobs: int) -> dict[str, float]:
    imports = [float(run_in(tree, IMPORT_PROBE)) for _ in range(IMPORT_RUNS)]
    stages = json.loads(run_in(tree, STAGES_PROBE, str(corpus), str(jobs)))
    return {"import_s": statistics.median(imports), **stages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", help="the revision to compare with (a commit, tag or branch)")
    parser.add_argument("--size", type=int, default=1000, help="documents of the generated corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    options = parser.parse_args()
    corpus = HERE / "corpora" / str(options.size)
    if not corpus.is_dir():
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(options.size), "--out", str(corpus)])
    with tempfile.TemporaryDirectory() as scratch:
        reference = Path(scratch) / "reference"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(reference), options.reference], cwd=REPO)
        try:
            trees = {options.reference: reference, "working tree": REPO}
            results: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
            for _ in range(options.rounds):
                for name, tree in trees.items():
                    results[name].append(measure(tree, corpus, options.jobs))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(reference)], cwd=REPO)
    print(f"{options.size:,} documents, {options.jobs} processes, median of {options.rounds} rounds")
    print(f"{'revision':<16} {'import xivn':>12} {'all stages':>12} {'CPU':>10}")
    for name, rows in results.items():
        median = {key: statistics.median(row[key] for row in rows) for key in rows[0]}
        print(f"{name:<16} {median['import_s']:>10.3f} s {median['seconds']:>10.1f} s {median['cpu_seconds']:>8.1f} s")


if __name__ == "__main__":
    main()
