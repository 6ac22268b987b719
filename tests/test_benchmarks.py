"""Smoke tests of the benchmark tools on small corpora (the benchmarks themselves are scripts,
never timed here)."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest
from conftest import REPO

import xivn
from xivn.corpus.checks import unaccounted_text

sys.path.insert(0, str(REPO / "benchmarks"))
from generate_corpus import generate


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return generate(60, tmp_path_factory.mktemp("corpora") / "60")


def test_generator_is_deterministic_and_each_document_depends_only_on_its_number(generated, tmp_path):
    smaller = generate(25, tmp_path / "25")
    for path in smaller.glob("gen_*"):
        assert path.read_bytes() == (generated / path.name).read_bytes()


def test_generated_corpus_has_the_seeds_format_and_its_variety(generated):
    corpus = xivn.load_corpus(generated)
    texts = [corpus.text(doc_id) for doc_id in corpus.doc_ids]
    assert len(corpus) == 60
    assert any("\r\n" in text for text in texts)
    assert any(path.suffix == ".md" for path in generated.iterdir())
    assert any("\n\n" not in text.replace("\r\n", "\n") for text in texts)  # one paragraph per line
    assert sum("billion" in t or "bn" in t or "U.S. dollars" in t for t in texts) >= 50
    assert sum("rare earth" in text for text in texts) >= 20
    kinds = set(corpus.paragraphs["kind"])
    assert {"headline", "body", "list_item", "navigation", "related", "notice"} <= kinds
    assert unaccounted_text(corpus).empty
    words = corpus.documents["n_words"].mean()
    assert 300 < words < 600  # article words per document, like the seeds
    with (generated / "metadata.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["doc_id"] for row in rows] == corpus.doc_ids


def test_benchmark_script_runs_on_a_small_corpus(generated):
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "60", "--corpora", str(generated.parent)],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    stages = {line.split(" | ")[0].strip("| ") for line in lines if line.startswith("| ")}
    assert {"load + structure", "sentences", "rewrite_candidates (aggregate)"} <= stages
    assert any(line.startswith("| 60 |") for line in lines)
