"""Analyse once, render many: the stages the report's notebooks ask for, run once into the store.

Each notebook gets its per-document tables from :func:`xivn.runner.run_stages`, a call in its code
that writes the stage names out as a list of strings (so the render reads them without running
it). Before the notebooks start, the render runs every per-document stage that the notebooks to
run ask for, on the whole corpus, on all cores, into the analysis store
(:mod:`xivn.runner.store`), with the data files their parameters name; each kernel then finds its
tables there (its own documents, whatever scope it keeps, by their digests) and computes only the
corpus-wide steps. Without a store, each notebook computes its tables itself, as before.

The store folder is the ``store`` given to :func:`xivn.report.render`, else ``XIVN_STORE``, else
``xivn/store`` in the user's cache folder (``$XDG_CACHE_HOME``, default ``~/.cache``). It is a
cache: delete it at any time.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from xivn.report.parameters import names_a_file, notebook_parameters
from xivn.runner.registry import REPLACEABLE_FILES, stage
from xivn.runner.store import STORE_VARIABLE

if TYPE_CHECKING:  # pragma: no cover
    from xivn.corpus.corpus import Corpus

RUNNER_CALL = "run_stages"
"""The function whose calls in a notebook's code name the stages it reads."""


def default_store() -> Path:
    """The store of a render given none: ``XIVN_STORE`` when set, else ``xivn/store`` in the user's cache."""
    named = os.environ.get(STORE_VARIABLE)
    if named:
        return Path(named).expanduser().resolve()
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return (Path(cache).expanduser() / "xivn" / "store").resolve()


def render_store(store: str | os.PathLike[str] | bool | None) -> Path | None:
    """The store folder of a render: a path as given, :func:`default_store` for None or True, no store for False."""
    if store is False:
        return None
    if store is None or store is True:
        return default_store()
    return Path(store).expanduser().resolve()


def notebook_stages(notebook: str | Path) -> list[str]:
    """The per-document stages a notebook's code asks :func:`~xivn.runner.run_stages` for (the
    stage names written as a list of strings in each call), in the order they first appear."""
    import nbformat

    names: dict[str, None] = {}
    for cell in nbformat.read(Path(notebook), as_version=4).cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:  # IPython magics: such a cell names no stage
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called_name(node.func) == RUNNER_CALL:
                names.update(dict.fromkeys(_listed_names(node)))
    return [name for name in names if stage(name).per_document]


def parameter_files(notebooks: Sequence[Path], injected: Mapping[Path, Mapping[str, Any]]) -> dict[str, str]:
    """The data files the notebooks' stages read in place of the shipped ones: for each data-file
    parameter whose default is a replaceable shipped file (``frames_file = "frames.toml"``), the
    value injected for it (paths are made absolute by the render)."""
    files: dict[str, str] = {}
    for notebook in notebooks:
        for name, parameter in notebook_parameters(notebook).items():
            if names_a_file(name) and parameter.default in REPLACEABLE_FILES and name in injected[notebook]:
                files[parameter.default] = str(injected[notebook][name])
    return files


def fill_store(
    corpus: Corpus,
    names: Sequence[str],
    files: Mapping[str, str],
    store: Path,
    *,
    progress: TextIO | None = None,
) -> dict[str, Any]:
    """Run the per-document stages ``names`` on the whole corpus into ``store`` (on all cores for
    a large corpus); returns what the run did, for the provenance stamp."""
    from xivn.runner import run_stages

    if progress:
        print(f"xivn render: analysing once into the store: {', '.join(names)}", file=progress, flush=True)
    run_stages(corpus, list(names), store=store, files=files, progress=progress)
    return {"stages": list(names), "files": dict(sorted(files.items()))}


def _called_name(function: ast.expr) -> str:
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def _listed_names(call: ast.Call) -> list[str]:
    """The stage names a ``run_stages(corpus, [...])`` call writes out (second argument or ``names=``)."""
    given = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "names"), None)
    if not isinstance(given, ast.List | ast.Tuple):
        return []
    return [item.value for item in given.elts if isinstance(item, ast.Constant) and isinstance(item.value, str)]
