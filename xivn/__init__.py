"""xivn: structured news texts about Xi Jinping's state visit to Vietnam (12-13 December 2023).

The top level holds what a notebook user types; everything else lives in its package, one per
layer (``corpus``, ``cues``, ``event``, ``display``, ``runner``, ``report``) and one per analysis (``overview``,
``trade``, ``deals``, ``framing``, ``rare_earths``). Names are imported lazily so that
``import xivn`` stays fast (pandas and matplotlib load only when a table or a figure is asked for)::

    import xivn
    corpus = xivn.load_corpus()          # the bundled seeds, or load_corpus("my/folder")
    corpus.paragraphs                    # doc_id, par_id, kind, is_chrome, start, end, text
    xivn.trade.trade_figures(corpus)     # an analysis: its package, imported on first use

Naming rule: modules are nouns; functions name the table they return (``amounts``,
``deal_mentions``) or start with a verb (``load_corpus``, ``parse_amounts``). A module never has
the name of a function its package exports (``xivn.trade.amounts`` must stay the function), and
``_EXPORTS`` names the module that defines each name; ``tests/test_packaging.py`` checks both.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "Corpus": "xivn.corpus.corpus",
    "load_corpus": "xivn.corpus.corpus",
    "XivnError": "xivn.errors",
    "show": "xivn.display.viewer",
    "run_stages": "xivn.runner.processes",
    "render": "xivn.report.rendering",
}

_SUBMODULES = (
    *("corpus", "cues", "event", "display", "runner", "report"),  # the layers
    *("overview", "trade", "deals", "framing", "rare_earths"),  # the analyses
    *("errors", "paths"),
)
"""Packages and modules reachable as attributes (``xivn.trade``) without an import statement."""

if TYPE_CHECKING:  # pragma: no cover
    from xivn import (
        corpus,
        cues,
        deals,
        display,
        errors,
        event,
        framing,
        overview,
        paths,
        rare_earths,
        report,
        runner,
        trade,
    )
    from xivn.corpus.corpus import Corpus, load_corpus
    from xivn.display.viewer import show
    from xivn.errors import XivnError
    from xivn.report.rendering import render
    from xivn.runner.processes import run_stages

__all__ = sorted([*_EXPORTS, *_SUBMODULES])


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        value = import_module(f"xivn.{name}")
    elif name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
    else:
        raise AttributeError(f"module 'xivn' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS, *_SUBMODULES])
