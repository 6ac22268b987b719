"""Deals: what was signed, expected, proposed, urged or left out, and the deal counts against the official one.

- :mod:`~xivn.deals.taxonomy` — the deal taxonomy and cue files (``data/deal_taxonomy.toml``, ``data/deal_cues.toml``);
- :mod:`~xivn.deals.status` — the status rules (signed, expected, proposed, urged, denied);
- :mod:`~xivn.deals.mentions` — :func:`deal_mentions` and the coverage, outcome and package tables;
- :mod:`~xivn.deals.counts` — number claims ("dozens of deals", "36 agreements") and their reconciliation;
- :mod:`~xivn.deals.stages` — the stages offered to the runner.
"""

from xivn.deals.counts import count_conflicts, deal_counts, reference_counts
from xivn.deals.mentions import deal_coverage, deal_mentions, deal_outcomes, partner_packages
from xivn.deals.taxonomy import load_deal_cues, load_taxonomy

__all__ = [
    "count_conflicts",
    "deal_counts",
    "deal_coverage",
    "deal_mentions",
    "deal_outcomes",
    "load_deal_cues",
    "load_taxonomy",
    "partner_packages",
    "reference_counts",
]
