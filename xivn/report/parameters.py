"""Notebook parameters: read a notebook's ``parameters`` cell, and check values against it.

A parameters cell holds one annotated assignment per line, with a comment saying what it is::

    corpus_dir: str = ""  # a folder, an export or a web archive; "" = the bundled seeds
    top_n: int = 10  # how many rows to show

Papermill injects whatever it is given and only warns about a name the notebook does not declare,
so :func:`resolve_parameters` checks every value before anything runs: an unknown name or a value
that does not fit the declared type raises :class:`~xivn.errors.ParameterError` (one line).
Values given as strings (from the command line) are parsed to the declared type.
"""

from __future__ import annotations

import ast
import difflib
import io
import json
import tokenize
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xivn.errors import ParameterError

CELL_TIMEOUT_SECONDS = 600  # how long a notebook cell may run, unless `--timeout` says otherwise

PARAMETERS_TAG = "parameters"
TRUE_WORDS = frozenset({"true", "yes", "1", "on"})
FALSE_WORDS = frozenset({"false", "no", "0", "off"})
SCALARS = ("str", "int", "float", "bool")


@dataclass(frozen=True)
class Parameter:
    """One parameter of a notebook: its name, declared type (as written), default and help text."""

    name: str
    type: str
    default: Any
    help: str


def names_a_file(name: str) -> bool:
    """Whether a parameter's value is a data file (a bare shipped name, or a path): ``event`` and
    every ``<what>_file``."""
    return name == "event" or name.endswith("_file")


def notebook_parameters(notebook: str | Path) -> dict[str, Parameter]:
    """The parameters declared in a notebook's cell tagged ``parameters``, in cell order.

    The type is the annotation as written (``str``, ``int``, ``float``, ``bool``, ``list[str]``,
    ``int | None``…), or the type of the default when there is no annotation; the help is the
    line's trailing comment. A notebook without a parameters cell has none.
    """
    import nbformat

    path = Path(notebook)
    cells = nbformat.read(path, as_version=4).cells
    tagged = [cell for cell in cells if PARAMETERS_TAG in cell.get("metadata", {}).get("tags", [])]
    if not tagged:
        return {}
    return parse_parameters_cell(tagged[0].source, where=path.name)


def parse_parameters_cell(source: str, where: str = "parameters cell") -> dict[str, Parameter]:
    """The parameters declared by the source of a parameters cell (see :func:`notebook_parameters`)."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise ParameterError(
            f"{where}: the parameters cell is not valid Python ({exc.msg}, line {exc.lineno})"
        ) from None
    comments = {
        token.start[0]: token.string.lstrip("#").strip()
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    }
    found: dict[str, Parameter] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name, annotation, value = node.target.id, ast.unparse(node.annotation), node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, annotation, value = node.targets[0].id, "", node.value
        else:
            continue
        try:
            default = ast.literal_eval(value)
        except ValueError:
            raise ParameterError(f"{where}: the default of {name!r} is not a literal value") from None
        found[name] = Parameter(name, annotation or type(default).__name__, default, comments.get(node.end_lineno, ""))
    return found


def parse_value(parameter: Parameter, value: Any) -> Any:
    """``value`` as the parameter's declared type; strings are parsed (``"3"`` -> 3, ``"a,b"`` -> list).

    Raises :class:`~xivn.errors.ParameterError` naming the parameter, the type and the value.
    """
    try:
        return _convert(parameter.type.replace(" ", ""), value)
    except (TypeError, ValueError):
        raise ParameterError(f"parameter {parameter.name!r} expects {parameter.type}, got {value!r}") from None


def _convert(kind: str, value: Any) -> Any:
    optional = kind.endswith("|None") or kind.startswith("None|")
    if optional:
        if value is None or (isinstance(value, str) and value.strip() in ("", "None")):
            return None
        kind = kind.replace("|None", "").replace("None|", "")
    if kind in SCALARS:
        return _scalar(kind, value)
    if kind.startswith(("list[", "tuple[")) and kind.endswith("]"):
        container, item = kind[:-1].split("[", 1)
        return _sequence(container, item.split(",")[0], value)
    if kind in ("list", "tuple"):
        return _sequence(kind, "", value)
    if isinstance(value, str):
        return ast.literal_eval(value)
    return value


def _scalar(kind: str, value: Any) -> Any:
    if kind == "str":
        if not isinstance(value, str):
            raise TypeError(kind)
        return value
    if kind == "bool":
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower() if isinstance(value, str) else None
        if word in TRUE_WORDS | FALSE_WORDS:
            return word in TRUE_WORDS
        raise ValueError(kind)
    if isinstance(value, bool):
        raise TypeError(kind)
    if kind == "int":
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(kind)
        return int(value.strip() if isinstance(value, str) else value)
    if not isinstance(value, str | int | float):
        raise TypeError(kind)
    return float(value)


def _sequence(container: str, item: str, value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        value = json.loads(text) if text.startswith("[") else [part.strip() for part in text.split(",") if part.strip()]
    if not isinstance(value, list | tuple):
        raise TypeError(container)
    items = [_convert(item, element) for element in value] if item else list(value)
    return tuple(items) if container == "tuple" else items


def unknown_parameter_message(name: str, known: Sequence[str]) -> str:
    """The one-line error for a parameter name no notebook declares, suggesting the closest known name.

    A typo (``yeer``) is the usual cause, so the nearest declared name is offered first.
    """
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown parameter {name!r}{hint} (known: {', '.join(known) or 'none'})"


def resolve_parameters(notebooks: Sequence[Path], values: Mapping[str, Any]) -> dict[Path, dict[str, Any]]:
    """The values to inject into each notebook: each value parsed to the type its notebook declares.

    A name must be declared by at least one of ``notebooks``; it is passed only to the notebooks
    that declare it. Raises :class:`~xivn.errors.ParameterError` for an unknown name or a value
    that does not fit, before anything runs.
    """
    declared = {notebook: notebook_parameters(notebook) for notebook in notebooks}
    known = sorted({name for parameters in declared.values() for name in parameters})
    for name in values:
        if name not in known:
            raise ParameterError(unknown_parameter_message(name, known))
    resolved: dict[Path, dict[str, Any]] = {}
    for notebook, parameters in declared.items():
        chosen = {}
        for name, value in values.items():
            if name in parameters:
                try:
                    chosen[name] = parse_value(parameters[name], value)
                except ParameterError as exc:
                    raise ParameterError(f"{exc} (declared in {notebook.name})") from None
        resolved[notebook] = chosen
    return resolved
