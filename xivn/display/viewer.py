"""See where a record comes from: a document rendered with its structure and records marked in place.

:func:`show` draws one document paragraph by paragraph, each with its kind in the margin and page
chrome greyed, and marks the spans of any number of *layers*. A layer is any table with ``doc_id``,
``start`` and ``end`` (offsets into the raw text) and a label column naming the record; analyses
pass their own tables in, so this module knows no analysis::

    xivn.show(corpus, "004_7f647e3ecafc4dc6", layers={"trade figure": figures, "deal": deals})

The result is plain HTML with inline CSS, every piece of corpus text escaped, and no script or
widget state, so it looks the same in JupyterLab, in the static report and under nbval (the output
is deterministic). Overlapping spans are split into segments; a segment covered by several records
takes the colour of the first layer, is underlined in the next one's and lists every record in its
tooltip.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from xivn.corpus.schema import PROVENANCE
from xivn.errors import LayerError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from xivn.corpus.corpus import Corpus

# Light tints that keep black text readable, distinguishable with common colour-vision deficiencies.
PALETTE = ("#fde68a", "#bfdbfe", "#bbf7d0", "#fbcfe8", "#ddd6fe", "#fed7aa")
UNDERLINE = ("#b45309", "#1d4ed8", "#15803d", "#be185d", "#6d28d9", "#c2410c")
NOT_LABELS = frozenset({*PROVENANCE, "sent_id", "par_id"})
BOX_STYLE = "font:14px/1.55 system-ui,sans-serif;color:#1a1a1a;max-width:58em"
TEXT_STYLE = "max-height:36em;overflow-y:auto;border:1px solid #ddd;padding:.4em .6em"
ROW_STYLE = "display:grid;grid-template-columns:7.5em 1fr;gap:.6em;margin:0 0 .45em 0"
KIND_STYLE = "font-size:11px;color:#777;text-align:right;padding-top:.2em"
CHROME_STYLE = "color:#9a9a9a"


@dataclass(frozen=True)
class Span:
    """A marked record: offsets, the layer it belongs to (index into the layers) and its tooltip."""

    start: int
    end: int
    layer: int
    tooltip: str


@dataclass(frozen=True)
class DocumentView:
    """A rendered document: ``_repr_html_`` gives the HTML, ``repr`` a one-line summary."""

    doc_id: str
    label: str
    html: str
    summary: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.summary


def show(
    corpus: Corpus,
    doc_id: str,
    layers: Mapping[str, pd.DataFrame] | None = None,
    *,
    label_columns: Mapping[str, str] | None = None,
) -> DocumentView:
    """Render ``doc_id`` with its paragraphs (kinds in the margin, chrome greyed) and layers marked.

    ``layers`` maps a layer name to a table with ``doc_id``, ``start``, ``end`` and a label column:
    ``label_columns[name]`` when given, else ``label``, else the first column that is not a
    provenance column (``doc_id``, ``start``, ``end``, ``quote``, ``sent_id``, ``par_id``). Rows of
    other documents are ignored. Raises :class:`~xivn.errors.LayerError` for a missing column or
    offsets outside the document, and :class:`~xivn.errors.CorpusError` for an unknown ``doc_id``.
    """
    text = corpus.text(doc_id)
    label = corpus.labels().get(doc_id, doc_id)
    layers = dict(layers or {})
    spans = [
        span
        for number, (name, table) in enumerate(layers.items())
        for span in _layer_spans(name, number, table, doc_id, len(text), (label_columns or {}).get(name))
    ]
    paragraphs = corpus.paragraphs[corpus.paragraphs["doc_id"] == doc_id]
    rows = [
        _paragraph_html(text, row.start, row.end, row.kind, row.is_chrome, row.par_id, spans)
        for row in paragraphs.itertuples(index=False)
    ]
    counts = [sum(span.layer == number for span in spans) for number in range(len(layers))]
    legend = "".join(
        f'<span style="background:{PALETTE[n % len(PALETTE)]};padding:0 .35em;margin-right:.6em">'
        f"{escape(name)} ({_spans(counts[n])})</span>"
        for n, name in enumerate(layers)
    )
    n_chrome = int(paragraphs["is_chrome"].sum())
    heading = (
        f"<div><strong>{escape(label)}</strong> <code>{escape(doc_id)}</code> · {len(paragraphs)} paragraphs, "
        f'<span style="{CHROME_STYLE}">{n_chrome} of them page chrome (grey)</span></div>'
    )
    html = (
        f'<div class="xivn-document" style="{BOX_STYLE}">{heading}'
        f'<div style="margin:.3em 0">{legend}</div>'
        f'<div style="{TEXT_STYLE}">{"".join(rows)}</div></div>'
    )
    marked = ", ".join(f"{name}: {_spans(count)}" for name, count in zip(layers, counts, strict=True))
    summary = f"{doc_id} ({label}): {len(paragraphs)} paragraphs, {n_chrome} chrome" + (f"; {marked}" if marked else "")
    return DocumentView(doc_id=doc_id, label=label, html=html, summary=summary)


def _spans(count: int) -> str:
    return f"{count} span" if count == 1 else f"{count} spans"


def _layer_spans(
    name: str, number: int, table: pd.DataFrame, doc_id: str, length: int, label_column: str | None
) -> list[Span]:
    missing = [column for column in ("doc_id", "start", "end") if column not in table.columns]
    if missing:
        raise LayerError(f"layer {name!r} lacks column(s) {', '.join(missing)} (has: {', '.join(map(str, table))})")
    if label_column is None:
        candidates = [column for column in table.columns if column not in NOT_LABELS]
        label_column = "label" if "label" in table.columns else (candidates[0] if candidates else None)
    elif label_column not in table.columns:
        raise LayerError(f"layer {name!r} has no label column {label_column!r}")
    rows = table[table["doc_id"] == doc_id]
    spans = []
    for index, row in zip(rows.index, rows.to_dict("records"), strict=True):
        start, end = int(row["start"]), int(row["end"])
        if not 0 <= start <= end <= length:
            raise LayerError(f"layer {name!r}, row {index}: offsets {start}:{end} outside {doc_id!r} ({length} chars)")
        value = row[label_column] if label_column is not None else ""
        tooltip = f"{name}: {value}" if str(value) not in ("", "nan", "None") else name
        if end > start:
            spans.append(Span(start, end, number, tooltip))
    return sorted(spans, key=lambda span: (span.start, -span.end, span.layer))


def _paragraph_html(text: str, start: int, end: int, kind: str, is_chrome: bool, par_id: int, spans: list[Span]) -> str:
    inside = [span for span in spans if span.start < end and span.end > start]
    cuts = sorted({start, end, *(max(s.start, start) for s in inside), *(min(s.end, end) for s in inside)})
    pieces = []
    for left, right in itertools.pairwise(cuts):
        words = escape(text[left:right])
        covering = sorted((s for s in inside if s.start <= left and s.end >= right), key=lambda s: s.layer)
        if covering:
            pieces.append(_mark(words, covering))
        else:
            pieces.append(words)
    style = f"white-space:pre-wrap;{CHROME_STYLE if is_chrome else ''}"
    where = f"paragraph {par_id} · {kind}{' (page chrome)' if is_chrome else ''} · characters {start}–{end}"
    return (
        f'<div style="{ROW_STYLE}" title="{escape(where)}"><div style="{KIND_STYLE}">{escape(kind)}</div>'
        f'<div style="{style}">{"".join(pieces)}</div></div>'
    )


def _mark(words: str, covering: list[Span]) -> str:
    first = covering[0].layer
    style = f"background:{PALETTE[first % len(PALETTE)]};color:inherit;padding:0"
    others = [span.layer for span in covering if span.layer != first]
    if others:
        style += f";box-shadow:inset 0 -3px 0 {UNDERLINE[others[0] % len(UNDERLINE)]}"
    tooltip = "\n".join(dict.fromkeys(span.tooltip for span in covering))
    return f'<mark style="{style}" title="{escape(tooltip)}">{words}</mark>'
