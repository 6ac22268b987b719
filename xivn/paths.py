"""Where xivn finds its bundled files: the seed corpus, the notebooks and the data files.

The seed texts live in the repository's top-level ``seeds/`` folder. A wheel carries a copy inside
the package (``xivn/seeds``, see ``pyproject.toml``); an editable install reads the top-level folder
directly. Each package ships its own data files in its ``data/`` folder (``xivn/trade/data``,
``xivn/deals/data``...): cue lists, taxonomies, dictionaries and reference tables. A file name is
unique across those folders, so a bare name such as ``"trade_cues.toml"`` names one shipped file.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def seeds_dir() -> Path:
    """The folder of the bundled seed corpus, whether xivn is installed as a wheel or editable."""
    for candidate in (PACKAGE_DIR / "seeds", PACKAGE_DIR.parent / "seeds"):
        if (candidate / "metadata.csv").is_file():
            return candidate
    raise FileNotFoundError(f"the bundled seed corpus is missing (looked in {PACKAGE_DIR / 'seeds'})")


def shipped_data_files() -> dict[str, Path]:
    """Every data file shipped with xivn, by file name: the files of each package's ``data/`` folder."""
    return {path.name: path for path in sorted(PACKAGE_DIR.glob("*/data/*")) if path.is_file()}


def data_path(name_or_path: str | Path) -> Path:
    """Resolve a data file: a bare file name that is not a file here means the copy shipped with
    xivn (in the ``data/`` folder of the package that reads it); anything else is a path."""
    path = Path(name_or_path)
    if path.parent == Path(".") and not path.exists():
        shipped = PACKAGE_DIR.glob(f"*/data/{path.name}") if path.name else ()
        return next(iter(shipped), path)
    return path.expanduser()


def notebooks_dir() -> Path:
    """The folder of the report notebooks (shipped in the wheel as ``xivn/notebooks``)."""
    for candidate in (PACKAGE_DIR / "notebooks", PACKAGE_DIR.parent / "notebooks"):
        if any(candidate.glob("*.ipynb")):
            return candidate
    raise FileNotFoundError(f"the report notebooks are missing (looked in {PACKAGE_DIR / 'notebooks'})")
