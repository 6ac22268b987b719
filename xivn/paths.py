"""Where xivn finds its bundled files: the seed corpus, the data files and the reference tables.

The seed texts live in the repository's top-level ``seeds/`` folder. A wheel carries a copy inside
the package (``xivn/seeds``, see ``pyproject.toml``); an editable install reads the top-level folder
directly. Everything else ships inside the package under ``xivn/data``.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
REFERENCE_DIR = DATA_DIR / "reference"


def seeds_dir() -> Path:
    """The folder of the bundled seed corpus, whether xivn is installed as a wheel or editable."""
    for candidate in (PACKAGE_DIR / "seeds", PACKAGE_DIR.parent / "seeds"):
        if (candidate / "metadata.csv").is_file():
            return candidate
    raise FileNotFoundError(f"the bundled seed corpus is missing (looked in {PACKAGE_DIR / 'seeds'})")


def data_path(name_or_path: str | Path) -> Path:
    """Resolve a data file: a bare file name means the copy shipped in ``xivn/data``."""
    path = Path(name_or_path)
    if path.parent == Path(".") and not path.exists():
        return DATA_DIR / path
    return path.expanduser()


def reference_path(name_or_path: str | Path = "") -> Path:
    """Resolve a reference table (or, with no name, the reference folder shipped with xivn)."""
    if not str(name_or_path):
        return REFERENCE_DIR
    path = Path(name_or_path)
    if path.parent == Path(".") and not path.exists():
        return REFERENCE_DIR / path
    return path.expanduser()


def notebooks_dir() -> Path:
    """The folder of the report notebooks (shipped in the wheel as ``xivn/notebooks``)."""
    for candidate in (PACKAGE_DIR / "notebooks", PACKAGE_DIR.parent / "notebooks"):
        if any(candidate.glob("*.ipynb")):
            return candidate
    raise FileNotFoundError(f"the report notebooks are missing (looked in {PACKAGE_DIR / 'notebooks'})")
