"""Deals: what was signed, expected, proposed, urged or left out, and the deal counts against the official one.

- :mod:`~xivn.deals.taxonomy` — the deal taxonomy and cue files (``data/deal_taxonomy.toml``, ``data/deal_cues.toml``);
- :mod:`~xivn.deals.status` — the status rules (signed, expected, proposed, urged, denied);
- :mod:`~xivn.deals.mentions` — :func:`deal_mentions` and the coverage, outcome and package tables;
- :mod:`~xivn.deals.counts` — number claims ("dozens of deals", "36 agreements") and their reconciliation;
- :mod:`~xivn.deals.selection` — the rows and shapes the notebook shows (pure table-to-table functions);
- :mod:`~xivn.deals.prose` and :mod:`~xivn.deals.plots` — the notebook's sentences and charts
  (imported on first use: ``xivn.deals.prose``);
- :mod:`~xivn.deals.stages` — the stages offered to the runner.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from xivn.deals.counts import count_conflicts, deal_counts, reference_counts
from xivn.deals.mentions import deal_coverage, deal_mentions, deal_outcomes, partner_packages
from xivn.deals.selection import (
    anticipated_evidence,
    count_evidence,
    doubtful_mentions,
    impossible_pairs,
    own_mentions,
    shared_sectors,
    shown_coverage,
    signed_by_sector,
    signed_packages,
    status_by_category,
)
from xivn.deals.taxonomy import load_deal_cues, load_taxonomy

if TYPE_CHECKING:  # pragma: no cover
    from xivn.deals import plots, prose  # noqa: F401  (reached through __getattr__)

_LAZY_MODULES = ("plots", "prose")
"""Modules reachable as attributes without an import (they load IPython and matplotlib helpers)."""

__all__ = [
    "anticipated_evidence",
    "count_conflicts",
    "count_evidence",
    "deal_counts",
    "deal_coverage",
    "deal_mentions",
    "deal_outcomes",
    "doubtful_mentions",
    "impossible_pairs",
    "load_deal_cues",
    "load_taxonomy",
    "own_mentions",
    "partner_packages",
    "reference_counts",
    "shared_sectors",
    "shown_coverage",
    "signed_by_sector",
    "signed_packages",
    "status_by_category",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:
        return import_module(f"xivn.deals.{name}")
    raise AttributeError(f"module 'xivn.deals' has no attribute {name!r}")
