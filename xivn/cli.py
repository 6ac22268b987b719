"""The ``xivn`` command: a thin layer over the Python API.

Errors a user can cause, including mistakes in the arguments, are printed as one line
(``xivn: error: ...``) with exit status 2, never as a traceback; warnings too are one line
(``xivn: warning: ...``). An interrupted command (Ctrl-C) prints one line and exits with status
130; one stopped with SIGTERM (``kill``, a job scheduler) is stopped the same way, cleanly, and
exits with status 143.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from xivn.errors import CorpusError, XivnError, shown
from xivn.report.parameters import CELL_TIMEOUT_SECONDS

CORPUS_INPUTS = "corpus folder (.txt, .md, .html), export (.csv, .jsonl, .parquet) or web archive (.warc, .warc.gz)"
DOCUMENT_COLUMNS = ["doc_id", "label", "format", "n_words", "date", "date_source", "outlet", "language"]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, like every other error of the command."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"xivn: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``xivn`` command."""
    parser = _Parser(prog="xivn", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    show = commands.add_parser(
        "corpus",
        help="load a corpus and print its documents, syndication groups and rejected input",
        description="Load a corpus and print its documents table, its syndication groups (copies of the "
        "same article) and the input that did not become a document.",
    )
    show.add_argument("path", nargs="?", default=None, help=f"{CORPUS_INPUTS} (default: the bundled seeds)")
    show.add_argument("--text-column", default=None, help="the column of an export that holds the text")

    render = commands.add_parser(
        "render",
        help="run the report notebooks in parallel and write executed notebooks, HTML pages and an index",
        description="Run every notebook with papermill and write NAME.ipynb, NAME.html (outputs only), "
        "NAME.code.html and index.html (with the run's provenance) into the output folder, which is "
        "replaced only when every notebook ran.",
    )
    render.add_argument("--corpus", default=None, help=f"{CORPUS_INPUTS} (default: the bundled seeds)")
    render.add_argument("--out", default="report", help="output folder (default: ./report)")
    render.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="set a notebook parameter (see `xivn parameters`); passed to the notebooks that declare it",
    )
    render.add_argument("--only", action="append", default=[], help="render only this notebook (by stem); repeatable")
    render.add_argument("--jobs", type=int, default=None, help="notebooks run at once (default: number of cores)")
    render.add_argument(
        "--timeout", type=int, default=CELL_TIMEOUT_SECONDS, help="seconds a cell may run (default: %(default)s)"
    )
    stores = render.add_mutually_exclusive_group()
    stores.add_argument(
        "--store",
        default=None,
        metavar="DIR",
        help="analysis store the stages run into once and the notebooks read from "
        "(default: $XIVN_STORE, else xivn/store in the user's cache folder); a cache, delete it at any time",
    )
    stores.add_argument(
        "--no-store", action="store_true", help="use no analysis store: each notebook computes its own tables"
    )
    render.add_argument(
        "--force",
        nargs="*",
        default=None,
        metavar="NAME",
        help="run notebooks again even when nothing they read changed since the report in --out "
        "(no NAME: every notebook; else the notebooks named by stem)",
    )

    commands.add_parser("parameters", help="list the parameters of every report notebook")

    execute = commands.add_parser("execute", help="execute notebooks in place, outputs kept (for committing)")
    execute.add_argument("notebooks", nargs="+", help="notebook files")
    return parser


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would be, so that it stops the work the same clean way."""


def _terminate(signum: int, frame: object) -> NoReturn:
    raise _Terminated


def _print_warning(message: Warning | str, *_: object, **__: object) -> None:
    """``warnings.showwarning`` for the command: the message alone, on one line."""
    print(f"xivn: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main_thread else None
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _print_warning
            return _run(args)
    except XivnError as exc:
        print(f"xivn: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        word, status = ("terminated", 143) if isinstance(exc, _Terminated) else ("interrupted", 130)
        kept = f"; {args.out} is as it was before the run" if args.command == "render" else ""
        print(f"xivn: {word}{kept}", file=sys.stderr)
        return status
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)


def _check_corpus_path(args: argparse.Namespace) -> None:
    """Report a corpus path that does not exist at once, before pandas and papermill are imported
    (seconds), so a mistyped path is answered in a tenth of a second."""
    given = args.path if args.command == "corpus" else getattr(args, "corpus", None)
    if args.command == "render":
        given = given or dict(args.parameter).get("corpus_dir")
    if given and not Path(given).expanduser().exists():
        raise CorpusError(f"{shown(given)}: corpus folder not found")


def _run(args: argparse.Namespace) -> int:
    _check_corpus_path(args)
    if args.command == "corpus":
        return _corpus(args.path, args.text_column)
    if args.command == "execute":
        return _execute(args.notebooks)
    if args.command == "parameters":
        return _parameters()
    return _render(args)


def _corpus(path: str | None, text_column: str | None) -> int:
    from xivn.corpus.corpus import load_corpus

    corpus = load_corpus(path, text_column=text_column, progress=sys.stderr)
    print(corpus.documents[DOCUMENT_COLUMNS].to_string(index=False))
    groups = corpus.syndication
    print(f"\nSyndication groups: {groups['group_id'].nunique()} ({len(groups)} documents)")
    if not groups.empty:
        print(groups.to_string(index=False))
    rejects = corpus.rejects
    print(f"\nRejected or skipped input: {len(rejects)}")
    if not rejects.empty:
        print(rejects.to_string(index=False))
    return 0


def _render(args: argparse.Namespace) -> int:
    from xivn.errors import ParameterError
    from xivn.report.rendering import render

    names = [name for name, _ in args.parameter]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ParameterError(f"parameter {twice[0]!r} is given more than once")
    pages = render(
        args.out,
        corpus_dir=args.corpus,
        parameters=dict(args.parameter),
        only=args.only,
        jobs=args.jobs,
        timeout=args.timeout,
        progress=sys.stderr,
        force=False if args.force is None else (args.force or True),
        store=False if args.no_store else args.store,
    )
    print(pages[0].parent / "index.html")
    return 0


def _parameters() -> int:
    from xivn.report.parameters import notebook_parameters
    from xivn.report.rendering import report_notebooks

    for notebook in report_notebooks():
        print(notebook.stem)
        for parameter in notebook_parameters(notebook).values():
            print(f"  {parameter.name}: {parameter.type} = {parameter.default!r}  # {parameter.help}")
    return 0


def _execute(notebooks: Sequence[str]) -> int:
    from xivn.report.rendering import execute_in_place

    for notebook in notebooks:
        execute_in_place(notebook)
        print(f"executed {notebook}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
