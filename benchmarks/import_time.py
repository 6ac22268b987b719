"""Measure ``import xivn`` (target: under 0.3 s) and loading the seed corpus, in fresh processes.

Run: ``.venv/bin/python benchmarks/import_time.py`` — prints the median of several runs.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

RUNS = 15
PROBES = {
    "import xivn": "import xivn",
    "import xivn + load_corpus() + sentences": "import xivn; xivn.load_corpus().sentences",
}
TEMPLATE = "import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"


def measure(code: str, runs: int = RUNS) -> float:
    """Median seconds that ``code`` takes in a fresh interpreter."""
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", TEMPLATE.format(code=code)], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times)


def main() -> None:
    for name, code in PROBES.items():
        print(f"{name:45s} median {measure(code) * 1000:8.1f} ms over {RUNS} runs")


if __name__ == "__main__":
    main()
