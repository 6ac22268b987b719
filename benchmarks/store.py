"""The analysis store: every stage on N generated documents with and without a store, side by side.

Run: ``.venv/bin/python benchmarks/store.py`` (2,000 documents; ``--documents 10000`` for the
large run). Each run is a fresh process that loads the corpus and calls
:func:`xivn.runner.run_stages` on every registered stage with ``--jobs`` worker processes:

1. without a store (the full run every ratio is taken against);
2. with an empty store (the first run fills it);
3. again, nothing changed;
4. on the same documents plus 1 % more (generated documents depend only on their index, so the
   first N of N + N/100 are the same documents);
5. after touching one data file: the digest of ``frames.toml`` changed (in the measuring process;
   the shipped file is not edited): only ``frame_evidence`` reads it.

Corpus-wide steps (rewrite candidates, document frequencies, rewrite scoring) are not stored yet
and are computed in every run. Issue 17's re-run targets are stated for the report (≤ 1.2 × the
empty-notebook render floor with nothing changed, ≤ 10 % of a full render with 1 % more
documents); this script gives the ratios of the stage runs to the full run. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import CORPORA, corpus_folder, cpu_seconds  # noqa: E402

TOUCHED = "frames.toml"


def measure(folder: Path, store: str, jobs: int, touch: bool) -> dict:
    """One run of every stage: seconds, CPU seconds, and per stage the documents computed."""
    import xivn
    from xivn.runner import store as stored

    if touch:  # the digest the store sees changes; the shipped file itself is left alone
        digest = stored.file_digest
        stored.file_digest = lambda name: "touched" if name == TOUCHED else digest(name)
    start, cpu = time.perf_counter(), cpu_seconds()
    stream = io.StringIO()
    xivn.run_stages(xivn.load_corpus(folder), jobs=jobs, store=store or False, progress=stream)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    computed = dict(
        re.findall(r"store: (\w+): [\d,]+ of [\d,]+ documents read, ([\d,]+) to compute", stream.getvalue())
    )
    return {"seconds": seconds, "cpu_seconds": cpu, "computed": computed}


def in_subprocess(folder: Path, store: Path | None, jobs: int, touch: bool = False) -> dict:
    command = [sys.executable, __file__, "--measure", str(folder), str(store or ""), "--jobs", str(jobs)]
    command += ["--touch"] if touch else []
    return json.loads(subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True).stdout)


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    cores = f"{os.cpu_count()} cores ({len(os.sched_getaffinity(0))} usable)"
    return f"{model}, {cores}, Python {platform.python_version()}, load average {load}"


def computed_text(computed: dict[str, str]) -> str:
    """Which per-document stages computed how many documents ("8 stages × 2,000", "frame_evidence 2,000")."""
    if not computed:
        return "no store"
    busy = {name: count for name, count in computed.items() if count != "0"}
    counts = set(busy.values())
    if not busy:
        return "none"
    if len(busy) == len(computed) and len(counts) == 1:
        return f"all {len(busy)} × {counts.pop()}"
    return ", ".join(f"{name} {count}" for name, count in busy.items())


def report(documents: int, jobs: int, root: Path, store: Path) -> None:
    folder, grown = corpus_folder(documents, root), corpus_folder(documents + documents // 100, root)
    shutil.rmtree(store, ignore_errors=True)
    runs = [
        ("all stages, no store", in_subprocess(folder, None, jobs)),
        ("first run, empty store", in_subprocess(folder, store, jobs)),
        ("re-run, nothing changed", in_subprocess(folder, store, jobs)),
        (f"re-run, 1 % more documents ({documents // 100:,} added)", in_subprocess(grown, store, jobs)),
        (f"re-run after touching {TOUCHED}", in_subprocess(grown, store, jobs, touch=True)),
    ]
    size = sum(path.stat().st_size for path in store.rglob("*") if path.is_file()) / 1e6
    full, full_cpu = runs[0][1]["seconds"], runs[0][1]["cpu_seconds"]
    print(f"Machine: {machine()}. {documents:,} generated documents, {jobs} worker processes; store {size:.1f} MB.")
    print()
    print("| run | s | CPU s | documents computed (per-document stages) | ratio to the full run (s / CPU s) |")
    print("| --- | --- | --- | --- | --- |")
    for name, result in runs:
        print(
            f"| {name} | {result['seconds']:.1f} | {result['cpu_seconds']:.1f} | "
            f"{computed_text(result['computed'])} | {result['seconds'] / full:.2f} / "
            f"{result['cpu_seconds'] / full_cpu:.2f} |"
        )
    print()
    print(
        "Issue 17 targets (for the report; a stage run is a part of it): re-render with nothing changed "
        "≤ 1.2 × the render floor; with 1 % more documents ≤ 10 % of a full render."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="where generated corpora are kept")
    parser.add_argument("--store", type=Path, help="the store folder to use (default: a temporary one, removed)")
    parser.add_argument("--measure", nargs=2, metavar=("FOLDER", "STORE"), help=argparse.SUPPRESS)
    parser.add_argument("--touch", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        folder, store = args.measure
        print(json.dumps(measure(Path(folder), store, args.jobs, args.touch)))
        return
    with tempfile.TemporaryDirectory(prefix="xivn-store-") as scratch:
        report(args.documents, args.jobs, args.corpora, args.store or Path(scratch) / "store")


if __name__ == "__main__":
    main()
