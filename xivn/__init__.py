"""xivn: structured news texts about Xi Jinping's state visit to Vietnam (12-13 December 2023).

The public surface is small; names are imported lazily so that ``import xivn`` stays fast (pandas
and matplotlib load only when a table or a figure is asked for)::

    import xivn
    corpus = xivn.load_corpus()          # the bundled seeds, or load_corpus("my/folder")
    corpus.paragraphs                    # doc_id, par_id, kind, is_chrome, start, end, text

Naming rule: modules are nouns; functions name the table they return (``amounts``,
``deal_mentions``) or start with a verb (``load_corpus``, ``parse_amounts``). A module never has
the name of a function exported here (``xivn.amounts`` must stay the function).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "Corpus": "xivn.corpus",
    "load_corpus": "xivn.corpus",
    "paragraph_kinds": "xivn.corpus",
    "XivnError": "xivn.errors",
    "CorpusError": "xivn.errors",
    "MetadataError": "xivn.errors",
    "DataFileError": "xivn.errors",
    "ParameterError": "xivn.errors",
    "RenderError": "xivn.errors",
    "LayerError": "xivn.errors",
    "XivnWarning": "xivn.errors",
    "seeds_dir": "xivn.paths",
    "data_path": "xivn.paths",
    "reference_path": "xivn.paths",
    "show": "xivn.viewer",
    "escape_markdown": "xivn.text",
    "render": "xivn.report",
}

if TYPE_CHECKING:  # pragma: no cover
    from xivn.corpus import Corpus, load_corpus, paragraph_kinds
    from xivn.errors import (
        CorpusError,
        DataFileError,
        LayerError,
        MetadataError,
        ParameterError,
        RenderError,
        XivnError,
        XivnWarning,
    )
    from xivn.paths import data_path, reference_path, seeds_dir
    from xivn.report import render
    from xivn.text import escape_markdown
    from xivn.viewer import show

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'xivn' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
