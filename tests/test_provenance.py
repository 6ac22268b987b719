"""The provenance stamp: date, version, git commit, corpus digest and size, parameters, packages."""

from __future__ import annotations

import subprocess
from datetime import datetime

import xivn
from xivn.report.provenance import git_commit, package_versions, run_stamp


def git(folder, *args):
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def test_git_commit_names_the_checked_out_commit_and_flags_changes(tmp_path):
    assert git_commit(tmp_path) is None  # not a work tree
    git(tmp_path, "init", "-q")
    (tmp_path / "a.txt").write_text("one")
    git(tmp_path, "add", "a.txt")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "one")
    head = subprocess.run(["git", "-C", str(tmp_path), "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    assert git_commit(tmp_path) == head.strip()
    (tmp_path / "a.txt").write_text("two")
    assert git_commit(tmp_path) == head.strip() + "+dirty"


def test_stamp_of_the_seeds(seeds, tmp_path):
    stamp = run_stamp(seeds, {"top_n": 3}, tmp_path)
    assert stamp["corpus"] == {"folder": str(xivn.paths.seeds_dir()), "sha256": seeds.sha256, "documents": 5}
    assert stamp["xivn_version"] == xivn.__version__
    assert stamp["git_commit"] is None
    assert stamp["parameters"] == {"top_n": 3}
    assert datetime.fromisoformat(stamp["date"]).utcoffset().total_seconds() == 0
    assert {"python", "pandas", "papermill", "nbconvert"} <= set(stamp["packages"])


def test_package_versions_say_when_a_package_is_missing():
    versions = package_versions(("pandas", "no-such-package-xivn"))
    assert versions["no-such-package-xivn"] == "not installed"
    assert versions["pandas"][0].isdigit()
