"""The command line: thin over the API, one-line errors, no tracebacks for user mistakes."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import REPO

from xivn import cli
from xivn.report import rendering as report


def run_xivn(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xivn.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_corpus_command_prints_the_documents(tmp_path):
    result = run_xivn("corpus", cwd=tmp_path)
    assert result.returncode == 0
    assert "004_7f647e3ecafc4dc6" in result.stdout
    assert "Pamir (blog)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["corpus", "/no/such/folder"], "xivn: error: /no/such/folder: corpus folder not found"),
        (["render", "--corpus", "/no/such/folder", "--out", "OUT"], "corpus folder not found"),
        (["render", "--only", "no_such_notebook", "--out", "OUT"], "unknown notebook 'no_such_notebook'"),
    ],
)
def test_user_mistakes_give_one_line_and_exit_2(tmp_path, args, message):
    args = [a.replace("OUT", str(tmp_path / "out")) for a in args]
    result = run_xivn(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_empty_file_error_names_the_file(make_corpus):
    folder = make_corpus({"good.txt": "A sentence.", "empty.txt": ""})
    result = run_xivn("corpus", str(folder))
    assert result.returncode == 2
    assert f"{folder / 'empty.txt'}: empty file" in result.stderr


def _sparse_50_mb(folder):
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)


def _latin1_name(folder):
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Text.")


@pytest.mark.parametrize(
    ("make_hostile", "message"),
    [
        (lambda folder: (folder / "x.txt").symlink_to("x.txt"), "x.txt: broken or looping symbolic link"),
        (lambda folder: (folder / "b.txt").write_bytes("Hi.".encode("utf-16-le")), "b.txt: binary file"),
        (lambda folder: (folder / "new\nline.txt").write_bytes(b""), r"line.txt': empty file"),
        (lambda folder: (folder / "metadata.csv").write_text("file\n../../etc/passwd\n"), "outside the corpus"),
        (lambda folder: (folder / "a.md").write_text("# Notes"), "a.txt: duplicate doc_id 'a'"),
        (_sparse_50_mb, "huge.txt: file is 52,428,800 bytes, above the limit"),
        (_latin1_name, "file name is not valid Unicode"),
    ],
)
def test_hostile_corpora_give_one_line_and_exit_2(make_corpus, make_hostile, message):
    folder = make_corpus({"a.txt": "A sentence."})
    make_hostile(folder)
    result = run_xivn("corpus", str(folder))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "year", "abc"], "parameter 'year' expects int, got 'abc' (declared in trade_balance.ipynb)"),
        (["-p", "max_rows", "2.5"], "parameter 'max_rows' expects int, got '2.5'"),
        (["-p", "route", '["Hanoi", "Lao Cai"'], "parameter 'route' expects list[str]"),  # broken JSON
        (["-p", "no_such", "1"], "unknown parameter 'no_such' (known: as_of, bootstrap_draws,"),
        (["-p", "yeer", "2022"], "unknown parameter 'yeer'; did you mean 'year'? (known: as_of,"),
        (["-p", "year", "2020", "-p", "year", "2021"], "parameter 'year' is given more than once"),
        (["-p", "year"], "argument -p/--parameter: expected 2 arguments"),  # argparse's own errors: one line too
        (["--jobs", "0"], "jobs must be at least 1, got 0"),
        (["--jobs", "many"], "argument --jobs: invalid int value: 'many'"),
        (["--timeout", "-1"], "the cell timeout must be at least 1 second, got -1"),
        (["--out", "mine"], "mine exists and is not an xivn report"),
        (["--out", "notes.txt"], "notes.txt exists and is not an xivn report"),
        (["--out", "notes.txt/report"], "cannot write the output folder"),  # under a file
        (["--corpus", "notes.txt"], "notes.txt: not a folder"),
        (["--corpus", "empty"], "empty: no documents (expected *.txt, *.md, *.html or *.htm files)"),
        (["--corpus", "nowhere"], "nowhere: corpus folder not found"),
    ],
)
def test_render_mistakes_are_one_line_before_any_kernel_starts(tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.tex").write_text("years of work")
    (tmp_path / "notes.txt").write_text("A file.")
    (tmp_path / "empty").mkdir()

    def no_kernel(*_):
        raise AssertionError("a notebook was started")

    monkeypatch.setattr(report.Processes, "run", no_kernel)
    try:
        status = cli.main(["render", "--out", "out", *args])
    except SystemExit as exit:  # how argparse stops
        status = exit.code
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("xivn: error: ")
    assert message in err
    assert err.count("\n") == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["empty", "mine", "notes.txt"]  # no output, no staging
    assert (tmp_path / "mine" / "thesis.tex").read_text() == "years of work"


def test_warnings_are_one_line(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_bytes("Déjà vu in Hà Nội.\n".encode("cp1252", errors="replace"))
    result = run_xivn("corpus", str(folder))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"xivn: warning: {folder / 'a.txt'}: not valid UTF-8 (at byte 1); decoded as cp1252"
    ]


def test_corpus_command_shows_groups_and_rejects(tmp_path):
    pages = REPO / "tests" / "fixtures" / "collections" / "pages"
    result = run_xivn("corpus", str(pages))
    assert result.returncode == 0
    assert "Syndication groups: 1 (2 documents)" in result.stdout
    assert re.search(r"reprint_hanoi +wire_hanoi +2 +False +near", result.stdout)
    assert "Rejected or skipped input: 0" in result.stdout
    export = tmp_path / "news.jsonl"
    export.write_text('{"id": "a", "text": "Trade rose."}\n{broken\n', encoding="utf-8")
    result = run_xivn("corpus", str(export))
    assert result.returncode == 0
    assert "Rejected or skipped input: 1" in result.stdout
    assert "line 2 rejected not valid JSON" in result.stdout


def test_corpus_command_takes_a_text_column(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("id,copy\n1,The rail deal was signed.\n", encoding="utf-8")
    result = run_xivn("corpus", str(export))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"xivn: error: {export}: no text column (columns: 'id', 'copy'; name one with text_column=)"
    )
    assert run_xivn("corpus", str(export), "--text-column", "copy").returncode == 0


@pytest.mark.parametrize(
    "args",
    [
        ["corpus", "/no/such/folder"],
        ["render", "--corpus", "/no/such/folder"],
        ["render", "-p", "corpus_dir", "/no/such/folder"],
    ],
)
def test_a_missing_corpus_is_reported_before_pandas_or_papermill_is_imported(args):
    probe = (
        "import sys; from xivn import cli; status = cli.main(sys.argv[1:]); "
        "print(status, sorted({'pandas', 'papermill', 'matplotlib'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True)
    assert result.stdout.split() == ["2", "[]"]
    assert result.stderr == "xivn: error: /no/such/folder: corpus folder not found\n"


def test_python_dash_m_xivn_is_the_xivn_command():
    result = subprocess.run([sys.executable, "-m", "xivn", "corpus", "/no/such/folder"], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == "xivn: error: /no/such/folder: corpus folder not found\n"
