"""The rare-earth notebook's tables as a reader sees them: labelled columns, units in the headers,
percentages as percentages, missing values as words and no pandas index.

Each function takes the raw table an analysis function returns (which stays available as
:attr:`~xivn.display.tables.Table.data`) and returns a :class:`~xivn.display.tables.Table`.
"""

from __future__ import annotations

import pandas as pd

from xivn.display.tables import Column, Table, table

TEXT = Column("Text", note="the document, by outlet and credit line")
SENTENCE = Column("Sentence", "count", note="the sentence's number in its document, counted from 0")
CLAIM = Column("Claim")
EDITION = Column("USGS edition", note="Mineral Commodity Summaries, with the month it was published")
ON_THE_MAP = {"station": "yes, a station", "deposit": "yes, a deposit"}
NOT_DRAWN = "no: neither a station of the route nor a deposit"


def shown_mentions_table(mentions: pd.DataFrame) -> Table:
    """The concordance rows of :func:`~xivn.rare_earths.selection.shown_mentions`, the words around
    each hit in their own columns."""
    return table(
        mentions,
        {
            "label": TEXT,
            "sent_id": SENTENCE,
            "left": Column("Before", "quote", missing="(sentence start)"),
            "quote": Column("Mention", "quote"),
            "right": Column("After", "quote", missing="(sentence end)"),
        },
    )


def claims_table(claims: pd.DataFrame) -> Table:
    """The claims of the claims file (:meth:`~xivn.rare_earths.claims.ClaimSet.table`) and the cues each needs."""
    return table(
        claims,
        {
            "label": CLAIM,
            "sentence": Column("Cues in the sentence", note="cue groups the sentence itself must hold"),
            "context": Column(
                "Cues in the sentence or the one before",
                note="cue groups that may also sit in the previous sentence",
                missing="none",
            ),
            "check": Column("Checked against USGS", missing="not checked", note="name of the fact-check, if any"),
        },
    )


def matrix_table(matrix: pd.DataFrame) -> Table:
    """The claim matrix (claims as rows, texts as columns) with the number of sentences per cell."""
    rows = matrix.rename_axis("claim").reset_index()
    columns = {"claim": CLAIM} | {
        text: Column(text, "count", missing="0") for text in matrix.columns if text != "claim"
    }
    return table(rows, columns, caption="Sentences making each claim, per text (0: the text does not make it)")


def quotes_table(quotes: pd.DataFrame) -> Table:
    """One row per claim and text (:func:`~xivn.rare_earths.claims.claim_quotes`): how many sentences
    make it and the first of them, whole."""
    return table(
        quotes,
        {
            "claim": CLAIM,
            "label": TEXT,
            "n_sentences": Column("Sentences", "count", note="sentences of the text making the claim"),
            "quote": Column("First sentence making it", "quote"),
        },
    )


def omissions_table(gaps: pd.DataFrame) -> Table:
    """Per text (:func:`~xivn.rare_earths.claims.omissions`): how many claims it makes and which it leaves out."""
    return table(
        gaps,
        {
            "label": TEXT,
            "n_claims": Column("Claims made", "count"),
            "leaves_out": Column(
                "Leaves out", missing="nothing", note="claims that other texts make and this one does not"
            ),
        },
    )


def claim_rows_table(claims: pd.DataFrame) -> Table:
    """The claim rows of :func:`~xivn.rare_earths.selection.shown_claims`: whom each claim is about
    and the number it states."""
    return table(
        claims,
        {
            "label": TEXT,
            "sent_id": SENTENCE,
            "claim": CLAIM,
            "country": Column("About", missing="no country"),
            "country_from": Column(
                "Country read from", missing="—", note="where the country was found: the sentence, the one before, …"
            ),
            "number_quote": Column("Number stated", missing="none"),
        },
    )


def verdicts_table(verdicts: pd.DataFrame) -> Table:
    """The fact-checks (:func:`~xivn.rare_earths.claims.verdicts`): per check and month, the claims
    checked, the finding of the edition current when they were written and of the latest edition,
    and the verdict."""
    return table(
        verdicts,
        {
            "measure": Column("What is checked"),
            "as_of": Column("As of", missing="undated", note="the month of the documents' date"),
            "n_claims": Column("Claims", "count", note="sentences making the claim"),
            "edition_then": Column(
                "Edition when written",
                missing="—",
                note="the latest USGS edition published by the documents' month (for a share of mine production, "
                "the first edition giving the last full year before it)",
            ),
            "finding_then": Column("Finding then"),
            "edition_latest": Column("Latest edition"),
            "finding_latest": Column("Finding now"),
            "verdict": Column("Verdict"),
        },
    )


def reserves_table(ranks: pd.DataFrame) -> Table:
    """The leading countries by reserves per edition (:func:`~xivn.rare_earths.selection.leading_reserves`)."""
    return table(
        ranks,
        {
            "edition": EDITION,
            "country": Column("Country"),
            "reserves_t": Column("Reserves (t REO)", "count", note="tonnes of rare-earth oxide"),
            "rank": Column("Rank", "count", note="countries with equal reserves share a rank"),
            "listed": Column("Countries listed", "count", note="countries the edition gives reserves for"),
        },
    )


def reserves_production_table(reserves: pd.DataFrame) -> Table:
    """A country's reserves against its mine production per edition
    (:func:`~xivn.rare_earths.claims.reserves_vs_production`)."""
    return table(
        reserves,
        {
            "edition": EDITION,
            "reserves_t": Column("Reserves (t REO)", "count", note="tonnes of rare-earth oxide"),
            "production_year": Column("Production year", "year"),
            "production_t": Column("Mine production (t REO)", "count"),
            "world_production_t": Column("World mine production (t REO)", "count", missing="not in the data"),
            "production_share": Column(
                "Share of world production",
                "percent",
                digits=2,
                missing="not in the data",
                note="the country's mine production / world mine production",
            ),
            "years_of_reserves": Column(
                "Years of reserves",
                "count",
                note="reserves / mine production: how long the reserves would last at that year's output",
            ),
        },
    )


def places_table(places: pd.DataFrame, drawn: pd.DataFrame) -> Table:
    """The places file (:func:`~xivn.rare_earths.corridor.load_places`) with whether each is on the
    map (``drawn``, as :func:`~xivn.rare_earths.corridor.draw_corridor` returns it) and why not."""
    role = dict(zip(drawn["short_name"], drawn["role"], strict=True))
    rows = places.assign(on_the_map=places["short_name"].map(lambda name: ON_THE_MAP.get(role.get(name), NOT_DRAWN)))
    return table(
        rows,
        {
            "short_name": Column("Place"),
            "province_or_region": Column("Province or region"),
            "lat": Column("Latitude (°N)", "number", digits=3),
            "lon": Column("Longitude (°E)", "number", digits=3),
            "precision": Column(
                "How the coordinate was found", note="APPROXIMATE or NOT SOURCED: drawn as a hollow marker"
            ),
            "on_the_map": Column("On the map"),
        },
    )


def distances_table(distances: pd.DataFrame) -> Table:
    """Each deposit's straight-line distance to the nearest station
    (:func:`~xivn.rare_earths.corridor.distances_to_route`)."""
    return table(
        distances,
        {
            "short_name": Column("Deposit"),
            "province_or_region": Column("Province"),
            "approximate": Column("Approximate position", "flag", note="a proxy coordinate, e.g. the province capital"),
            "nearest_station": Column("Nearest station"),
            "km_to_station": Column(
                "Distance (km)",
                "count",
                note="great-circle distance to the nearest station; 0 when the deposit's proxy is the station's town",
            ),
        },
    )
