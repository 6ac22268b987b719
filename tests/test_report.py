"""Rendering: parallel runs, pages and index, parameters checked first, atomic on failure."""

from __future__ import annotations

import io
import json
import re
import signal
import subprocess
import sys
import time
from dataclasses import replace

import nbformat
import pytest
from conftest import write_notebook

import xivn
from xivn import cli
from xivn.errors import ParameterError, RenderError
from xivn.report import rendering as report

PARAMETERS = 'corpus_dir: str = ""  # corpus folder; "" = the bundled seeds\n'


@pytest.fixture
def notebooks(tmp_path, monkeypatch):
    """Two small report notebooks in a folder of their own, used in place of the real ones."""
    folder = tmp_path / "notebooks"
    load = "import xivn\ncorpus = xivn.load_corpus(corpus_dir)\nprint(f'{len(corpus)} documents')"
    write_notebook(folder, "a_count", PARAMETERS + "top_n: int = 1  # rows", load, "print('top', top_n * 2)")
    write_notebook(
        folder,
        "b_check",
        PARAMETERS + "fail: bool = False  # fail on purpose",
        "x = 1",
        "assert not fail, 'asked to fail'",
    )
    monkeypatch.setattr(report, "notebooks_dir", lambda: folder)
    return folder


def outputs(path) -> str:
    notebook = nbformat.read(path, as_version=4)
    return "".join(str(output) for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)


def test_render_writes_notebooks_pages_and_an_index_with_the_stamp(notebooks, tmp_path, make_corpus):
    corpus = make_corpus({"one.txt": "A sentence about Hanoi.", "two.txt": "Another one."})
    progress = io.StringIO()
    out = tmp_path / "report"
    pages = report.render(out, corpus_dir=corpus, parameters={"top_n": "21"}, jobs=2, progress=progress)
    assert pages == [out / "a_count.html", out / "b_check.html"]
    names = {"index.html", "provenance.json"} | {
        f"{s}{x}" for s in ("a_count", "b_check") for x in (".ipynb", ".html", ".code.html")
    }
    assert {p.name for p in out.iterdir()} == names
    assert "2 documents" in outputs(out / "a_count.ipynb")
    assert "top 42" in outputs(out / "a_count.ipynb")  # the string "21" arrived as the int 21
    stamp = json.loads((out / "provenance.json").read_text())
    assert stamp["corpus"] == {"folder": str(corpus), "sha256": xivn.load_corpus(corpus).sha256, "documents": 2}
    assert stamp["parameters"] == {"top_n": "21", "corpus_dir": str(corpus)}
    index = (out / "index.html").read_text()
    assert re.findall(r'href="([^"]+)"', index) == [
        *("a_count.html", "a_count.code.html", "a_count.ipynb"),
        *("b_check.html", "b_check.code.html", "b_check.ipynb"),
        "provenance.json",
    ]
    assert "What does a_count say?" in index
    assert stamp["corpus"]["sha256"] in index
    lines = progress.getvalue().splitlines()
    assert lines[0].startswith("xivn render: 2 notebooks (2 to run, 2 at a time; 0 unchanged, reused), on 2 documents")
    finished = [re.fullmatch(r"\[(\d)/2\] (\w+): done \(\d+\.\d s\)", line).groups() for line in lines[1:]]
    assert [count for count, _ in finished] == ["1", "2"]  # in the order they finished
    assert sorted(name for _, name in finished) == ["a_count", "b_check"]


def test_reader_pages_hide_code_and_no_page_loads_a_script(notebooks, tmp_path):
    out = tmp_path / "report"
    report.render(out, only=["a_count"], jobs=1)
    reader, code = (out / "a_count.html").read_text(), (out / "a_count.code.html").read_text()
    assert "top_n * 2" not in reader
    assert "top_n" in code
    assert "top 2" in reader
    for page in (reader, code):
        assert "<script" not in page
        assert 'href="index.html"' in page


def test_a_failed_run_keeps_the_good_report_and_says_where_it_failed(notebooks, tmp_path):
    out = tmp_path / "report"
    report.render(out, jobs=2)
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    with pytest.raises(RenderError) as caught:
        report.render(out, parameters={"fail": "yes"}, jobs=2)
    kept = tmp_path / "report.failed" / "b_check.ipynb"
    assert str(caught.value) == (  # [4]: the count in the executed notebook, after papermill's injected cell
        f"b_check: cell [4] (assert not fail, 'asked to fail') failed: AssertionError: asked to fail; "
        f"partial executed notebook: {kept}"
    )
    assert "asked to fail" in outputs(kept)
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebooks", "report", "report.failed"]  # no staging left
    report.render(out, only=["a_count"], jobs=1)
    assert not (tmp_path / "report.failed").exists()  # a good run clears the old failure


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"parameters": {"top_m": "1"}}, "parameter 'top_m'; did you mean 'top_n'? (known: corpus_dir, fail, top_n)"),
        ({"parameters": {"top_n": "many"}}, "parameter 'top_n' expects int, got 'many' (declared in a_count.ipynb)"),
        ({"parameters": {"fail": "perhaps"}}, "parameter 'fail' expects bool, got 'perhaps'"),
        ({"corpus_dir": "/no/such/folder"}, "/no/such/folder: corpus folder not found"),
        ({"corpus_dir": "x", "parameters": {"corpus_dir": "y"}}, "the corpus folder is given twice"),
        ({"only": ["c_none"]}, "unknown notebook 'c_none' (known: a_count, b_check)"),
        ({"jobs": 0}, "jobs must be at least 1, got 0"),
        ({"parameters": {"event": "xi_china"}}, "xi_china: no such event profile (shipped with xivn: xi_vietnam_2023;"),
        ({"timeout": 0}, "the cell timeout must be at least 1 second, got 0"),
    ],
)
def test_mistakes_are_found_before_anything_runs(notebooks, tmp_path, kwargs, message):
    with pytest.raises(xivn.XivnError) as caught:
        report.render(tmp_path / "report", **kwargs)
    assert message in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebooks"]


def test_a_folder_that_is_not_a_report_is_never_replaced(notebooks, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.tex").write_text("years of work")
    with pytest.raises(ParameterError, match="exists and is not an xivn report"):
        report.render(tmp_path / "mine")
    assert (tmp_path / "mine" / "thesis.tex").read_text() == "years of work"


def test_a_cell_that_runs_too_long_is_stopped(tmp_path, monkeypatch):
    folder = tmp_path / "notebooks"
    write_notebook(folder, "slow", PARAMETERS, "import time\ntime.sleep(60)")
    monkeypatch.setattr(report, "notebooks_dir", lambda: folder)
    with pytest.raises(
        RenderError, match=r"slow: cell \[2\] \(import time\) failed: .*CellTimeoutError: .*timed out.* after 2 seconds"
    ):
        report.render(tmp_path / "report", timeout=2, jobs=1)


def test_a_kernel_that_fails_to_start_is_retried_once(notebooks, tmp_path, monkeypatch):
    real, commands = report.papermill_command, []
    port_race = [sys.executable, "-c", "import sys; sys.exit('zmq.error.ZMQError: Address already in use')"]

    def flaky(task):
        commands.append(task)
        return port_race if len(commands) == 1 else real(task)

    monkeypatch.setattr(report, "papermill_command", flaky)
    task = report.Task(notebooks / "a_count.ipynb", tmp_path / "a_count.ipynb", {}, 60)
    run = report.run_notebook(task)
    assert (run.error, run.attempts, len(commands)) == (None, 2, 2)
    assert (tmp_path / "a_count.html").is_file()

    monkeypatch.setattr(report, "papermill_command", lambda task: port_race)
    run = report.run_notebook(replace(task, executed=tmp_path / "again.ipynb"))
    assert run.attempts == 2
    assert run.error == "a_count: failed before its first cell: zmq.error.ZMQError: Address already in use"


def test_cli_reports_a_bad_parameter_in_one_line_with_exit_2(notebooks, tmp_path, capsys):
    status = cli.main(["render", "--out", str(tmp_path / "out"), "-p", "top_n", "ten"])
    err = capsys.readouterr().err
    assert status == 2
    assert err == "xivn: error: parameter 'top_n' expects int, got 'ten' (declared in a_count.ipynb)\n"


def test_cli_lists_the_parameters(notebooks, capsys):
    assert cli.main(["parameters"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "a_count",
        "  corpus_dir: str = ''  # corpus folder; \"\" = the bundled seeds",
        "  top_n: int = 1  # rows",
        "b_check",
        "  corpus_dir: str = ''  # corpus folder; \"\" = the bundled seeds",
        "  fail: bool = False  # fail on purpose",
    ]


def test_two_renders_write_the_same_bytes_but_for_the_stamp(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        report.render(out, only=["00_corpus_overview"], jobs=1)
    names = sorted(path.name for path in first.iterdir())
    assert names == sorted(path.name for path in second.iterdir())
    stamped = {"index.html", "provenance.json"}  # the run's date and run times live here, and only here
    assert stamped < set(names)
    for name in sorted(set(names) - stamped):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    executed = (first / "00_corpus_overview.ipynb").read_text()
    for trace in ('"start_time"', '"end_time"', '"duration"', '"iopub.', str(tmp_path)):
        assert trace not in executed  # no timestamps, durations or staging folder
    assert "data:image/png;base64," in (first / "00_corpus_overview.html").read_text()  # charts compared too


def previous_report(out):
    """A report folder as an earlier run left it (its stamp file marks it as a report)."""
    out.mkdir()
    (out / "provenance.json").write_text('{"date": "earlier"}\n')
    (out / "index.html").write_text("<p>the previous report</p>\n")
    return {path.name: path.read_bytes() for path in out.iterdir()}


def test_a_kernel_that_dies_keeps_the_previous_report_and_names_the_cell(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "notebooks"
    die = "if die:\n    os.kill(os.getpid(), signal.SIGKILL)"  # as the out-of-memory killer would
    write_notebook(folder, "dies", PARAMETERS + "die: bool = False  # kill the kernel", "import os, signal", die, "1")
    monkeypatch.setattr(report, "notebooks_dir", lambda: folder)
    out = tmp_path / "report"
    before = previous_report(out)
    status = cli.main(["render", "--out", str(out), "-p", "die", "yes"])
    kept = tmp_path / "report.failed" / "dies.ipynb"
    assert status == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines()[-1] == (  # [4]: after the parameters cell, papermill's injected cell and the import
        f"xivn: error: dies: cell [4] (if die:) failed: nbclient.exceptions.DeadKernelError: Kernel died; "
        f"partial executed notebook: {kept}"
    )
    assert nbformat.read(kept, as_version=4).cells[-1].execution_count is None  # the cell after never ran
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebooks", "report", "report.failed"]  # no staging left


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize(
    ("signum", "status", "word"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_ctrl_c_or_sigterm_stops_the_kernels_and_removes_the_staging_folder(tmp_path, signum, status, word):
    folder, pids = tmp_path / "notebooks", tmp_path / "pids"
    slow = f"import os, time\nopen({str(pids)!r}, 'w').write(f'{{os.getpid()}} {{os.getppid()}}')\ntime.sleep(60)"
    write_notebook(folder, "slow", PARAMETERS, slow)
    out = tmp_path / "report"
    before = previous_report(out)
    run_cli = (  # the xivn command, reading the notebooks of this test
        "import pathlib, sys, xivn.cli, xivn.report.rendering; "
        f"xivn.report.rendering.notebooks_dir = lambda: pathlib.Path({str(folder)!r}); "
        "sys.exit(xivn.cli.main(sys.argv[1:]))"
    )
    command = [sys.executable, "-c", run_cli, "render", "--out", str(out), "--jobs", "1"]
    xivn_render = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (pids.is_file() and pids.read_text()) and time.monotonic() < deadline:
        time.sleep(0.1)
    kernel, papermill = map(int, pids.read_text().split())  # the slow cell is running
    xivn_render.send_signal(signum)
    _, err = xivn_render.communicate(timeout=30)
    assert xivn_render.returncode == status
    assert "Traceback" not in err
    assert err.splitlines()[-1] == f"xivn: {word}; {out} is as it was before the run"
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebooks", "pids", "report"]  # no staging, no .failed
    deadline = time.monotonic() + 5  # a kernel whose papermill is gone exits within a second
    while (alive(kernel) or alive(papermill)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(kernel)
    assert not alive(papermill)


def test_data_file_paths_given_relative_to_the_user_become_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fixed = report.absolute_file_parameters(
        {"event": "events/visit.toml", "reference_file": "trade_2022.csv", "top_n": "3", "claims_file": "./c.toml"}
    )
    assert fixed == {
        "event": str(tmp_path / "events" / "visit.toml"),
        "reference_file": "trade_2022.csv",  # a bare name: the copy shipped with xivn
        "top_n": "3",
        "claims_file": str(tmp_path / "c.toml"),
    }


def test_an_unchanged_notebook_is_reused_and_a_changed_one_runs_again(notebooks, tmp_path, make_corpus):
    corpus = make_corpus({"one.txt": "A sentence about Hanoi."})
    out = tmp_path / "report"
    report.render(out, corpus_dir=corpus, jobs=1)
    first = {path.name: path.read_bytes() for path in out.iterdir() if path.suffix != ".json"}

    progress = io.StringIO()
    report.render(out, corpus_dir=corpus, jobs=1, progress=progress)
    lines = progress.getvalue().splitlines()
    assert lines[0].startswith("xivn render: 2 notebooks (0 to run, 1 at a time; 2 unchanged, reused)")
    assert lines[1:3] == [
        "[1/2] a_count: reused (unchanged since the last report)",
        "[2/2] b_check: reused (unchanged since the last report)",
    ]
    stamp = json.loads((out / "provenance.json").read_text())
    assert {stem: run["reused"] for stem, run in stamp["notebooks"].items()} == {"a_count": True, "b_check": True}
    assert "(reused: unchanged since the last report)" in (out / "index.html").read_text()
    for name, content in first.items():
        if name != "index.html":
            assert (out / name).read_bytes() == content, name

    report.render(out, corpus_dir=corpus, parameters={"top_n": "3"}, jobs=1)  # a_count's parameter changed
    stamp = json.loads((out / "provenance.json").read_text())
    # only a_count declares top_n: b_check's inputs did not change
    assert {stem: run["reused"] for stem, run in stamp["notebooks"].items()} == {"a_count": False, "b_check": True}
    assert "top 6" in outputs(out / "a_count.ipynb")

    (corpus / "two.txt").write_text("A second text.", encoding="utf-8")  # the corpus changed
    report.render(out, corpus_dir=corpus, parameters={"top_n": "3"}, jobs=1)
    assert "2 documents" in outputs(out / "a_count.ipynb")


def test_force_runs_every_notebook_or_the_named_ones_again(notebooks, tmp_path):
    out = tmp_path / "report"
    report.render(out, jobs=1)

    def reused() -> dict[str, bool]:
        stamp = json.loads((out / "provenance.json").read_text())
        return {stem: run["reused"] for stem, run in stamp["notebooks"].items()}

    report.render(out, jobs=1, force=["b_check"])
    assert reused() == {"a_count": True, "b_check": False}
    report.render(out, jobs=1, force=True)
    assert reused() == {"a_count": False, "b_check": False}
    (out / "a_count.code.html").unlink()  # a page missing from the old report: run it again
    report.render(out, jobs=1)
    assert reused() == {"a_count": False, "b_check": True}
    with pytest.raises(ParameterError, match="--force names unknown notebook 'c_none'"):
        report.render(out, jobs=1, force=["c_none"])
