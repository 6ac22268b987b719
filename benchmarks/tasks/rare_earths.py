"""Rare-earth claims: claim type, the country it is about, and the number and unit it states.

Rows are matched on ``doc_id`` and ``claim_id``; a document's rows are its distinct (claim,
country, number) triples, so a claim repeated in a heading and the body counts once (see the
header of ``tests/gold/rare_earths.toml``), a claim stated without a number where the
document also states it with one is that same claim, and so is a claim whose sentence names no
country (a headline: "PM urges rare earth industry built on deep processing") where the document
also makes it of a country.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from scoring import GOLD, corpus_of, field_scores, gold_rows, load_gold, misreads

import xivn.rare_earths

TASK = "rare_earths"
KEY = ["doc_id", "claim_id"]
FIELDS = ["country", "value", "unit"]


def evaluate(folder: Path, gold_folder: Path = GOLD) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores and misreads of :func:`xivn.rare_earths.rare_earth_claims` on the gold documents."""
    documents = load_gold(TASK, gold_folder)
    corpus = corpus_of(documents, folder)
    found = xivn.rare_earths.rare_earth_claims(corpus)[[*KEY, *FIELDS]]
    found = found.assign(value=found["value"].astype("object").where(found["value"].notna(), ""))
    found = found.drop_duplicates(ignore_index=True)
    numbered = found[found["value"] != ""].set_index(["doc_id", "claim_id", "country"]).index
    restated = (found["value"] == "") & found.set_index(["doc_id", "claim_id", "country"]).index.isin(numbered)
    found = found[~restated]  # "China dominates" after "China mines 70%": the same claim, once
    of_a_country = found.loc[found["country"] != "", ["doc_id", "claim_id"]].drop_duplicates()
    said_of = found.set_index(["doc_id", "claim_id"]).index.isin(of_a_country.set_index(["doc_id", "claim_id"]).index)
    found = found[~((found["country"] == "") & said_of)]  # an unresolved headline restating the body
    gold = gold_rows(documents, ["claim_id", *FIELDS])
    return field_scores(TASK, gold, found, KEY, FIELDS), misreads(gold, found, KEY, FIELDS)
