"""Shared fixtures: the seed corpus, a factory for small, deliberately messy corpus folders, and the
hypothesis settings profiles."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from hypothesis import HealthCheck, settings

import xivn

REPO = Path(__file__).resolve().parent.parent
EVENTS = REPO / "tests" / "fixtures" / "events"
BIDEN_PROFILE = EVENTS / "biden_vietnam_2023.toml"
BIDEN_CORPUS = EVENTS / "biden_vietnam_2023"
"""A second event (US President Biden's visit to Hanoi, September 2023) and the corpus written for it."""
THE_2023_VISIT = ("Xi Jinping", "December 2023", "2023-12", "Kunming", "Haiphong", "China–Vietnam", "China-Vietnam")
"""What no page rendered for another event may say: the default visit's facts (with its count, 36)."""

# The five seed documents: the AF/Reuters wire report (after the visit), the unattributed preview,
# the Inquirer/Reuters preview, the unattributed warm rewrite of the wire report, the Pamir blog.
AF, PREVIEW, INQUIRER, REWRITE, PAMIR = (
    "000_1a56b2a50d2ad841",
    "001_492d9b2ee9d6a8ad",
    "002_de74f18409056071",
    "003_c9643dd3023e532a",
    "004_7f647e3ecafc4dc6",
)

# Property tests are reproducible by default: the same examples on every run and machine, no
# example database. `HYPOTHESIS_PROFILE=explore` (or `pytest --hypothesis-profile=explore`) runs many
# more random examples to hunt for new failures; fix what it finds and add the input as an example.
settings.register_profile(
    "ci",
    max_examples=40,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("explore", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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


@pytest.fixture(scope="session")
def figures(seeds: xivn.Corpus) -> pd.DataFrame:
    """The trade figures the seeds state."""
    return xivn.trade.trade_figures(seeds)


def figures_of(make_corpus: Callable[..., Path], text: str, **kwargs: object) -> pd.DataFrame:
    """The trade figures of a one-document corpus holding ``text``."""
    return xivn.trade.trade_figures(xivn.load_corpus(make_corpus({"doc.md": text})), **kwargs)


@pytest.fixture(scope="session")
def generated_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with 60 documents from benchmarks/generate_corpus.py (more than the display limits
    of the notebooks and the all-pairs limit of rewrite detection)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate_corpus import generate

    return generate(60, tmp_path_factory.mktemp("generated") / "60")


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


def texts_outside(fig) -> list[str]:
    """The texts of a drawn figure (titles, labels, ticks, source line) that reach past its edges."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    box = fig.bbox
    undrawn = {id(label) for label in _labels_of_ticks_out_of_view(fig)}
    outside = []
    for text in fig.findobj(lambda artist: hasattr(artist, "get_text") and hasattr(artist, "get_window_extent")):
        if not text.get_visible() or not text.get_text().strip() or id(text) in undrawn:
            continue
        extent = text.get_window_extent(renderer)
        if extent.x0 < box.x0 - 1 or extent.x1 > box.x1 + 1 or extent.y0 < box.y0 - 1 or extent.y1 > box.y1 + 1:
            outside.append(text.get_text())
    return outside


def _labels_of_ticks_out_of_view(fig) -> list:
    """The tick labels matplotlib keeps but never draws: those of ticks beyond the axis limits (the "140"
    of an axis that ends at 124)."""
    labels = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            slack = (high - low) * 1e-9
            for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
                if not low - slack <= tick.get_loc() <= high + slack:
                    labels += [tick.label1, tick.label2]
    return labels


def readable_text(path: Path) -> str:
    """What a reader sees in an executed notebook: its Markdown cells and every text output
    (Markdown, HTML without its style sheets, plain text, streams; no images)."""
    notebook = nbformat.read(path, as_version=4)
    parts = [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            parts += [str(data[kind]) for kind in ("text/markdown", "text/html", "text/plain") if kind in data]
            parts.append(str(output.get("text", "")))
    return re.sub(r"<style>.*?</style>", "", "\n".join(parts), flags=re.DOTALL)


def rendered_for_the_second_event(out: Path, stem: str, corpus: Path = BIDEN_CORPUS, **parameters: object) -> str:
    """Render notebook ``stem`` for the second event (:data:`BIDEN_PROFILE`) on ``corpus`` into
    ``out`` and return the text a reader sees in it (:func:`readable_text`)."""
    from xivn.report.rendering import render

    render(out, corpus_dir=corpus, parameters={"event": str(BIDEN_PROFILE), **parameters}, only=[stem])
    return readable_text(out / f"{stem}.ipynb")


def facts_of_the_2023_visit(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The default visit's facts (:data:`THE_2023_VISIT`, the count 36) that ``text`` states."""
    found = [fact for fact in THE_2023_VISIT if fact in text and fact not in allowed]
    return found + (["36"] if re.search(r"(?<![\w.,])36(?![\w.,%])", text) else [])


@pytest.fixture(autouse=True)
def _no_store_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests run without the analysis store unless they ask for one: an ``XIVN_STORE`` set in the
    developer's shell would otherwise add its progress lines and reuse its tables. A render's
    default store, in the user's cache folder, is one of the test session's own."""
    monkeypatch.delenv("XIVN_STORE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def xi():
    """The default event: Xi Jinping's state visit to Vietnam, December 2023."""
    from xivn.event import load_event

    return load_event()


@pytest.fixture(scope="session")
def biden():
    """The second event: Joe Biden's state visit to Vietnam, September 2023."""
    from xivn.event import load_event

    return load_event(BIDEN_PROFILE)
