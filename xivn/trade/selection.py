"""Which rows of the trade tables a notebook analyses, shows or charts, chosen by its parameters.

Pure DataFrame -> DataFrame helpers, so that a notebook cell holds no condition: the stated flows
that can be added up and checked (:func:`usable_figures`), those of one reporter and year
(:func:`analysed_figures`), the mirror checks that found no partner figure
(:func:`unmatched_mirrors`), the earlier years' mirror gaps for those partners (:func:`earlier_gaps`),
and the widest gap per claim for the chart of the fact check (:func:`widest_gaps`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


def usable_figures(stated: pd.DataFrame) -> pd.DataFrame:
    """The stated flows that can be added up and checked against annual statistics: both parties
    stated (``resolved_from`` is not ``unresolved``), a value in US dollars, and a calendar year
    (``period`` is the year itself, not months or a fiscal year). Fresh index."""
    calendar = stated["period"].astype(str) == stated["year"].astype(str)
    keep = stated["resolved_from"].ne("unresolved") & stated["value_usd_bn"].notna() & calendar
    return stated[keep.astype(bool)].reset_index(drop=True)


def analysed_figures(stated: pd.DataFrame, *, reporter: str, year: int, partners: Sequence[str] = ()) -> pd.DataFrame:
    """The :func:`usable_figures` of ``reporter`` in ``year`` (with one of ``partners``, or any
    partner when ``partners`` is empty), in their order, with a fresh index. A total stated from
    the other side ("China-Vietnam trade" for reporter Vietnam) is trade of the reporter too and is
    kept, with its own reporter: it is the other side's figure, added up and checked as such
    (``partners`` then applies to its reporter). A missing year never matches."""
    usable = usable_figures(stated)
    other_side = usable["flow"].eq("total") & usable["partner"].eq(reporter)
    counterpart = usable["reporter"].where(other_side, usable["partner"])
    chosen = usable["year"].eq(year).fillna(False) & (usable["reporter"].eq(reporter) | other_side)
    if partners:
        chosen &= counterpart.isin(list(partners))
    return usable[chosen.astype(bool)].reset_index(drop=True)


def unmatched_mirrors(check: pd.DataFrame) -> pd.DataFrame:
    """The mirror checks of :func:`~xivn.trade.fact_check_trade` of the claims whose partner figure
    was looked for and not found: no mirror row of the claim (``doc_id``, ``start``) has a
    ``reference_usd_bn``."""
    mirror = check[check["check"].eq("mirror")]
    found = mirror["reference_usd_bn"].notna().groupby([mirror["doc_id"], mirror["start"]]).transform("any")
    return mirror[~found.astype(bool)]


def earlier_gaps(gaps: pd.DataFrame, check: pd.DataFrame, *, reporter: str, year: int) -> pd.DataFrame:
    """The rows of :func:`~xivn.trade.mirror_gaps` for ``reporter`` and the partners whose mirror
    figure is missing in ``check``, in years before ``year``: the scale of the gap one cannot see."""
    missing = unmatched_mirrors(check)["partner"]
    keep = gaps["reporter"].eq(reporter) & gaps["partner"].isin(missing) & gaps["year"].lt(year).fillna(False)
    return gaps[keep.astype(bool)]


def widest_gaps(check: pd.DataFrame, reporter: str) -> pd.DataFrame:
    """One row per claim (partner, flow and kind of check) that has a reference value: the
    comparison with the widest gap (ties: the first source by name), with a ``claim`` label
    ("China total (same side)" for a figure of ``reporter``, "China's total (mirror)" for one the
    other side states), sorted by check, gap and claim."""
    compared = check[check["reference_usd_bn"].notna()]
    own = compared["reporter"].eq(reporter)
    figure = (compared["partner"] + " ").where(own, compared["reporter"] + "'s ") + compared["flow"]
    compared = compared.assign(claim=figure + " (" + compared["check"] + ")")
    compared = compared.assign(size=compared["gap_usd_bn"].abs())
    compared = compared.sort_values(["size", "source"], ascending=[False, True]).drop_duplicates("claim")
    return compared.sort_values(["check", "gap_usd_bn", "claim"])
