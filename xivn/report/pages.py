"""The report's pages: a static HTML page per executed notebook and the index with the run's stamp.

Pages carry no scripts: nothing is fetched from the network and nothing runs when they open, and
every piece of text from a notebook or the corpus is escaped (outputs were escaped when made).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STAMP_FILE = "provenance.json"


def write_html_pages(executed: Path) -> tuple[Path, Path]:
    """Write ``NAME.html`` (outputs only, for readers) and ``NAME.code.html`` beside an executed
    notebook; both are static pages with no scripts, linking to each other and to ``index.html``."""
    import nbformat
    from nbconvert import HTMLExporter

    notebook = _neutralised(nbformat.read(executed, as_version=4))
    reader, code = executed.with_suffix(".html"), executed.with_suffix(".code.html")
    for page, hide_code, other in (
        (reader, True, ("with code", code.name)),
        (code, False, ("without code", reader.name)),
    ):
        exporter = HTMLExporter(
            template_name="lab",
            template_file="report.html.j2",
            extra_template_paths=[str(TEMPLATES_DIR)],
            exclude_input=hide_code,
            exclude_input_prompt=hide_code,
            exclude_output_prompt=hide_code,
        )
        links = [("report index", "index.html"), other, ("notebook", executed.name)]
        body, _ = exporter.from_notebook_node(notebook, resources={"xivn_links": links})
        page.write_text(body, encoding="utf-8")
    return reader, code


def _neutralised(notebook):
    """The notebook with every Markdown output passed through ``neutralise_markdown``: whatever a
    notebook's code did, corpus text in its prose never becomes HTML in the report."""
    from xivn.display.escaping import neutralise_markdown

    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/markdown" in data:
                data["text/markdown"] = neutralise_markdown(data["text/markdown"])
    return notebook


def notebook_title(notebook: Path) -> str:
    """The notebook's title: the first Markdown heading, else its file name."""
    import nbformat

    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return notebook.stem


def _href(name: str) -> str:
    return escape(quote(name))


REUSED = " (reused: unchanged since the last report)"


def write_index(folder: Path, notebooks: list[Path], seconds: Mapping[str, float], stamp: Mapping[str, Any]) -> None:
    """Write ``index.html`` (links to every page, run times, the provenance stamp) and ``provenance.json``."""
    (folder / STAMP_FILE).write_text(json.dumps(stamp, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    rows = "".join(
        f'<tr><td><a href="{_href(nb.stem)}.html">{escape(notebook_title(nb))}</a></td>'
        f'<td><a href="{_href(nb.stem)}.code.html">with code</a></td>'
        f'<td><a href="{_href(nb.name)}">{escape(nb.name)}</a></td><td>{seconds[nb.stem]:.1f} s'
        f"{REUSED if stamp.get('notebooks', {}).get(nb.stem, {}).get('reused') else ''}</td></tr>"
        for nb in notebooks
    )
    corpus = stamp["corpus"]
    facts = {
        "Date (UTC)": stamp["date"],
        "xivn version": stamp["xivn_version"],
        "Git commit": stamp["git_commit"] or "none (not a git work tree)",
        "Corpus folder": corpus["folder"],
        "Corpus SHA-256": corpus["sha256"],
        "Documents": corpus["documents"],
        "Parameters": ", ".join(f"{k} = {v!r}" for k, v in sorted(stamp["parameters"].items())) or "defaults",
        **stamp["packages"],
    }
    table = "".join(
        f"<tr><th>{escape(str(k))}</th><td><code>{escape(str(v))}</code></td></tr>" for k, v in facts.items()
    )
    page = INDEX_PAGE.format(rows=rows, provenance=table, stamp_file=STAMP_FILE)
    (folder / "index.html").write_text(page, encoding="utf-8")


INDEX_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>xivn report</title>
<style>
body {{ font: 15px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 60em; margin: 2em auto; padding: 0 1em; }}
table {{ border-collapse: collapse; margin: .5em 0 1.5em; }}
th, td {{ text-align: left; padding: .25em .8em .25em 0; border-bottom: 1px solid #e5e5e5; vertical-align: top; }}
th {{ font-weight: 600; }}
code {{ font-size: 13px; word-break: break-all; }}
</style>
</head>
<body>
<h1>xivn report</h1>
<p>News coverage of Xi Jinping's state visit to Vietnam, 12–13 December 2023. Each notebook is shown
for readers (outputs only) and with its code; the executed notebooks open in JupyterLab.</p>
<h2>Notebooks</h2>
<table>
<tr><th>Question</th><th>Code</th><th>Executed notebook</th><th>Run time</th></tr>
{rows}
</table>
<h2>Provenance of this run</h2>
<table>
{provenance}
</table>
<p>The same stamp, machine-readable: <a href="{stamp_file}">{stamp_file}</a>.</p>
</body>
</html>
"""
