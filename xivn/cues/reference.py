"""Reference tables: official statistics and source lists that the analyses check the texts against.

Each table is a CSV in the ``data/`` folder of the analysis that reads it, with a same-named ``.md``
beside it that cites every source (title, URL, how far to trust it). The analyses read them through
:func:`load_reference`:

- ``trade_2022.csv`` — 2022 trade statistics of both partners (:func:`xivn.trade.trade_reference`);
- ``deals_official.csv`` — the documents signed and the counts sources give (:func:`xivn.deals.reference_counts`);
- ``rare_earths_usgs.csv`` — USGS reserves and mine production by edition (:func:`xivn.rare_earths.load_usgs`);
- ``places.csv`` — coordinates of the rail corridor and deposits (:func:`xivn.rare_earths.load_places`).

The verdicts drawn from them stay with the analysis that draws them (:func:`xivn.trade.fact_check_trade`,
:func:`xivn.deals.deal_counts`, :func:`xivn.rare_earths.verdicts`): each weighs a different kind of claim.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xivn.cues.datafiles import load_csv
from xivn.paths import data_path

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def load_reference(name_or_path: str | Path, required: Iterable[str], **options: Any) -> pd.DataFrame:
    """A reference table as stored (a bare name means the copy shipped with xivn), read with
    ``pandas.read_csv`` and ``options``. Raises :class:`~xivn.errors.DataFileError` naming the file
    when it is missing, unreadable or lacks one of the ``required`` columns."""
    return load_csv(data_path(name_or_path), required, **options)
