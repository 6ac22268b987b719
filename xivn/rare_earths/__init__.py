"""Rare earths: the claims side by side, checked against USGS, and the rail corridor on a map.

- :mod:`~xivn.rare_earths.claims` — the concordance, claims (``data/rare_earth_claims.toml``), the claim
  matrix, quotes and omissions; the USGS checks (ranks, shares, reserves against production, verdicts
  as of each document's month);
- :mod:`~xivn.rare_earths.reading` — how one sentence is read: its claims, their numbers and countries;
- :mod:`~xivn.rare_earths.quantities` — tonnages and shares with their unit;
- :mod:`~xivn.rare_earths.references` — what the event profile gives: the reference tables, the corridor;
- :mod:`~xivn.rare_earths.corridor` — places, distances to the route and the corridor map (basemap, on use);
- :mod:`~xivn.rare_earths.selection` — which rows and documents the notebook shows;
- :mod:`~xivn.rare_earths.tables` — those tables as a reader sees them (units in headers, missing values as words);
- :mod:`~xivn.rare_earths.prose` — the notebook's computed sentences (bottom line, mentions, omissions, reserves,
  precision of the map, whom the claims are about, what it adds up to);
- :mod:`~xivn.rare_earths.plots` — its charts (the claim chart, reserves by edition, the corridor map);
- :mod:`~xivn.rare_earths.stages` — the stages offered to the runner.
"""

from xivn.rare_earths.claims import (
    check_months,
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
from xivn.rare_earths.plots import claim_chart, corridor_map, reserves_chart
from xivn.rare_earths.prose import (
    bottom_line,
    checks_sentence,
    conclusion,
    map_sentence,
    mentions_sentence,
    omissions_sentence,
    precision_sentence,
    reserves_sentence,
    route_sentence,
    subjects_sentence,
)
from xivn.rare_earths.references import Route, corridor_route
from xivn.rare_earths.selection import (
    for_documents,
    leading_reserves,
    shown_claims,
    shown_documents,
    shown_matrix,
    shown_mentions,
)
from xivn.rare_earths.tables import (
    claim_rows_table,
    claims_table,
    distances_table,
    matrix_table,
    omissions_table,
    places_table,
    quotes_table,
    reserves_production_table,
    reserves_table,
    shown_mentions_table,
    verdicts_table,
)

__all__ = [
    "Route",
    "bottom_line",
    "check_months",
    "checks_sentence",
    "claim_chart",
    "claim_matrix",
    "claim_quotes",
    "claim_rows_table",
    "claims_table",
    "conclusion",
    "concordance",
    "corridor_map",
    "corridor_route",
    "distances_table",
    "distances_to_route",
    "draw_corridor",
    "for_documents",
    "leading_reserves",
    "load_claims",
    "load_places",
    "load_usgs",
    "map_sentence",
    "matrix_table",
    "mentions_sentence",
    "omissions",
    "omissions_sentence",
    "omissions_table",
    "places_table",
    "precision_sentence",
    "production_shares",
    "quotes_table",
    "rare_earth_claims",
    "reserve_ranks",
    "reserves_chart",
    "reserves_production_table",
    "reserves_sentence",
    "reserves_table",
    "reserves_vs_production",
    "route_sentence",
    "shown_claims",
    "shown_documents",
    "shown_matrix",
    "shown_mentions",
    "shown_mentions_table",
    "subjects_sentence",
    "verdicts",
    "verdicts_table",
]
