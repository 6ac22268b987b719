"""Digests of every stage table, on the seeds and on a generated corpus: a refactor must leave them unchanged.

Run before and after a change that should not alter behaviour, and compare the two outputs::

    .venv/bin/python benchmarks/table_digests.py --size 1000 > before.txt
    ... change ...
    .venv/bin/python benchmarks/table_digests.py --size 1000 > after.txt && diff before.txt after.txt

A digest covers a table's columns, dtypes, values (as CSV) and ``attrs``; one line per table and corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import xivn
from xivn.runner import run_stages

HERE = Path(__file__).resolve().parent
CORPORA = HERE / "corpora"


def table_digest(table) -> str:
    """SHA-256 (first 16 hex digits) of a table's columns, dtypes, values and attrs."""
    digest = hashlib.sha256()
    digest.update(json.dumps([list(map(str, table.columns)), list(map(str, table.dtypes))]).encode())
    digest.update(table.to_csv(index=False).encode())
    digest.update(json.dumps(table.attrs, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]


def generated(size: int) -> Path:
    """The generated corpus of ``size`` documents (made once, kept in benchmarks/corpora)."""
    folder = CORPORA / str(size)
    if not folder.is_dir():
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(size), "--out", str(folder)], check=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="documents of the generated corpus (0: seeds only)")
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    corpora = {"seeds": None} | ({f"generated-{options.size}": generated(options.size)} if options.size else {})
    for name, folder in corpora.items():
        corpus = xivn.load_corpus(folder) if folder else xivn.load_corpus()
        tables = run_stages(corpus, jobs=options.jobs)
        for stage, table in tables.items():
            print(f"{name}\t{stage}\t{len(table)} rows\t{table_digest(table)}", flush=True)


if __name__ == "__main__":
    main()
