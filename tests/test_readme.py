"""The README's quickstart runs and prints what it shows."""

from __future__ import annotations

import doctest

from conftest import REPO


def test_readme_quickstart():
    result = doctest.testfile(str(REPO / "README.md"), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 5
    assert result.failed == 0
