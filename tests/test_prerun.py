"""Analyse once, render many: a render runs the notebooks' stages into the store, the kernels read them."""

from __future__ import annotations

import json

import nbformat
import pytest
from conftest import write_notebook

from xivn import cli
from xivn.paths import data_path, notebooks_dir
from xivn.report import prerun
from xivn.report import rendering as report
from xivn.runner.store import STORE_VARIABLE

PARAMETERS = 'corpus_dir: str = ""  # corpus folder; "" = the bundled seeds\n'
FRAMES = PARAMETERS + 'frames_file: str = "frames.toml"  # frame dictionary\n'
READS = (
    "import sys\nimport xivn\ncorpus = xivn.load_corpus(corpus_dir)\n"
    'files = {"frames.toml": frames_file}\n'
    'staged = xivn.runner.run_stages(corpus, ["frame_evidence"], files=files, progress=sys.stdout)\n'
    "print(len(staged['frame_evidence']), 'frame rows')"
)


@pytest.fixture
def notebooks(tmp_path, monkeypatch):
    """One notebook reading frame evidence through the runner, one that reads nothing staged."""
    folder = tmp_path / "notebooks"
    write_notebook(folder, "frames", FRAMES, READS)
    write_notebook(folder, "plain", PARAMETERS, "print('no stages')")
    monkeypatch.setattr(report, "notebooks_dir", lambda: folder)
    return folder


def kernel_output(path) -> str:
    notebook = nbformat.read(path, as_version=4)
    return "".join(
        output.get("text", "") for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    )


def test_the_shipped_notebooks_name_the_per_document_stages_they_read():
    stages = {nb.stem: prerun.notebook_stages(nb) for nb in sorted(notebooks_dir().glob("*.ipynb"))}
    assert stages == {
        "00_corpus_overview": [],
        "deal_taxonomy": ["deal_mentions"],
        "framing_comparison": ["frame_evidence", "tone"],  # rewrites need the whole corpus: not stored
        "rare_earths": ["rare_earth_claims"],
        "trade_balance": ["amounts", "trade_figures"],
    }


def test_a_data_file_parameter_replaces_the_shipped_file_it_defaults_to(notebooks, tmp_path):
    mine = str(tmp_path / "mine.toml")
    shown = sorted(notebooks.glob("*.ipynb"))
    assert prerun.parameter_files(shown, {nb: {} for nb in shown}) == {}
    given = {nb: ({"frames_file": mine} if nb.stem == "frames" else {}) for nb in shown}
    assert prerun.parameter_files(shown, given) == {"frames.toml": mine}


def test_a_render_analyses_once_and_the_kernel_reads_the_store(notebooks, tmp_path, capsys):
    store = tmp_path / "store"
    out = tmp_path / "report"
    code = cli.main(["render", "--out", str(out), "--store", str(store), "--jobs", "1"])
    assert code == 0
    assert "analysing once into the store: frame_evidence" in capsys.readouterr().err
    assert any((store / "frame_evidence").rglob("part-*.parquet"))
    printed = kernel_output(out / "frames.ipynb")
    assert "store: frame_evidence: 5 of 5 documents read, 0 to compute" in printed
    stamp = json.loads((out / "provenance.json").read_text())
    assert stamp["store"] == {"stages": ["frame_evidence"], "files": {}}
    assert "no stages" in kernel_output(out / "plain.ipynb")


def test_a_users_frame_dictionary_is_analysed_once_with_it(notebooks, tmp_path):
    mine = tmp_path / "frames.toml"
    mine.write_text(
        data_path("frames.toml").read_text(encoding="utf-8").replace("rivalry", "contest"), encoding="utf-8"
    )
    out = tmp_path / "report"
    report.render(out, parameters={"frames_file": str(mine)}, store=tmp_path / "store", only=["frames"], jobs=1)
    assert "store: frame_evidence: 5 of 5 documents read, 0 to compute" in kernel_output(out / "frames.ipynb")
    stamp = json.loads((out / "provenance.json").read_text())
    assert stamp["store"]["files"] == {"frames.toml": str(mine)}


def test_without_a_store_each_notebook_computes_its_own(notebooks, tmp_path, monkeypatch):
    monkeypatch.setenv(STORE_VARIABLE, str(tmp_path / "ignored"))
    out = tmp_path / "report"
    report.render(out, store=False, only=["frames"], jobs=1)
    printed = kernel_output(out / "frames.ipynb")
    assert "store:" not in printed and "frame rows" in printed
    assert "store" not in json.loads((out / "provenance.json").read_text())
    assert not (tmp_path / "ignored").exists()


def test_the_default_store_is_xivn_store_else_the_users_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert prerun.render_store(None) == tmp_path / "cache" / "xivn" / "store"
    monkeypatch.setenv(STORE_VARIABLE, str(tmp_path / "mine"))
    assert prerun.render_store(None) == tmp_path / "mine"
    assert prerun.render_store(tmp_path / "given") == tmp_path / "given"
    assert prerun.render_store(False) is None
