"""The sentences of the trade notebook, computed from its tables.

Each function takes the tables of :mod:`xivn.trade` (and the notebook's parameters) and returns a
:class:`~xivn.display.markdown.Markdown`. Text read from the corpus or from a reference file (labels,
partners, quotes, attributions, publishers) is escaped, and money goes through
:func:`~xivn.display.wording.usd_bn`, so that no ``$`` pair is typeset as maths in JupyterLab.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from xivn.cues.countries import country_name
from xivn.display.escaping import escape_markdown
from xivn.display.markdown import Markdown
from xivn.display.wording import (
    counted,
    escaped,
    name_list,
    rows_note,
    signed_percent,
    text_or_blank,
    usd_bn,
    verb,
)
from xivn.trade.checks import CHECKABLE
from xivn.trade.defaults import TradeFocus
from xivn.trade.selection import unmatched_mirrors

# ------------------------------------------------------------------------------ helpers


def _shown(value: object) -> str:
    return escape_markdown(text_or_blank(value))


def _partner(value: object) -> str:
    """A partner as a sentence names it ("the United States"), escaped for Markdown."""
    return escape_markdown(country_name(text_or_blank(value)))


def _sentence_start(text: str) -> str:
    """``text`` with its first letter capitalised, for a name that opens a sentence ("The United States")."""
    return text[:1].upper() + text[1:]


def _possessive(name: str) -> str:
    """A name's possessive: "China's", "the Philippines'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _partners(values: pd.Series) -> str:
    """Partners as a sentence lists them."""
    return name_list(_partner(value) for value in values if text_or_blank(value))


def _known(balances: pd.DataFrame, column: str) -> pd.DataFrame:
    return balances[pd.to_numeric(balances[column], errors="coerce").notna()] if len(balances) else balances


def _checkable(consistency: pd.DataFrame) -> pd.DataFrame:
    """The totals that can be checked: stated with both exports and imports beside them."""
    return consistency[consistency["verdict"].isin(CHECKABLE)] if len(consistency) else consistency


def _bare_totals(consistency: pd.DataFrame) -> int:
    """How many stated totals have neither exports nor imports stated beside them."""
    return int(consistency["verdict"].eq("no parts stated").sum()) if len(consistency) else 0


def _totals_clause(consistency: pd.DataFrame) -> str:
    """For the bottom line: "2 of 3 totals add up", "no stated total can be checked", with the bare totals counted."""
    checkable, bare = _checkable(consistency), _bare_totals(consistency)
    adds = int(checkable["verdict"].eq("adds up").sum()) if len(checkable) else 0
    clause = f"{adds} of {len(checkable)} totals add up" if len(checkable) else "no stated total can be checked"
    if bare:
        clause += f" ({counted(bare, 'total')} with no exports or imports stated beside {verb(bare, 'it', 'them')})"
    return clause


# ------------------------------------------------------------------------------- sentences
def bottom_line(
    money: pd.DataFrame,
    figures: pd.DataFrame,
    balances: pd.DataFrame,
    consistency: pd.DataFrame,
    check: pd.DataFrame,
    labels: Mapping[str, str],
    *,
    documents: int,
    reporter: str,
    year: int,
) -> Markdown:
    """The bottom line: who states the reporter's flows, whether totals add up, the balances, the widest mirror gap."""
    who = escape_markdown(reporter)
    if figures.empty:
        return Markdown(
            f"**Bottom line.** No document of this corpus ({counted(documents, 'document')}, "
            f"{counted(len(money), 'money amount')}) states a trade flow of {who} for {year}, "
            "so there is nothing to balance or check."
        )
    docs = sorted({labels.get(doc_id, doc_id) for doc_id in figures["doc_id"]})
    pattern = [
        f"a {'deficit' if row.balance < 0 else 'surplus'} of {usd_bn(abs(row.balance))} with {_partner(row.partner)}"
        for row in _known(balances, "balance").itertuples(index=False)
    ]
    totals = _totals_clause(consistency)
    sentence = (
        f"**Bottom line.** {name_list(escaped(docs))} {verb(len(docs), 'states', 'state')} "
        f"{counted(len(figures), 'trade flow')} of {who} for {year}; {totals}, "
        f"and they show {' and '.join(pattern) or 'no computable balance'}."
    )
    mirror = check[check["check"].eq("mirror") & check["gap_usd_bn"].notna()] if len(check) else check
    if not mirror.empty:
        widest = mirror.loc[mirror["gap_usd_bn"].abs().idxmax()]
        agree = "agree" if widest["verdict"] == "matches" else "differ"
        sentence += (
            f" The partner's own statistics {agree}: {_shown(widest['publisher'])} counts "
            f"{usd_bn(widest['reference_usd_bn'])} where the text says {_shown(widest['quote'])} "
            f"({_shown(widest['reporter'])}'s {widest['flow']}, partner {_shown(widest['partner'])}), "
            f"a gap of {signed_percent(widest['gap_pct'])}."
        )
    return Markdown(sentence)


def figures_sentence(
    *, money: pd.DataFrame, stated: pd.DataFrame, figures: pd.DataFrame, reporter: str, year: int, max_rows: int
) -> Markdown:
    """The sentence under the table of flows: how many amounts are analysed flows, what is left out, who is credited."""
    who = escape_markdown(reporter)
    n = len(figures)
    if money.empty:
        sentence = f"The article text states no money amount, so no trade flow of {who} in {year}"
    else:
        sentence = (
            f"{n:,} of the {counted(len(money), 'money amount')} {verb(n, 'is a trade flow', 'are trade flows')} "
            f"of {who} in {year}"
        )
    others = len(stated) - n
    if others:
        sentence += (
            f"; {counted(others, 'other trade figure')} (other years, partners or reporters) "
            f"{verb(others, 'is', 'are')} left out"
        )
    credited = list(dict.fromkeys(escaped(figures["attribution"]))) if n else []
    credited = [name for name in credited if name]
    if len(credited) == 1:
        sentence += f". The text credits *{credited[0]}* for the figures of its sentence."
    elif credited:
        names = name_list(f"*{name}*" for name in credited)
        sentence += f". The texts credit {names} for the figures of their sentences."
    else:
        sentence += ". No sentence names the source of its figures."
    return Markdown(sentence + rows_note(n, max_rows, "trade flows"))


def unused_sentence(stated: pd.DataFrame) -> Markdown:
    """The sentence on the trade figures read but not analysed, and on those converted: figures
    whose reporter or partner the text does not state (never filled in by assumption); figures in
    another currency, converted to US dollars with the Federal Reserve's annual average rate of
    their year when ``data/usd_rates.csv`` has it, else kept as stated and left out; figures for
    months or a fiscal year rather than a calendar year (not compared with annual statistics)."""
    if stated.empty:
        return Markdown("No trade figure is stated, so none is left unused.")
    unresolved = stated["resolved_from"].eq("unresolved")
    resolved = stated[~unresolved]
    converted = resolved[resolved["usd_from"].eq("converted")]
    foreign = resolved[resolved["value_usd_bn"].isna()]
    dollars = resolved[resolved["value_usd_bn"].notna()]
    part = dollars[dollars["period"].astype(str) != dollars["year"].astype(str)]
    n = len(stated)

    def codes(rows: pd.DataFrame) -> str:
        return name_list(escaped(sorted({text_or_blank(c) for c in rows["currency"]})))

    clauses = []
    if unresolved.any():
        k = int(unresolved.sum())
        clauses.append(
            f"{k:,} {verb(k, 'has', 'have')} no reporter or partner stated in the text and "
            f"{verb(k, 'is', 'are')} not used (no party is assumed)"
        )
    if len(converted):
        k = len(converted)
        clauses.append(
            f"{k:,} in another currency ({codes(converted)}) {verb(k, 'was', 'were')} converted to US dollars at the "
            f"Federal Reserve's annual average rate for {verb(k, 'its', 'their')} year"
        )
    if len(foreign):
        k = len(foreign)
        clauses.append(
            f"{k:,} {verb(k, 'is', 'are')} in a currency ({codes(foreign)}) with no rate for {verb(k, 'its', 'their')} "
            "year in the shipped table, kept as stated and not converted, so not added up or checked"
        )
    if len(part):
        clauses.append(
            f"{len(part):,} {verb(len(part), 'covers', 'cover')} months or a fiscal year, not a calendar year, "
            "so not compared with the annual statistics"
        )
    if not clauses:
        return Markdown(
            f"{'The' if n == 1 else 'All'} {counted(n, 'trade figure')} {verb(n, 'names its', 'name their')} "
            "reporter and partner, in US dollars for a calendar year."
        )
    return Markdown(f"Of the {counted(n, 'trade figure')} read, " + "; ".join(clauses) + ".")


def totals_sentence(consistency: pd.DataFrame, max_rows: int) -> Markdown:
    """The sentence under the consistency table: how many of the totals that can be checked (stated
    with both exports and imports) equal exports + imports, which do not, and how many totals have
    no exports or imports stated beside them."""
    checkable, bare = _checkable(consistency), _bare_totals(consistency)
    if checkable.empty:
        sentence = "No document states a total together with both exports and imports"
    else:
        adds = checkable[checkable["verdict"].eq("adds up")]
        off = checkable[checkable["verdict"].eq("does not add up")]
        n = len(checkable)
        sentence = (
            f"{len(adds):,} of {n:,} stated {verb(n, 'total', 'totals')} {verb(len(adds), 'equals', 'equal')} "
            "exports + imports within rounding"
        )
        if len(adds):
            sentence += f" (largest difference {usd_bn(adds['difference'].abs().max())})"
        if len(off):
            sentence += f"; {_partners(off['partner'])} {verb(len(off), 'does', 'do')} not: off by " + name_list(
                usd_bn(d) for d in off["difference"]
            )
    if bare:
        sentence += (
            f". {counted(bare, 'stated total')} {verb(bare, 'has', 'have')} no exports or imports beside "
            f"{verb(bare, 'it', 'them')}, so {verb(bare, 'it is', 'they are')} not checked"
        )
    return Markdown(sentence + "." + rows_note(len(consistency), max_rows, "rows"))


def _ratio_clause(partner: str, ratio: float) -> str:
    if ratio == 0:
        return f"buys from {partner} but sells nothing there"
    if math.isinf(ratio):
        return f"sells to {partner} but buys nothing from it"
    if ratio < 1:
        return f"buys {1 / ratio:,.2f} times as much from {partner} as it sells there"
    return f"sells {ratio:,.2f} times as much to {partner} as it buys from it"


def ratios_sentence(balances: pd.DataFrame, reporter: str) -> Markdown:
    """The sentence of export/import ratios: how many times as much the reporter buys from or sells to each partner."""
    known = _known(balances, "export_import_ratio")
    clauses = [
        _ratio_clause(_partner(row.partner), float(row.export_import_ratio)) for row in known.itertuples(index=False)
    ]
    if not clauses:
        return Markdown("No exports/imports pair is stated, so no ratio.")
    return Markdown(f"{escape_markdown(reporter)} {'; '.join(clauses)}.")


def pattern_sentence(balances: pd.DataFrame, reporter: str) -> Markdown:
    """The sentence comparing the surpluses with the deficits, and the inputs-and-finished-goods reading of them."""
    who = escape_markdown(reporter)
    known = _known(balances, "balance")
    gains, losses = known[known["balance"] > 0], known[known["balance"] < 0]
    if gains.empty or losses.empty:
        return Markdown(
            f"The stated figures do not show both a deficit and a surplus for {who}, so there is no pattern to read."
        )
    surplus, deficit = float(gains["balance"].sum()), float(-losses["balance"].sum())
    winners, losers = _partners(gains["partner"]), _partners(losses["partner"])
    if len(gains) == 1 and len(losses) == 1:
        trade_off = "earns from one partner what it spends with the other"
    else:
        trade_off = f"earns from {counted(len(gains), 'partner')} what it spends with {counted(len(losses), 'other')}"
    return Markdown(
        f"The {verb(len(gains), 'surplus', 'surpluses')} ({usd_bn(surplus)}, with {winners}) "
        f"{verb(len(gains), 'is', 'are')} {surplus / deficit:,.2f} times the "
        f"{verb(len(losses), 'deficit', 'deficits')} ({usd_bn(deficit)}, with {losers}): on these figures {who} "
        f"{trade_off}. The numbers fit the familiar account of inputs bought from {losers} and finished goods "
        f"sold to {winners}, but bilateral balances cannot show that the same goods are involved."
    )


def attribution_sentence(check: pd.DataFrame, max_rows: int) -> Markdown:
    """The sentence under the fact check: whose statistics the text credits, whose figures actually
    match, and which figures have no reference row of their own reporter, partner, flow and period."""
    if check.empty or check["reference_usd_bn"].isna().all():
        return Markdown("No stated figure could be checked against the reference set." + _no_row_clause(check))
    countries = check["credited_country"].map(text_or_blank)
    credited = check.loc[countries.ne(""), ["credited_country", "attribution"]].drop_duplicates()
    pairs = [
        f"*{_shown(row.attribution)}* ({_shown(row.credited_country)})" for row in credited.itertuples(index=False)
    ]
    if len(pairs) == 1:
        sentence = f"The text credits {pairs[0]}. "
    elif pairs:
        sentence = f"The texts credit {name_list(pairs)}. "
    else:
        sentence = "The text does not say whose statistics it quotes. "
    same = check[check["check"].eq("same side") & check["verdict"].eq("matches")]
    publishers = sorted({text_or_blank(p) for p in same["publisher"]} - {""})
    named = [str(country) for country in credited["credited_country"]]
    if publishers:
        sentence += f"The figures that match are published by {'; '.join(escaped(publishers))}"
        if not named:
            sentence += "."
        elif any(p.startswith(country) for p in publishers for country in named):
            sentence += " — the credited source."
        else:
            countries = verb(len(set(named)), "country", "countries")
            sentence += f" — not by the credited {countries}: the attribution is wrong."
    else:
        sentence += "No stated figure matches a published one."
    return Markdown(sentence + _no_row_clause(check) + rows_note(len(check), max_rows, "comparisons"))


FLOW_WORDS = {
    "exports": "exports to",
    "imports": "imports from",
    "total": "total trade with",
    "balance": "balance with",
}
"""A flow as a sentence names it before its partner: "Vietnam's exports to China"."""


def _no_row_clause(check: pd.DataFrame) -> str:
    """A sentence (with a leading space) naming the figures that have no reference row of their own
    reporter, partner, flow and period: "There is no reference row for China's total trade with
    Vietnam in 2022, so that figure is not checked." ("" when every figure has one)."""
    if check.empty:
        return ""
    missing = check[check["verdict"].eq("no reference row")]
    rows = missing[["reporter", "partner", "flow", "period"]].drop_duplicates()
    named = [
        f"{_possessive(_partner(r.reporter))} {FLOW_WORDS[r.flow]} {_partner(r.partner)} "
        f"{'in' if str(r.period).isdigit() else 'for'} {_shown(r.period)}"
        for r in rows.itertuples(index=False)
    ]
    if not named:
        return ""
    n = len(missing)
    return (
        f" There is no reference row for {name_list(named)}, so "
        f"{verb(n, 'that figure has', f'those {n:,} figures have')} no same-side check."
    )


def focus_sentence(focus: TradeFocus) -> Markdown:
    """The sentence under the title: whose trade is analysed, in which year, and why those (the
    event's host, the last full year before it) when they are the defaults."""
    profile = focus.profile
    roles = {profile.host: "the host of", profile.visitor: "the visiting country in"}
    who = _partner(focus.reporter)
    sentence = f"The figures analysed are {_possessive(who)} trade in {focus.year}"
    reasons = []
    if focus.reporter in roles:
        reasons.append(f"{who} is {roles[focus.reporter]} {escape_markdown(profile.name)}")
    if focus.year_before:
        reasons.append(f"{focus.year} the last full year before it")
    if reasons:
        sentence += ": " + " and ".join(reasons)
    return Markdown(sentence + ".")


def reference_sentence(focus: TradeFocus) -> Markdown:
    """The sentence that opens the fact check: which reference table holds the official statistics,
    whose statistics and which years it has, or, plainly, that the event has none."""
    if not focus.reference_file:
        return Markdown(
            "There is no reference table for this event: its profile names no `trade` reference, so no stated "
            "figure is checked against official statistics (the `reference_file` parameter names one)."
        )
    reference = focus.reference
    name = escape_markdown(Path(focus.reference_file).name)
    if reference.empty:
        return Markdown(f"The reference table *{name}* holds no row, so no stated figure is checked.")
    reporters = _partners(pd.Series(sorted(set(reference["reporter"]))))
    years = reference["year"].dropna()
    span = "–".join(dict.fromkeys(str(int(y)) for y in (years.min(), years.max()))) if len(years) else "no stated year"
    return Markdown(
        f"The reference table *{name}* holds {counted(len(reference), 'row')} of official statistics: "
        f"those of {reporters}, for {span}, each row with its publisher and source."
    )


def mirror_sentence(check: pd.DataFrame, earlier: pd.DataFrame, reporter: str, year: int) -> Markdown:
    """The sentence under the gap chart: which partners' own figures are missing, earlier years' gaps for scale."""
    who = escape_markdown(reporter)
    missing = sorted({text_or_blank(p) for p in unmatched_mirrors(check)["partner"]}) if len(check) else []
    found = bool(len(check)) and bool((check["check"].eq("mirror") & check["reference_usd_bn"].notna()).any())
    if len(missing) == 1:
        sentence = (
            f"{_possessive(_sentence_start(_partner(missing[0])))} own figure for {year} was not found in the "
            "reference set, "
            "so those flows are checked against one side only."
        )
    elif missing:
        sentence = (
            f"The partners' own figures for {year} ({_partners(pd.Series(missing))}) were not found in the "
            "reference set, so those flows are checked against one side only."
        )
    elif found:
        sentence = "Every checked flow has a partner-side figure."
    else:
        sentence = "No partner-side figure applies here."
    for row in earlier.itertuples(index=False):
        sentence += (
            f" For scale: in {row.year}, {_partner(row.partner)} reported "
            f"{usd_bn(row.partner_usd_bn, 1)} of {row.flow} trade against {who}'s {usd_bn(row.reporter_usd_bn, 1)}, "
            f"a gap of {usd_bn(row.gap_usd_bn, 1)} ({signed_percent(row.gap_pct)})."
        )
    return Markdown(sentence)
