"""Scoring extracted rows against the hand-annotated development set in ``tests/gold/``.

Each gold file (``tests/gold/<task>.toml``) holds short documents written for the set, each with
the rows a careful reader takes from it (see ``tests/gold/README.md``). A task module in
``benchmarks/tasks/`` turns the documents into a corpus, runs the xivn function under test, and
hands both row sets to :func:`field_scores`, which matches found rows to gold rows on a key and
counts, per field, how many found values are right (precision) and how many gold values were found
right (recall). The pseudo-field ``all`` counts rows with every field right.
"""

from __future__ import annotations

import csv
import math
import tomllib
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

import xivn

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "gold"
HELDOUT = GOLD / "heldout"
SCORE_COLUMNS = ("task", "field", "gold", "found", "correct", "precision", "recall", "f1")
COUNT_COLUMNS = ("gold", "found", "correct")
METADATA = ("title", "date", "outlet")


def load_gold(task: str, folder: Path = GOLD) -> list[dict]:
    """The ``[[document]]`` tables of ``<folder>/<task>.toml`` (by default the development set in
    ``tests/gold/``; ``tests/gold/heldout/`` is the held-out set), each with its ``expect`` rows."""
    with open(folder / f"{task}.toml", "rb") as handle:
        documents = tomllib.load(handle)["document"]
    for document in documents:
        document.setdefault("expect", [])
    return documents


def corpus_of(documents: Iterable[dict], folder: Path) -> xivn.Corpus:
    """A corpus of the gold ``documents`` (one ``<id>.txt`` each, with their title, date, outlet)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for document in documents:
        name = f"{document['id']}.txt"
        (folder / name).write_text(document["text"], encoding="utf-8", newline="")
        rows.append({"file": name, **{key: str(document.get(key, "")) for key in METADATA}})
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", *METADATA])
        writer.writeheader()
        writer.writerows(rows)
    return xivn.load_corpus(folder)


def gold_rows(documents: Iterable[dict], fields: Iterable[str]) -> pd.DataFrame:
    """The expected rows of the gold ``documents`` as a table (``doc_id`` = the document's id)."""
    columns = ["doc_id", *fields]
    rows = [{"doc_id": d["id"], **{f: row.get(f, "") for f in fields}} for d in documents for row in d["expect"]]
    return pd.DataFrame(rows, columns=columns)


def normalised(value: object) -> str:
    """A value as compared: missing values are "", numbers lose trailing zeros, text is stripped."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"{float(value):.6g}"
    return str(value).strip()


def _keyed(table: pd.DataFrame, key: list[str], fields: list[str]) -> dict[tuple, list[dict]]:
    found: dict[tuple, list[dict]] = {}
    for row in table.to_dict("records"):
        values = {f: normalised(row.get(f)) for f in [*key, *fields]}
        found.setdefault(tuple(values[k] for k in key), []).append(values)
    return found


def matched_pairs(gold: pd.DataFrame, found: pd.DataFrame, key: list[str], fields: list[str]):
    """``(gold row or None, found row or None)`` pairs: rows with the same key are paired in order
    (the found row with most fields right first); the rest stand alone."""
    gold_by, found_by = _keyed(gold, key, fields), _keyed(found, key, fields)
    for k in sorted(set(gold_by) | set(found_by)):
        candidates = list(found_by.get(k, []))
        for g in gold_by.get(k, []):
            if not candidates:
                yield g, None
                continue
            best = max(candidates, key=lambda f, g=g: sum(f[x] == g[x] for x in fields))
            candidates.remove(best)
            yield g, best
        for f in candidates:
            yield None, f


def field_scores(task: str, gold: pd.DataFrame, found: pd.DataFrame, key: list[str], fields: list[str]) -> pd.DataFrame:
    """Precision, recall and F1 per field (and for ``all`` fields at once) of ``found`` against ``gold``."""
    pairs = list(matched_pairs(gold, found, key, fields))
    n_gold = sum(g is not None for g, _ in pairs)
    n_found = sum(f is not None for _, f in pairs)
    rows = []
    for name in [*fields, "all"]:
        names = fields if name == "all" else [name]
        correct = sum(g is not None and f is not None and all(g[x] == f[x] for x in names) for g, f in pairs)
        precision = correct / n_found if n_found else math.nan
        recall = correct / n_gold if n_gold else math.nan
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append((task, name, n_gold, n_found, correct, precision, recall, f1))
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def misreads(gold: pd.DataFrame, found: pd.DataFrame, key: list[str], fields: list[str]) -> pd.DataFrame:
    """Every gold row not found with all fields right, and every found row with no gold row:
    ``key`` columns, then ``field``, ``expected``, ``found`` (one row per wrong field)."""
    rows = []
    for g, f in matched_pairs(gold, found, key, fields):
        ref = g or f
        ids = {k: ref[k] for k in key}
        if g is None:
            rows.append({**ids, "field": "(row)", "expected": "", "found": "extra row"})
        elif f is None:
            rows.append({**ids, "field": "(row)", "expected": "row", "found": "missed"})
        else:
            rows += [{**ids, "field": x, "expected": g[x], "found": f[x]} for x in fields if g[x] != f[x]]
    return pd.DataFrame(rows, columns=[*key, "field", "expected", "found"])


def markdown(table: pd.DataFrame) -> str:
    """``table`` as a Markdown table: counts as integers, fractions with two decimals."""

    def cell(value: object, column: str) -> str:
        if isinstance(value, float) and math.isnan(value):
            return "–"
        if isinstance(value, float):
            return f"{value:.0f}" if column in COUNT_COLUMNS else f"{value:.2f}"
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(map(str, table.columns)) + " |", "|" + " --- |" * len(table.columns)]
    lines += [
        "| " + " | ".join(cell(v, c) for v, c in zip(row, table.columns, strict=True)) + " |"
        for row in table.itertuples(index=False)
    ]
    return "\n".join(lines)
