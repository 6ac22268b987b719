"""The README and the docs: their examples run and print what they show, their links resolve, and the
Makefile commands they name do what they say."""

from __future__ import annotations

import doctest
import os
import re
import subprocess

import pytest
from conftest import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_readme_quickstart():
    result = doctest.testfile(str(REPO / "README.md"), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 7
    assert result.failed == 0


@pytest.mark.parametrize("page", PAGES[1:], ids=lambda p: p.name)
def test_docs_examples_run(page):
    result = doctest.testfile(str(page), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page):
    targets = [t for t in LINK.findall(page.read_text(encoding="utf-8")) if "://" not in t]
    assert all((page.parent / target).exists() for target in targets), targets


def test_every_docs_page_is_linked_from_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert all(f"docs/{page.name}" in readme for page in PAGES[1:])


# ------------------------------------------------------------------------------------ the Makefile's commands


def make(*args: str, stdin: str | None = None) -> str:
    """What ``make`` prints for ``args`` in the repository (``-n``: the commands, not run)."""
    result = subprocess.run(["make", "-s", *args], cwd=REPO, input=stdin, capture_output=True, text=True, check=True)
    return result.stdout


def lab_command(*overrides: str) -> str:
    """The command ``make lab`` would run, the environment taken as installed."""
    return make("-n", "-o", ".venv/.installed-stamp", "lab", *overrides)


def test_make_lab_allows_root_only_when_run_as_root():
    assert "--allow-root" in lab_command("AS_ROOT=yes")
    assert "--allow-root" not in lab_command("AS_ROOT=")
    assert ("--allow-root" in lab_command()) == (os.geteuid() == 0)


def test_make_lab_opens_the_notebooks_on_the_port_asked_for():
    assert lab_command().startswith(".venv/bin/jupyter lab notebooks/ --ServerApp.port=8888")
    assert "--ServerApp.port=9999" in lab_command("LAB_PORT=9999")


def test_setting_up_says_each_step_before_it_runs():
    steps = [line for line in make("-n", "-B", ".venv/.installed-stamp").splitlines() if line.startswith("echo")]
    assert [step.split(":")[1].split()[0] for step in steps] == ["creating", "upgrading", "installing", ".venv"]
    assert "about 2 minutes" in steps[2]


def test_pip_output_is_shown_as_one_line_per_package(tmp_path):
    pip_output = (
        "Obtaining file:///repo\n"
        "Collecting pandas>=2.2 (from xivn==0.1.0)\n"
        "  Using cached pandas-3.1.0-cp311-cp311-manylinux.whl (12.4 MB)\n"
        "Collecting numpy>=1.26\n"
        "Installing collected packages: numpy, pandas, xivn\n"
        "Successfully installed numpy-2.3.0 pandas-3.1.0 xivn-0.1.0\n"
    )
    extra = tmp_path / "show.mk"
    extra.write_text("include Makefile\nshow:\n\t@$(ONE_LINE_PER_PACKAGE)\n", encoding="utf-8")
    shown = make("-f", str(extra), "show", stdin=pip_output)
    assert shown.splitlines() == [
        "    1  pandas>=2.2",
        "    2  numpy>=1.26",
        "  installing the 3 packages collected (the longest step)...",
        "  installed 3 packages",
    ]
