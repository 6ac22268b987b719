"""Annual average exchange rates, and the conversion of a stated figure into US dollars.

The rates are the Federal Reserve's G.5A annual averages, shipped as ``data/usd_rates.csv`` with
their sources in ``usd_rates.md``. A figure is converted only when its currency and year are in
the table; otherwise its value in dollars stays unknown (nothing is guessed).
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import pandas as pd

from xivn.cues.reference import load_reference
from xivn.errors import DataFileError
from xivn.paths import data_path

RATES = ("currency", "year", "rate", "quoted", "release", "source_url")
"""Columns of :func:`usd_rates`."""
QUOTED = ("per_usd", "usd_per_unit")


def usd_rates(name_or_path: str | Path = "usd_rates.csv") -> pd.DataFrame:
    """The annual average rates (by default ``xivn/trade/data/usd_rates.csv``).

    Columns: ``currency`` (ISO code), ``year``, ``rate`` (as published), ``quoted`` (``per_usd``:
    currency units per US dollar; ``usd_per_unit``: US dollars per unit), ``release``,
    ``source_url``. Raises :class:`~xivn.errors.DataFileError` on a bad ``quoted`` or ``rate``.
    """
    path = data_path(name_or_path)
    table = load_reference(path, RATES, dtype={"currency": str, "quoted": str, "release": str, "source_url": str})
    bad = table[~table["quoted"].isin(QUOTED) | ~(pd.to_numeric(table["rate"], errors="coerce") > 0)]
    if not bad.empty:
        row = bad.iloc[0]
        raise DataFileError(
            f"{path}: row {bad.index[0] + 2} ({row['currency']} {row['year']}) has rate {row['rate']!r} quoted "
            f"{row['quoted']!r} (expected a positive number quoted {' or '.join(QUOTED)})"
        )
    return table.astype({"year": "int64", "rate": "float64"})[list(RATES)]


@cache
def _per_usd() -> dict[tuple[str, int], float]:
    table = usd_rates()
    per_usd = [r if q == "per_usd" else 1 / r for r, q in zip(table["rate"], table["quoted"], strict=True)]
    return dict(zip(zip(table["currency"], table["year"], strict=True), per_usd, strict=True))


def units_per_usd(currency: str, year: int | None) -> float:
    """Units of ``currency`` per US dollar on average in ``year`` (1 for the dollar itself; NaN
    when the shipped table has no rate for that currency and year)."""
    if currency == "USD":
        return 1.0
    if year is None:
        return math.nan
    return _per_usd().get((currency, int(year)), math.nan)
