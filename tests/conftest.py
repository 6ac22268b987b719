"""Shared fixtures: the seed corpus, and a factory for small, deliberately messy corpus folders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest

import xivn

REPO = Path(__file__).resolve().parent.parent

# A wire story as a web capture: navigation, headline, standfirst, caption, body, credit,
# related links, cookie notice. Every chrome line here has an article-looking neighbour.
MESSY_PAGE = """Skip to content

Vietnam and China Agree Rail Study

Hanoi and Beijing signed papers on rail links, but details were scarce

A train crosses the Red River in Lao Cai, December 1, 2023 (Reuters/Staff).

HANOI (Reuters) - Vietnam and China agreed on Wednesday to study a rail link, officials said.

The U.S. Embassy declined to comment on Sept. 10 plans.

Reporting by Jane Doe; Editing by John Roe

Related Stories
China Eyes Vietnam Ports
Hanoi Metro Opens New Line
Rare Earth Prices Fall

We use cookies to improve your experience. Accept all cookies.
"""


@pytest.fixture(scope="session")
def seeds() -> xivn.Corpus:
    """The bundled seed corpus."""
    return xivn.load_corpus()


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Write ``{file name: text or bytes}`` into a fresh folder and return the folder."""

    def make(files: dict[str, str | bytes], folder: str = "corpus") -> Path:
        root = tmp_path / folder
        root.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            path = root / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="")
        return root

    return make


def write_notebook(folder: Path, name: str, parameters: str, *code: str) -> Path:
    """Write ``NAME.ipynb``: a title, a cell tagged ``parameters`` and the given code cells."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell(f"# What does {name} say?"),
        nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]}),
        *(nbformat.v4.new_code_cell(source) for source in code),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.ipynb"
    nbformat.write(notebook, path)
    return path
