"""What the trade figures stated in the texts add up to, and how they compare with official
statistics on both sides of the border.

Pure DataFrame -> DataFrame helpers over :func:`xivn.trade.trade_figures`: whether stated totals add up
(:func:`trade_consistency`), balances and ratios (:func:`trade_balances`), the official statistics
(:func:`trade_reference`, the table the event profile names), each stated figure against them
(:func:`fact_check_trade`), and where the two sides' own statistics disagree (:func:`mirror_gaps`).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from xivn.cues.countries import country_mentions
from xivn.cues.reference import load_reference
from xivn.errors import DataFileError
from xivn.paths import data_path
from xivn.trade.figures import FLOWS
from xivn.trade.money import parse_number

MIRROR_FLOW = {"exports": "imports", "imports": "exports", "total": "total", "balance": "balance"}
CHECKABLE = ("adds up", "does not add up")
"""The consistency verdicts of the totals that can be checked (total, exports and imports stated)."""
PART_YEAR_NOTE = re.compile(r"\bpartial year\b", re.IGNORECASE)

REFERENCE = (
    "reporter",
    "publisher",
    "partner",
    "flow",
    "year",
    "period",
    "value_usd_bn",
    "precision_usd_bn",
    "source",
    "source_title",
    "source_url",
    "note",
)
"""Columns of :func:`trade_reference`."""


# ------------------------------------------------------------------- what the figures say
def _within(gap: float, tolerance: float) -> bool:
    """Whether two figures agree within the rounding of both (plus floating-point noise)."""
    return abs(gap) <= tolerance + 1e-9


def _first_statements(figures: pd.DataFrame) -> pd.DataFrame:
    """One value per (reporter, partner, year, flow): the first stated (by doc_id, then position)."""
    ordered = figures.sort_values(["doc_id", "start"])
    return ordered.drop_duplicates(["reporter", "partner", "year", "flow"], keep="first")


def _wide(figures: pd.DataFrame, keys: list[str], column: str = "value_usd_bn") -> pd.DataFrame:
    table = figures.pivot_table(index=keys, columns="flow", values=column, aggfunc="first", dropna=False)
    return table.reindex(columns=list(FLOWS)).dropna(how="all")


def trade_consistency(figures: pd.DataFrame) -> pd.DataFrame:
    """Whether each document's stated totals equal its exports + imports, within the rounding of
    the stated numbers (the sum of half a unit of each one's last digit).

    Columns: ``doc_id``, ``reporter``, ``partner``, ``year``, ``period`` (a month span is never
    added up with a year), ``exports``, ``imports``, ``total``, ``exports_plus_imports``,
    ``difference`` (total minus the sum), ``tolerance``, ``verdict``
    (``adds up`` or ``does not add up`` when the total and both parts are stated — the totals that
    can be checked —; else ``no parts stated`` for a total with neither exports nor imports beside it,
    ``one part stated``, or ``no total stated``). One row per document, pair and period; sorted.
    """
    columns = [
        "doc_id",
        "reporter",
        "partner",
        "year",
        "period",
        "exports",
        "imports",
        "total",
        "exports_plus_imports",
        "difference",
        "tolerance",
        "verdict",
    ]
    if figures.empty:
        return pd.DataFrame(columns=columns)
    keys = ["doc_id", "reporter", "partner", "year", "period"]
    first = figures.sort_values(["doc_id", "start"]).drop_duplicates([*keys, "flow"])
    values, rounding = _wide(first, keys), _wide(first, keys, "rounding_usd_bn")
    table = values[["exports", "imports", "total"]].copy()
    table["exports_plus_imports"] = (table["exports"] + table["imports"]).round(6)
    table["difference"] = (table["total"] - table["exports_plus_imports"]).round(6)
    table["tolerance"] = rounding[["exports", "imports", "total"]].sum(axis=1, min_count=3).round(6)
    parts = table[["exports", "imports"]].notna().sum(axis=1)
    table["verdict"] = [
        _unchecked(pd.notna(total), n) if pd.isna(d) else ("adds up" if _within(d, t) else "does not add up")
        for d, t, total, n in zip(table["difference"], table["tolerance"], table["total"], parts, strict=True)
    ]
    return table.reset_index().sort_values(keys, ignore_index=True)[columns]


def _unchecked(total: bool, parts: int) -> str:
    """The consistency verdict of flows that cannot be checked: ``total`` stated or not, with
    ``parts`` of exports and imports beside it."""
    if not total:
        return "no total stated"
    return "one part stated" if parts else "no parts stated"


def trade_balances(figures: pd.DataFrame, reporter: str) -> pd.DataFrame:
    """Balances and ratios of ``reporter``'s stated trade, per partner and year.

    Uses the figures whose reporter is ``reporter``; where several documents state a flow, the first
    (by doc_id) counts. Columns: ``partner``, ``year``, ``exports``, ``imports``, ``total`` (stated,
    else exports + imports), ``balance`` (exports - imports, else the stated balance),
    ``export_import_ratio`` (exports / imports), ``balance_share`` (balance / total),
    ``share_of_listed`` (the partner's share of the total with all partners listed for that year),
    ``sources`` (doc ids). Sorted by year, then balance.
    """
    columns = [
        "partner",
        "year",
        "exports",
        "imports",
        "total",
        "balance",
        "export_import_ratio",
        "balance_share",
        "share_of_listed",
        "sources",
    ]
    own = figures[figures["reporter"] == reporter] if not figures.empty else figures
    if own.empty:
        return pd.DataFrame(columns=columns)
    first = _first_statements(own)
    table = _wide(first, ["partner", "year"])
    table["total"] = table["total"].fillna(table["exports"] + table["imports"])
    table["balance"] = (table["exports"] - table["imports"]).fillna(table["balance"]).round(6)
    table["export_import_ratio"] = (table["exports"] / table["imports"]).round(4)
    table["balance_share"] = (table["balance"] / table["total"]).round(4)
    table = table.reset_index()
    table["share_of_listed"] = (table["total"] / table.groupby("year", dropna=False)["total"].transform("sum")).round(4)
    sources = first.groupby(["partner", "year"], dropna=False)["doc_id"].agg(lambda ids: ", ".join(sorted(set(ids))))
    table["sources"] = [sources.get((p, y), "") for p, y in zip(table["partner"], table["year"], strict=True)]
    return table.sort_values(["year", "balance", "partner"], ignore_index=True)[columns]


# ---------------------------------------------------------------------- official statistics
def trade_reference(name_or_path: str | Path) -> pd.DataFrame:
    """Official trade statistics with their sources: a bare file name means a table shipped with
    xivn (``xivn/trade/data/``, its sources described in the ``.md`` file of the same name beside it).

    Columns: ``reporter`` (the country whose statistics these are, read from the file's ``reporter``
    entry: the country named before the parenthesis), ``publisher`` (the agency as
    given in the file, e.g. "Vietnam (General Department of Vietnam Customs)"), ``partner``,
    ``flow``, ``year``, ``period`` (``part-year`` when the note says PARTIAL YEAR, else ``year``),
    ``value_usd_bn`` (NaN where the figure was looked for and not found), ``precision_usd_bn`` (one
    unit of the last digit given: sources round or cut off), ``source`` (who printed the figure),
    ``source_title``, ``source_url``, ``note``.
    """
    path = data_path(name_or_path)
    needed = ("reporter", "partner", "flow", "year", "value_usd_bn", "publisher", "source_title", "source_url", "note")
    raw = load_reference(path, needed, dtype=str, keep_default_na=False)
    bad = raw[~raw["flow"].isin(FLOWS)]
    if not bad.empty:
        raise DataFileError(
            f"{path}: row {bad.index[0] + 2} has flow {bad['flow'].iloc[0]!r} (expected one of {FLOWS})"
        )
    numbers = [parse_number(v) if v.strip() else (math.nan, 0) for v in raw["value_usd_bn"]]
    return pd.DataFrame(
        {
            "reporter": [_reporting_country(text) for text in raw["reporter"]],
            "publisher": raw["reporter"],
            "partner": raw["partner"],
            "flow": raw["flow"],
            "year": raw["year"].astype("Int64"),
            "period": ["part-year" if PART_YEAR_NOTE.search(note) else "year" for note in raw["note"]],
            "value_usd_bn": [v for v, _ in numbers],
            "precision_usd_bn": [math.nan if math.isnan(v) else 10.0**-d for v, d in numbers],
            "source": raw["publisher"],
            "source_title": raw["source_title"],
            "source_url": raw["source_url"],
            "note": raw["note"],
        },
        columns=list(REFERENCE),
    )


def _reporting_country(publisher: str) -> str:
    """The country whose statistics a reference row holds, read from its ``reporter`` entry
    ("Vietnam (General Department of Vietnam Customs)", "US (Census)"): the country named before the
    parenthesis, as the gazetteer names it; the words themselves when they name no country."""
    country = publisher.split(" (", 1)[0].strip()
    named = country_mentions(country)
    return named[0].country if named else country


def no_reference() -> pd.DataFrame:
    """An empty reference table (the columns of :func:`trade_reference`): for an event whose profile names none."""
    return pd.DataFrame(columns=list(REFERENCE)).astype({"year": "Int64", "value_usd_bn": float})


def fact_check_trade(figures: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Each stated flow against official statistics: the reference rows of the same reporter, partner,
    flow and period, and, as a check of its own, the partner's rows for the opposite flow.

    For a claim "reporter R's flow F with partner P in period T" (T a calendar year; a month span or
    a fiscal year has no annual row to match), full-year reference rows count (part-year rows never):
    ``same side`` — R's own statistics for F with P in T (do the numbers match?); when there is none,
    one ``same side`` row says ``no reference row`` (R's figure is never held against another
    country's statistics there) — and ``mirror`` — P's statistics for the opposite flow (P's imports
    from R for R's exports; a balance with its sign turned), which measure the same goods at the
    other border. Columns: ``doc_id``, ``start``, ``end``, ``quote``, ``reporter``, ``partner``,
    ``flow``, ``year``, ``period``, ``claim_usd_bn``, ``attribution`` (the source the text credits),
    ``credited_country`` (the country that source belongs to, "" if none is named), ``check``
    (``same side``/``mirror``), ``publisher``, ``source``, ``reference_usd_bn`` (in the claim's
    direction), ``gap_usd_bn`` (reference minus claim), ``gap_pct`` (gap / claim), ``verdict``:
    ``matches`` (within the claim's rounding plus one unit of the reference's last digit),
    ``differs``, ``partner reports more`` / ``partner reports less`` (mirror), ``not found`` (the
    reference set looked and has no value) or ``no reference row``. An empty ``reference`` (no
    reference table for the event) compares nothing: the table is empty.
    """
    columns = [
        "doc_id",
        "start",
        "end",
        "quote",
        "reporter",
        "partner",
        "flow",
        "year",
        "period",
        "claim_usd_bn",
        "attribution",
        "credited_country",
        "check",
        "publisher",
        "source",
        "reference_usd_bn",
        "gap_usd_bn",
        "gap_pct",
        "verdict",
    ]
    rows = []
    if reference.empty:
        return pd.DataFrame(rows, columns=columns)
    annual = reference[reference["period"] == "year"]
    # the rows of each (reporter, partner, flow, period), found once rather than filtered per claim;
    # an annual row's period is its year, so a month span or a missing year matches nothing
    by_key = dict(tuple(annual.groupby(["reporter", "partner", "flow", annual["year"].astype(str)], sort=False)))
    none = annual.iloc[:0]
    for claim in figures.itertuples(index=False):
        credited = country_mentions(claim.attribution)
        period = str(claim.period)
        same = by_key.get((claim.reporter, claim.partner, claim.flow, period), none)
        mirror = by_key.get((claim.partner, claim.reporter, MIRROR_FLOW[claim.flow], period), none)
        base = [
            claim.doc_id,
            claim.start,
            claim.end,
            claim.quote,
            claim.reporter,
            claim.partner,
            claim.flow,
            claim.year,
            period,
            claim.value_usd_bn,
            claim.attribution,
            credited[0].country if credited else "",
        ]
        if same.empty:
            rows.append([*base, "same side", "", "", math.nan, math.nan, math.nan, "no reference row"])
        for check, matches in (("same side", same), ("mirror", mirror)):
            for ref in matches.itertuples(index=False):
                value = -ref.value_usd_bn if check == "mirror" and claim.flow == "balance" else ref.value_usd_bn
                gap = round(value - claim.value_usd_bn, 6)
                rows.append(
                    [
                        *base,
                        check,
                        ref.publisher,
                        ref.source,
                        value,
                        gap,
                        round(gap / claim.value_usd_bn, 4),
                        _verdict(check, gap, claim.rounding_usd_bn + ref.precision_usd_bn),
                    ]
                )
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["doc_id", "start", "check", "publisher", "source"], ignore_index=True)


def _verdict(check: str, gap: float, tolerance: float) -> str:
    if math.isnan(gap):
        return "not found"
    if _within(gap, tolerance):
        return "matches"
    if check == "same side":
        return "differs"
    return "partner reports more" if gap > 0 else "partner reports less"


def mirror_gaps(reference: pd.DataFrame) -> pd.DataFrame:
    """Where the reference set has both sides of the same flow: each side's figure and the gap.

    Columns: ``reporter``, ``partner``, ``flow`` (from the reporter's side), ``year``,
    ``reporter_usd_bn``, ``partner_usd_bn`` (the partner's figure for the opposite flow, a balance
    with its sign turned), ``gap_usd_bn`` (partner minus reporter), ``gap_pct`` (gap / reporter's
    figure). Full-year rows only; the first row with a value counts on each side. Sorted.
    """
    columns = ["reporter", "partner", "flow", "year", "reporter_usd_bn", "partner_usd_bn", "gap_usd_bn", "gap_pct"]
    known = (
        reference[reference["period"] == "year"]
        .dropna(subset=["value_usd_bn"])
        .drop_duplicates(["reporter", "partner", "flow", "year"])
    )
    mirrored = known.assign(
        reporter=known["partner"],
        partner=known["reporter"],
        flow=known["flow"].map(MIRROR_FLOW),
        value_usd_bn=known["value_usd_bn"].where(known["flow"] != "balance", -known["value_usd_bn"]),
    )
    keys = ["reporter", "partner", "flow", "year"]
    both = known[[*keys, "value_usd_bn"]].merge(mirrored[[*keys, "value_usd_bn"]], on=keys, suffixes=("_r", "_p"))
    both = both.rename(columns={"value_usd_bn_r": "reporter_usd_bn", "value_usd_bn_p": "partner_usd_bn"})
    both["gap_usd_bn"] = (both["partner_usd_bn"] - both["reporter_usd_bn"]).round(6)
    both["gap_pct"] = (both["gap_usd_bn"] / both["reporter_usd_bn"]).round(4)
    return both.sort_values(keys, ignore_index=True)[columns]
