"""Render the report: execute every notebook with papermill and write it out as HTML.

The output folder is replaced only when every notebook ran: the run writes into a temporary
folder beside it and swaps it in at the end, so a failure never leaves a half-written report.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from xivn.errors import ParameterError, RenderError
from xivn.paths import notebooks_dir
from xivn.reader import corpus_files

CELL_TIMEOUT_SECONDS = 600


def report_notebooks(only: Sequence[str] = ()) -> list[Path]:
    """The notebooks of the report, in file-name order (``only`` filters by stem)."""
    notebooks = sorted(notebooks_dir().glob("*.ipynb"))
    if only:
        known = {nb.stem for nb in notebooks}
        unknown = sorted(set(only) - known)
        if unknown:
            raise ParameterError(f"unknown notebook {unknown[0]!r} (known: {', '.join(sorted(known))})")
        notebooks = [nb for nb in notebooks if nb.stem in only]
    return notebooks


def render(
    out_dir: str | Path,
    *,
    corpus_dir: str | Path | None = None,
    parameters: Mapping[str, Any] | None = None,
    only: Sequence[str] = (),
) -> list[Path]:
    """Execute the report notebooks into ``out_dir`` (notebooks and HTML); return the HTML paths."""
    import papermill

    out = Path(out_dir).expanduser().resolve()
    params = dict(parameters or {})
    if corpus_dir not in (None, ""):
        corpus_files(Path(corpus_dir))  # fails fast, before any kernel starts
        params["corpus_dir"] = str(Path(corpus_dir).expanduser().resolve())
    notebooks = report_notebooks(only)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        pages = []
        for notebook in notebooks:
            executed = staging / notebook.name
            try:
                papermill.execute_notebook(
                    str(notebook),
                    str(executed),
                    parameters=params,
                    cwd=str(notebook.parent),
                    progress_bar=False,
                    execution_timeout=CELL_TIMEOUT_SECONDS,
                )
            except papermill.PapermillExecutionError as exc:
                kept = out.parent / f"{out.name}.failed"
                shutil.rmtree(kept, ignore_errors=True)
                shutil.move(str(staging), kept)
                raise RenderError(
                    f"{notebook.name}: cell {exc.exec_count} failed ({exc.ename}: {exc.evalue}); "
                    f"partial notebook in {kept / notebook.name}"
                ) from None
            pages.append(_to_html(executed))
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
        return [out / page.name for page in pages]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _to_html(notebook: Path) -> Path:
    import nbformat
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(nbformat.read(notebook, as_version=4))
    page = notebook.with_suffix(".html")
    page.write_text(body, encoding="utf-8")
    return page


def execute_in_place(notebook: str | Path) -> None:
    """Execute a notebook top to bottom and save it with its outputs, as committed for nbval.

    Cell timing is not recorded, so the saved file holds no timestamps.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(notebook)
    node = nbformat.read(path, as_version=4)
    NotebookClient(
        node, timeout=CELL_TIMEOUT_SECONDS, record_timing=False, resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    nbformat.write(node, path)
