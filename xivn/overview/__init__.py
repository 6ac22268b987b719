"""The corpus overview: what is in a corpus and how much of each page is chrome.

- :mod:`~xivn.overview.tables` — composition per document, paragraph kinds, the provenance example.
"""

from xivn.overview.tables import (
    chrome_kind_counts,
    composition,
    composition_chart_rows,
    kind_counts,
    provenance_example,
)

__all__ = ["chrome_kind_counts", "composition", "composition_chart_rows", "kind_counts", "provenance_example"]
