"""Sentence segmentation: xivn's segmenter against plain sentencex, on the English Golden Rules
and the news cases of ``tests/gold/sentences.toml`` (cases with every sentence right) and in speed
(MB/s of UTF-8 text, on the article paragraphs of the seeds, best of several rounds).

Run: ``.venv/bin/python benchmarks/segmentation.py``. ``--pysbd PYTHON`` also scores and times
pySBD, run by another interpreter that has it installed (pySBD is no dependency of xivn), e.g. a
throwaway venv: ``python -m venv /tmp/pysbd && /tmp/pysbd/bin/pip install pysbd``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sentencex
from scoring import load_gold
from tasks.sentences import cases_right, xivn_sentences

import xivn

ROUNDS = 5
REPEAT = 20  # the seed paragraphs are segmented this many times per round
PYSBD_PROBE = """
import json, sys, time, pysbd
texts, documents, rounds, repeat = json.load(open(sys.argv[1], encoding="utf-8"))
segmenter = pysbd.Segmenter(language="en", clean=False)
right = {}
for d in documents:
    group = d["id"].split("-")[0]
    found = [s.strip() for s in segmenter.segment(d["text"]) if s.strip()]
    ok, n = right.get(group, (0, 0))
    right[group] = (ok + (found == [row["quote"] for row in d["expect"]]), n + 1)
best = float("inf")
for _ in range(rounds):
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            segmenter.segment(text)
    best = min(best, time.perf_counter() - start)
print(json.dumps({"right": right, "seconds": best}))
"""


def plain_sentencex(text: str) -> list[str]:
    """sentencex alone, as xivn used it before its mends."""
    return list(sentencex.segment("en", text))


def seed_paragraphs() -> list[str]:
    """The article paragraphs of the seed corpus (what a segmenter sees: one paragraph at a time)."""
    return xivn.load_corpus().article_paragraphs()["text"].tolist()


def best_seconds(segmenters: dict[str, Callable[[str], list[str]]], texts: list[str]) -> dict[str, float]:
    """Per segmenter, the best time over :data:`ROUNDS` rounds of segmenting ``texts``
    :data:`REPEAT` times; the segmenters take turns in each round, so that load from other
    processes weighs on all of them alike."""
    best = dict.fromkeys(segmenters, float("inf"))
    for _ in range(ROUNDS):
        for name, segmenter in segmenters.items():
            start = time.perf_counter()
            for _ in range(REPEAT):
                for text in texts:
                    segmenter(text)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def pysbd_row(python: str, texts: list[str], documents: list[dict]) -> dict:
    """pySBD's cases right and best time, measured by the interpreter ``python``."""
    with tempfile.TemporaryDirectory() as folder:
        payload = Path(folder) / "payload.json"
        payload.write_text(json.dumps([texts, documents, ROUNDS, REPEAT]), encoding="utf-8")
        out = subprocess.run([python, "-c", PYSBD_PROBE, str(payload)], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    right = {("golden rules" if k == "golden" else k): tuple(v) for k, v in result["right"].items()}
    return {"segmenter": "pysbd", "right": right, "seconds": result["seconds"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pysbd", metavar="PYTHON", help="an interpreter with pysbd installed")
    args = parser.parse_args(argv)
    documents, texts = load_gold("sentences"), seed_paragraphs()
    megabytes = REPEAT * sum(len(t.encode("utf-8")) for t in texts) / 1e6
    segmenters = {"sentencex": plain_sentencex, "xivn": xivn_sentences}
    times = best_seconds(segmenters, texts)
    rows = [
        {"segmenter": name, "right": cases_right(documents, function), "seconds": times[name]}
        for name, function in segmenters.items()
    ]
    if args.pysbd:
        rows.append(pysbd_row(args.pysbd, texts, documents))
    print(f"{len(texts)} seed paragraphs x {REPEAT} = {megabytes:.2f} MB per round, best of {ROUNDS} rounds")
    print("| segmenter | Golden Rules right | news cases right | MB/s |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        golden, news = row["right"]["golden rules"], row["right"]["news"]
        speed = megabytes / row["seconds"]
        print(f"| {row['segmenter']} | {golden[0]} of {golden[1]} | {news[0]} of {news[1]} | {speed:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
