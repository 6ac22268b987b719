"""Tables a reader can trust at a glance: labelled columns, formatted values, missing values as words.

A notebook shows a result table through :func:`table` instead of the raw DataFrame. Each column
named in ``columns`` gets a readable header, a :class:`Column` kind that decides how its values
read (``"count"`` → "1,204", ``"percent"`` → "12.2%", ``"usd_bn"`` → "$60.17bn", ``"quote"`` → the
whole sentence, wrapped), and an optional note explaining it, listed under the table and shown as
the header's tooltip. Missing cells read as a word ("not stated" …) instead of ``NaN`` or
``<NA>``, no pandas index is shown, no cell is cut, and wide tables scroll inside their box.

The HTML carries the classes MathJax skips, so two ``$`` amounts in one table never become maths in
JupyterLab; every cell is HTML-escaped (corpus text is shown as the characters it is).
The raw numbers stay available as :attr:`Table.data` for anyone who wants to compute with them.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from xivn.display.escaping import NO_MATHS
from xivn.display.wording import document_label, is_missing

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

KINDS = ("text", "quote", "count", "number", "percent", "signed_percent", "usd_bn", "year", "flag", "list")
"""How a column's values read; see :func:`format_value`."""

STYLE = (
    "<style>.xivn-table{overflow-x:auto;max-width:100%}"
    ".xivn-table table{border-collapse:collapse;font-size:0.85em;width:auto}"
    "div.xivn-table.xivn-table th,div.xivn-table.xivn-table td{padding:0.2em 0.45em;text-align:left;vertical-align:top;"
    "border-bottom:1px solid #ddd;white-space:normal;overflow-wrap:break-word;word-break:normal}"
    "div.xivn-table.xivn-table td.num{text-align:right;white-space:nowrap}"
    "div.xivn-table.xivn-table td.quote{min-width:14em;max-width:36em}"
    ".xivn-table .notes{font-size:0.85em;color:#555;margin:0.3em 0 0}</style>"
)


@dataclass(frozen=True)
class Column:
    """How one column is shown: its header ``label``, its ``kind`` (one of :data:`KINDS`), a ``note``
    that explains it (under the table and as the header's tooltip), the word for a ``missing``
    cell, and the ``digits`` after the point for numbers, percentages and amounts."""

    label: str
    kind: str = "text"
    note: str = ""
    missing: str = "—"
    digits: int = 1

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}; expected one of {', '.join(KINDS)}")


def format_value(value: Any, kind: str = "text", *, digits: int = 1, missing: str = "—") -> str:
    """One cell as a reader reads it.

    ``count`` 1204 → "1,204"; ``number`` 5116.27907 → "5,116.3" (whole numbers without a point);
    ``percent`` 0.1222 → "12.2%"; ``signed_percent`` → "+12.2%"; ``usd_bn`` 60.17 → "$60.17bn"
    (``digits`` at least 2); ``year`` 2022.0 → "2022"; ``flag`` → "yes"/"no"; ``list`` → "a, b";
    ``text`` and ``quote`` as written. Missing values (None, NaN, ``pd.NA``), infinities and empty
    lists read as ``missing``.
    """
    if kind == "list" and isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(item) for item in value) or missing
    if is_missing(value) or (isinstance(value, float) and math.isinf(value)) or value == "":
        return missing
    if kind in ("text", "quote", "list"):
        return str(value)
    if kind == "flag":
        return "yes" if bool(value) else "no"
    number = float(value)
    if kind == "count":
        return f"{round(number):,}"
    if kind == "year":
        return str(round(number))
    if kind == "percent":
        return f"{number:,.{digits}%}"
    if kind == "signed_percent":
        return f"{number:+,.{digits}%}".replace("-", "−")
    if kind == "usd_bn":
        sign = "−" if number < 0 else ""
        return f"{sign}${abs(number):,.{max(digits, 2)}f}bn"
    if number.is_integer():
        return f"{round(number):,}"
    return f"{number:,.{digits}f}"


class Table:
    """A result table ready to show: formatted strings in :attr:`shown`, the raw rows in
    :attr:`data`. Renders as HTML in notebooks and as aligned text elsewhere (and in nbval)."""

    def __init__(self, data: pd.DataFrame, columns: Mapping[str, Column], *, caption: str = "") -> None:
        import pandas as pd

        missing = [name for name in columns if name not in data.columns]
        if missing:
            raise KeyError(f"table columns not in the data: {', '.join(missing)}")
        self.data = data.reset_index(drop=True)
        self.columns = dict(columns)
        self.caption = caption
        self.shown = pd.DataFrame(
            {
                spec.label: [
                    format_value(value, spec.kind, digits=spec.digits, missing=spec.missing)
                    for value in self.data[name]
                ]
                for name, spec in self.columns.items()
            },
            dtype=object,
        )

    def __len__(self) -> int:
        return len(self.data)

    def notes(self) -> list[str]:
        """ "Label: note" for every column that has a note, in column order."""
        return [f"{spec.label}: {spec.note}" for spec in self.columns.values() if spec.note]

    def __repr__(self) -> str:
        empty = "(no rows) " + " | ".join(self.shown.columns)
        body = empty if self.shown.empty else self.shown.to_string(index=False)
        lines = [self.caption] if self.caption else []
        return "\n".join([*lines, body, *self.notes()])

    def _repr_html_(self) -> str:
        escape = html.escape
        head = "".join(f'<th title="{escape(spec.note)}">{escape(spec.label)}</th>' for spec in self.columns.values())
        classes = [
            "num" if spec.kind not in ("text", "quote", "list", "flag") else spec.kind for spec in self.columns.values()
        ]
        cells = (zip(classes, row, strict=True) for row in self.shown.itertuples(index=False))
        rows = "".join(
            "<tr>" + "".join(f'<td class="{cls}">{escape(cell)}</td>' for cls, cell in row) + "</tr>" for row in cells
        )
        if not rows:
            rows = f'<tr><td colspan="{len(classes)}">no rows</td></tr>'
        caption = f"<caption>{escape(self.caption)}</caption>" if self.caption else ""
        notes = "; ".join(escape(note) for note in self.notes())
        notes_html = f'<p class="notes">{notes}</p>' if notes else ""
        return (
            f'{STYLE}<div class="xivn-table {NO_MATHS}"><table>{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>{notes_html}</div>"
        )


def table(data: pd.DataFrame, columns: Mapping[str, Column | str], *, caption: str = "") -> Table:
    """The rows of ``data`` shown with ``columns`` (name in ``data`` → :class:`Column`, or just a
    header label for a text column), in that order; other columns are left out of the view."""
    specs = {name: spec if isinstance(spec, Column) else Column(spec) for name, spec in columns.items()}
    return Table(data, specs, caption=caption)


def with_labels(frame: pd.DataFrame, labels: Mapping[str, Any], *columns: str) -> pd.DataFrame:
    """``frame`` with a ``<column>_label`` beside each doc-id column: the document's label, its id
    when it has none (:func:`~xivn.display.wording.document_label`), missing where the id is."""
    named = {
        f"{column}_label": frame[column].map(lambda d: None if is_missing(d) or d == "" else document_label(labels, d))
        for column in columns
    }
    return frame.assign(**named)
