"""The trade notebook's tables as a reader sees them: labelled, explained columns, amounts in dollars,
shares as percentages, documents by their labels (the analysis functions keep returning raw frames)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from xivn.display.tables import Column, Table, table, with_labels

REPORTER = Column(
    "Reporter", note="whose statistics the figure is: the country whose exports, imports or trade it states"
)
PARTNER = Column("Partner")
YEAR = Column("Year", "year")
EXPORTS = Column("Exports", "usd_bn")
IMPORTS = Column("Imports", "usd_bn")
TOTAL = Column("Total trade", "usd_bn")
BALANCE = Column("Balance", "usd_bn", note="exports − imports; negative is a deficit")
RESOLVED = Column(
    "Parties read from",
    note="where the reader found who trades with whom: the clause, a table, the sentence, the sentences before, "
    "the heading or the document; unresolved figures are not used",
)


def shown_categories(money: pd.DataFrame) -> Table:
    """Money amounts per category: how many, in how many documents."""
    grouped = money.groupby("category").agg(amounts=("quote", "size"), documents=("doc_id", "nunique")).reset_index()
    columns = {"category": "What the amount is about", "amounts": Column("Amounts", "count")}
    return table(grouped, {**columns, "documents": Column("Documents", "count")})


def shown_figures(figures: pd.DataFrame, labels: Mapping[str, str], max_rows: int) -> Table:
    """The trade flows as stated, each with the whole sentence it was read from."""
    columns = {
        "doc_id_label": "Document",
        "quote": Column("As written", "quote"),
        "reporter": "Reporter",
        "partner": PARTNER,
        "flow": Column("Flow", note="the reporter's exports, imports or total trade with the partner"),
        "year": YEAR,
        "period": "Period",
        "value_usd_bn": Column("Value", "usd_bn", note="in US dollars, converted at the year's average rate"),
        "resolved_from": RESOLVED,
        "sentence": Column("Sentence", "quote"),
    }
    return table(with_labels(figures, labels, "doc_id").head(max_rows), columns)


def shown_consistency(consistency: pd.DataFrame, labels: Mapping[str, str], max_rows: int) -> Table:
    """Stated totals against exports + imports, per document and partner."""
    columns = {
        "doc_id_label": "Document",
        "reporter": REPORTER,
        "partner": PARTNER,
        "year": YEAR,
        "exports": EXPORTS,
        "imports": IMPORTS,
        "total": Column("Stated total", "usd_bn"),
        "exports_plus_imports": Column("Exports + imports", "usd_bn"),
        "difference": Column("Difference", "usd_bn", note="stated total − (exports + imports)"),
        "tolerance": Column(
            "Rounding allowed", "usd_bn", digits=3, note="half a unit of the last digit of each stated number"
        ),
        "verdict": Column(
            "Verdict",
            note="adds up when the difference is within the rounding allowed; a total without both exports and "
            "imports beside it cannot be checked",
        ),
    }
    return table(with_labels(consistency, labels, "doc_id").head(max_rows), columns)


def shown_balances(balances: pd.DataFrame) -> Table:
    """Exports, imports, total and balance per partner, with the ratio and shares."""
    columns = {
        "partner": PARTNER,
        "year": YEAR,
        "exports": EXPORTS,
        "imports": IMPORTS,
        "total": TOTAL,
        "balance": BALANCE,
        "export_import_ratio": Column("Exports ÷ imports", "number", digits=2),
        "share_of_listed": Column(
            "Share of listed trade", "percent", note="the partner's share of the total trade listed"
        ),
        "balance_share": Column(
            "Balance as share of trade", "signed_percent", note="balance ÷ total trade with the partner"
        ),
    }
    return table(balances, columns)


def shown_checks(check: pd.DataFrame, max_rows: int) -> Table:
    """Each stated figure against the official statistics it is checked with."""
    columns = {
        "reporter": REPORTER,
        "partner": PARTNER,
        "flow": "Flow",
        "claim_usd_bn": Column("Stated", "usd_bn"),
        "check": Column(
            "Check",
            note="same side: the reporter's own statistics; mirror: the partner's statistics for the opposite flow",
        ),
        "publisher": Column("Published by", missing="—"),
        "source": Column("Source", missing="—"),
        "reference_usd_bn": Column("Official", "usd_bn", missing="not found"),
        "gap_usd_bn": Column("Gap", "usd_bn", missing="—", note="official − stated"),
        "gap_pct": Column("Gap, %", "signed_percent", missing="—", note="the gap as a share of the stated figure"),
        "verdict": Column(
            "Verdict",
            note="matches when within rounding; otherwise which side reports more; not found: the reference row has "
            "no value; no reference row: none of the reporter's own for that partner, flow and period",
        ),
    }
    return table(check.head(max_rows), columns)


def shown_gaps(chart: pd.DataFrame) -> Table:
    """The charted gaps: stated figure, official figure and the difference."""
    columns = {
        "claim": "Figure (check)",
        "claim_usd_bn": Column("Stated", "usd_bn"),
        "reference_usd_bn": Column("Official", "usd_bn", missing="not found"),
        "gap_usd_bn": Column("Gap", "usd_bn", note="official − stated"),
        "verdict": "Verdict",
    }
    return table(chart, columns)
