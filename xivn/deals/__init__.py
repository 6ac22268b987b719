"""Deals: what was signed, agreed, pledged, expected, proposed, urged, denied or left out, between whom, and the
deal counts against the official one.

- :mod:`~xivn.deals.taxonomy` — the deal taxonomy and cue files (``data/deal_taxonomy.toml``, ``data/deal_cues.toml``);
- :mod:`~xivn.deals.status` — the status rules (signed, agreed, pledged, expected, proposed, urged, denied, absent);
- :mod:`~xivn.deals.parties` — who a deal is between, read from the text (``data/deal_parties.toml``), and
  the event's pair as mentions label it (:func:`event_parties`);
- :mod:`~xivn.deals.mentions` — :func:`deal_mentions` and the coverage, outcome and package tables;
- :mod:`~xivn.deals.counts` — number claims ("dozens of deals", "36 agreements") and their reconciliation
  with the official count of the event profile's ``[outcomes]``;
- :mod:`~xivn.deals.selection` — the rows and shapes the notebook shows (pure table-to-table functions);
- :mod:`~xivn.deals.prose` and :mod:`~xivn.deals.plots` — the notebook's sentences and charts
  (``deals.prose.bottom_line``, ``deals.plots.coverage_heatmap``);
- :mod:`~xivn.deals.tables` — its tables as shown (labelled, explained columns, whole sentences);
- :mod:`~xivn.deals.stages` — the stages offered to the runner.
"""

from xivn.deals import plots as plots  # the notebook reaches deals.plots and deals.prose
from xivn.deals import prose as prose
from xivn.deals import tables as tables
from xivn.deals.counts import count_conflicts, deal_counts, reference_counts
from xivn.deals.mentions import deal_coverage, deal_mentions, deal_outcomes, pair_mentions, partner_packages
from xivn.deals.parties import event_parties
from xivn.deals.selection import (
    anticipated_evidence,
    count_evidence,
    doubtful_mentions,
    impossible_pairs,
    own_mentions,
    parties_summary,
    reported_items,
    shared_sectors,
    shown_coverage,
    signed_by_sector,
    signed_packages,
    status_by_category,
)
from xivn.deals.taxonomy import load_deal_cues, load_taxonomy

__all__ = [
    "anticipated_evidence",
    "count_conflicts",
    "count_evidence",
    "deal_counts",
    "deal_coverage",
    "deal_mentions",
    "deal_outcomes",
    "doubtful_mentions",
    "event_parties",
    "impossible_pairs",
    "load_deal_cues",
    "load_taxonomy",
    "own_mentions",
    "pair_mentions",
    "parties_summary",
    "partner_packages",
    "reference_counts",
    "reported_items",
    "shared_sectors",
    "shown_coverage",
    "signed_by_sector",
    "signed_packages",
    "status_by_category",
]
