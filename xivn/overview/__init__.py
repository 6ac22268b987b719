"""The corpus overview: what is in a corpus and how much of each page is chrome.

- :mod:`~xivn.overview.tables` — composition per document, paragraph kinds, syndication groups, the provenance example;
- :mod:`~xivn.overview.shown` — those tables as a reader sees them (labels, counts, percentages, whole descriptions);
- :mod:`~xivn.overview.prose` — the notebook's computed sentences (bottom line, dates, chrome,
  languages and copies, the quote);
- :mod:`~xivn.overview.plots` — the chart of article text against page chrome.
"""

from xivn.overview.plots import composition_chart
from xivn.overview.prose import (
    bottom_line,
    chrome_kinds_sentence,
    chrome_sentence,
    dates_sentence,
    languages_and_copies,
    quote_sentence,
    scope_sentence,
)
from xivn.overview.shown import (
    composition_table,
    documents_table,
    example_table,
    kind_counts_table,
    paragraph_kinds_table,
    scope_shown,
    syndication_groups_table,
)
from xivn.overview.tables import (
    chrome_kind_counts,
    composition,
    composition_chart_rows,
    kind_counts,
    provenance_example,
    provenance_layer,
    syndication_table,
    with_timing,
)

__all__ = [
    "bottom_line",
    "chrome_kind_counts",
    "chrome_kinds_sentence",
    "chrome_sentence",
    "composition",
    "composition_chart",
    "composition_chart_rows",
    "composition_table",
    "dates_sentence",
    "documents_table",
    "example_table",
    "kind_counts",
    "kind_counts_table",
    "languages_and_copies",
    "paragraph_kinds_table",
    "provenance_example",
    "provenance_layer",
    "quote_sentence",
    "scope_sentence",
    "scope_shown",
    "syndication_groups_table",
    "syndication_table",
    "with_timing",
]
