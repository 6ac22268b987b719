"""Precision and recall per field of every extraction, on the annotated set in ``tests/gold/``.

Run: ``.venv/bin/python benchmarks/accuracy.py`` (all tasks) or ``… accuracy.py trade deals``;
``--misreads`` also lists every row not read right; ``--heldout`` scores the held-out set of
``tests/gold/heldout/`` (full articles no rule was tuned on) instead of the development set;
``--json FILE`` writes the scores. Each task lives in ``benchmarks/tasks/<task>.py`` and offers
``evaluate(folder, gold_folder) -> (scores, misreads)`` (see :mod:`scoring`).
"""

from __future__ import annotations

import argparse
import importlib
import json
import tempfile
from pathlib import Path

import pandas as pd
from scoring import GOLD, HELDOUT, markdown

HERE = Path(__file__).resolve().parent  # run as a script, so this folder is on sys.path
TASKS = tuple(sorted(path.stem for path in (HERE / "tasks").glob("*.py") if not path.stem.startswith("_")))


def evaluate(tasks: list[str], gold_folder: Path = GOLD) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores and misreads of the given tasks on the gold files of ``gold_folder`` (a task without
    a file there is left out), each run on a corpus in a fresh temporary folder."""
    scores, wrong = [], []
    for task in tasks:
        if not (gold_folder / f"{task}.toml").is_file():
            continue
        module = importlib.import_module(f"tasks.{task}")
        with tempfile.TemporaryDirectory() as folder:
            task_scores, task_misreads = module.evaluate(Path(folder), gold_folder)
        scores.append(task_scores)
        wrong.append(task_misreads.assign(task=task))
    return pd.concat(scores, ignore_index=True), pd.concat(wrong, ignore_index=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tasks", nargs="*", default=list(TASKS), metavar="TASK")
    parser.add_argument("--misreads", action="store_true", help="list every row not read right")
    parser.add_argument("--heldout", action="store_true", help="score the held-out set (tests/gold/heldout/)")
    parser.add_argument("--json", type=Path, help="write the scores to this file")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.tasks) - set(TASKS))
    if unknown:
        parser.error(f"unknown task {unknown[0]!r} (known: {', '.join(TASKS)})")
    scores, wrong = evaluate(args.tasks or list(TASKS), HELDOUT if args.heldout else GOLD)
    print(markdown(scores))
    if args.misreads and not wrong.empty:
        print()
        print(markdown(wrong))
    if args.json:
        args.json.write_text(json.dumps(scores.to_dict("records"), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
