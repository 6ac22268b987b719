"""The charts of the trade notebook, drawn through :mod:`xivn.display.figures`.

Each function takes tables of :mod:`xivn.trade` (and the notebook's parameters), and either draws
its chart (returning ``None``) or, with nothing to chart, returns a
:class:`~xivn.display.markdown.Markdown` note saying so. matplotlib is imported only when drawing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from xivn.cues.countries import country_name
from xivn.display import figures as charts
from xivn.display.escaping import escape_markdown
from xivn.display.figures import chart_text
from xivn.display.markdown import Markdown
from xivn.display.wording import usd_bn

EXPORTS_COLOUR = charts.ARTICLE_COLOUR
IMPORTS_COLOUR = "#c26a2e"
DEFICIT_COLOUR = "#b03a2e"
MIRROR_COLOUR = "#b03a2e"


def _sources(labels: Mapping[str, str], doc_ids: Iterable[str]) -> list[str]:
    return sorted({labels.get(doc_id, doc_id) for doc_id in doc_ids})


def stated_trade(
    balances: pd.DataFrame, figures: pd.DataFrame, labels: Mapping[str, str], *, reporter: str, year: int
) -> Markdown | None:
    """Exports and imports per partner as stated, side by side (sources: the documents of ``figures``)."""
    if balances.empty:
        return Markdown(
            f"No exports or imports of {escape_markdown(reporter)} with a partner are stated for {year}: "
            "nothing to chart."
        )
    _, ax = charts.new_figure(height=3.2)
    positions = range(len(balances))
    ax.barh([p - 0.2 for p in positions], balances["exports"], height=0.4, color=EXPORTS_COLOUR, label="exports")
    ax.barh([p + 0.2 for p in positions], balances["imports"], height=0.4, color=IMPORTS_COLOUR, label="imports")
    ax.set_yticks(list(positions), [chart_text(p) for p in balances["partner"]])
    ax.invert_yaxis()
    ax.legend(frameon=False, loc="lower right")
    charts.finish(
        ax,
        title=chart_text(f"{reporter}'s trade as stated, {year}"),
        xlabel="billion US dollars",
        sources=_sources(labels, figures["doc_id"]),
    )
    return None


def balance_bars(
    balances: pd.DataFrame, figures: pd.DataFrame, labels: Mapping[str, str], *, reporter: str
) -> Markdown | None:
    """The balance (exports − imports) per partner, the first row (largest deficit) named in the title."""
    known = balances.dropna(subset=["balance"]) if len(balances) else balances
    if known.empty:
        return Markdown("No balance can be computed from the stated figures.")
    _, ax = charts.new_figure(height=2.6)
    colours = [EXPORTS_COLOUR if b > 0 else DEFICIT_COLOUR for b in known["balance"]]
    ax.barh([chart_text(p) for p in known["partner"]], known["balance"], color=colours)
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.invert_yaxis()
    first = known.iloc[0]
    kind = "deficit" if first["balance"] < 0 else "surplus"
    charts.finish(
        ax,
        title=chart_text(f"{reporter}'s {kind} with {country_name(first['partner'])} is ")
        + usd_bn(abs(first["balance"])),
        xlabel="balance, billion US dollars (exports − imports)",
        sources=_sources(labels, figures["doc_id"]),
    )
    return None


def gap_bars(gaps: pd.DataFrame, labels: Mapping[str, str]) -> Markdown | None:
    """Official figure minus stated figure per claim (:func:`~xivn.trade.widest_gaps`), mirror checks in red."""
    if gaps.empty:
        return Markdown("No reference value to compare with: nothing to chart.")
    _, ax = charts.new_figure(height=3.4)
    colours = [MIRROR_COLOUR if c == "mirror" else charts.ARTICLE_COLOUR for c in gaps["check"]]
    ax.barh([chart_text(c) for c in gaps["claim"]], gaps["gap_usd_bn"], color=colours)
    ax.axvline(0, color="#333333", linewidth=0.8)
    sources = [*_sources(labels, gaps["doc_id"]), *sorted(set(gaps["source"].dropna()))]
    charts.finish(
        ax, title=gap_title(gaps), xlabel="official figure − stated figure, billion US dollars", sources=sources
    )
    return None


def gap_title(gaps: pd.DataFrame) -> str:
    """The finding of the gap chart: whether own statistics match, and the widest partner gap."""
    same, mirror = gaps[gaps["check"].eq("same side")], gaps[gaps["check"].eq("mirror")]
    parts = []
    if len(same):
        widest = same["gap_usd_bn"].abs().max()
        matches = same["verdict"].eq("matches").all()
        parts.append("Own statistics match" if matches else f"Own statistics differ by up to \\${widest:,.1f}bn")
    if len(mirror):
        whose = "the partner's" if parts else "The partner's statistics"
        parts.append(f"{whose} differ by up to \\${mirror['gap_usd_bn'].abs().max():,.1f}bn")
    return "; ".join(parts)
