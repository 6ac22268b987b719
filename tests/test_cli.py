"""The command line: thin over the API, one-line errors, no tracebacks for user mistakes."""

from __future__ import annotations

import subprocess
import sys

import pytest


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
