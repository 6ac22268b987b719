"""The ``xivn`` command: a thin layer over the Python API.

Errors a user can cause are printed as one line (``xivn: error: ...``) with exit status 2, never
as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``xivn`` command."""
    parser = argparse.ArgumentParser(prog="xivn", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    show = commands.add_parser("corpus", help="load a corpus folder and print its documents table")
    show.add_argument("path", nargs="?", default=None, help="corpus folder (default: the bundled seeds)")

    render = commands.add_parser("render", help="execute the report notebooks and write HTML")
    render.add_argument("--corpus", default=None, help="corpus folder (default: the bundled seeds)")
    render.add_argument("--out", default="report", help="output folder (default: ./report)")
    render.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"))
    render.add_argument("--only", action="append", default=[], help="render only this notebook (by stem)")

    execute = commands.add_parser("execute", help="execute notebooks in place, outputs kept (for committing)")
    execute.add_argument("notebooks", nargs="+", help="notebook files")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    from xivn.errors import XivnError

    args = build_parser().parse_args(argv)
    try:
        if args.command == "corpus":
            return _corpus(args.path)
        if args.command == "execute":
            return _execute(args.notebooks)
        return _render(args)
    except XivnError as exc:
        print(f"xivn: error: {exc}", file=sys.stderr)
        return 2


def _corpus(path: str | None) -> int:
    from xivn.corpus import load_corpus

    corpus = load_corpus(path)
    columns = ["doc_id", "label", "n_chars", "n_words", "date", "genre"]
    print(corpus.documents[columns].to_string(index=False))
    return 0


def _render(args: argparse.Namespace) -> int:
    from xivn.report import render

    pages = render(args.out, corpus_dir=args.corpus, parameters=dict(args.parameter), only=args.only)
    for page in pages:
        print(page)
    return 0


def _execute(notebooks: Sequence[str]) -> int:
    from xivn.report import execute_in_place

    for notebook in notebooks:
        execute_in_place(notebook)
        print(f"executed {notebook}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
