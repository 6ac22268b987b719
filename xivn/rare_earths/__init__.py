"""Rare earths: the claims side by side, checked against USGS, and the rail corridor on a map.

- :mod:`~xivn.rare_earths.claims` — the concordance, claims (``data/rare_earth_claims.toml``), the claim
  matrix, quotes and omissions; the USGS checks (ranks, shares, reserves against production, verdicts);
- :mod:`~xivn.rare_earths.corridor` — places, distances to the route and the corridor map (basemap, on use);
- :mod:`~xivn.rare_earths.stages` — the stages offered to the runner.
"""

from xivn.rare_earths.claims import (
    as_of_date,
    claim_matrix,
    claim_quotes,
    concordance,
    load_claims,
    load_usgs,
    omissions,
    production_shares,
    rare_earth_claims,
    reserve_ranks,
    reserves_vs_production,
    verdicts,
)
from xivn.rare_earths.corridor import distances_to_route, draw_corridor, load_places

__all__ = [
    "as_of_date",
    "claim_matrix",
    "claim_quotes",
    "concordance",
    "distances_to_route",
    "draw_corridor",
    "load_claims",
    "load_places",
    "load_usgs",
    "omissions",
    "production_shares",
    "rare_earth_claims",
    "reserve_ranks",
    "reserves_vs_production",
    "verdicts",
]
