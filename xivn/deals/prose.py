"""The sentences of the deal notebook, computed from the deal tables.

Every function returns :class:`~xivn.display.markdown.Markdown`, takes tables and scalars (never a
file), and passes each piece of corpus or data-file text (quotes, labels, partner names) through
:func:`~xivn.display.escaping.escape_markdown`, so a label such as ``*Evil* $x$ <b>`` shows as typed.

The event's pair in words (:func:`pair_words`, "China–Vietnam") comes from the event profile; the
official count from its ``[outcomes]``. :func:`code_span` writes a file name as inline code,
whatever backticks it holds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from xivn.deals.selection import shared_sectors
from xivn.display.escaping import escape_markdown
from xivn.display.markdown import Markdown
from xivn.display.wording import (
    counted,
    documents_note,
    escaped,
    is_missing,
    label_of,
    name_list,
    rows_note,
    verb,
)
from xivn.event.profile import EventProfile, Outcomes

QUOTES_SHOWN = 8
"""Contradicting number claims quoted one by one in the bottom line; the rest are counted."""
CONFLICTS = "conflicts"


def code_span(text: str) -> str:
    """``text`` as a Markdown code span, fenced with more backticks than it holds (CommonMark)."""
    text = str(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def pair_words(profile: EventProfile) -> str:
    """The event's two countries as a modifier, visitor first: "China–Vietnam", "United States–Vietnam"."""
    return f"{profile.visitor}–{profile.host}"


def _official(counts: pd.DataFrame) -> int | None:
    value = counts.attrs.get("official")
    return None if is_missing(value) else int(value)


def bottom_line(
    own: pd.DataFrame,
    counts: pd.DataFrame,
    labels: Mapping[str, str],
    n_documents: int,
    n_categories: int,
    pair: str,
) -> Markdown:
    """The "Bottom line": mentions of the ``pair``'s deals (:func:`pair_words`), categories, items
    signed and absent, and number claims that cannot be right (or, with no official count, the claims)."""
    if own.empty and counts.empty:
        texts = "the one text" if n_documents == 1 else f"the {n_documents:,} texts"
        return Markdown(
            f"**Bottom line.** None of {texts} mentions a deal of the taxonomy or states a number of deals."
        )
    signed = own[(own["status"] == "signed") & (own["kind"] == "item")]["item_id"].nunique()
    absent = own[own["status"] == "absent"]
    absent_labels = sorted(set(escaped(absent["label"].where(absent["label"].notna(), absent["item_id"]))))
    sentence = (
        f"**Bottom line.** The {counted(n_documents, 'text')} {verb(n_documents, 'makes', 'make')} "
        f"{counted(len(own), 'mention')} of {escape_markdown(pair)} deals in {own['category'].nunique():,} of "
        f"{counted(n_categories, 'category', 'categories')}; {counted(signed, 'specific item')} "
        f"{verb(signed, 'is', 'are')} reported signed"
    )
    if absent_labels:
        sentence += f", and {absent['item_id'].nunique():,} explicitly absent ({name_list(absent_labels)})"
    else:
        sentence += ", and none is reported absent"
    return Markdown(sentence + _count_claims(counts, labels))


def _count_claims(counts: pd.DataFrame, labels: Mapping[str, str]) -> str:
    """The bottom line's last sentence: the number claims that conflict with the official count, or
    all of them when there is no official count to check them against."""
    if counts.empty:
        return ". No text states a number of deals."
    claims = counted(len(counts), "number claim")
    official = _official(counts)
    if official is None:
        stated = f"{claims[0].upper()}{claims[1:]} {verb(len(counts), 'is', 'are')} stated"
        them = verb(len(counts), "it", "them")
        return f". {stated}: {_quoted(counts, labels)}; there is no official count to check {them} against."
    wrong = counts[counts["verdict"] == CONFLICTS]
    if wrong.empty:
        return f". Of {claims}, none conflicts with the official count of {official:,}."
    agrees = verb(len(wrong), "conflicts", "conflict")
    return f". Of {claims}, {len(wrong):,} {agrees} with the official count of {official:,}: {_quoted(wrong, labels)}."


def _quoted(claims: pd.DataFrame, labels: Mapping[str, str]) -> str:
    """The first :data:`QUOTES_SHOWN` claims quoted with their document's label, the rest counted."""
    shown = claims.head(QUOTES_SHOWN)
    quoted = "; ".join(
        f"“{escape_markdown(str(claim if is_missing(quote) else quote))}” ({label_of(labels, doc_id)})"
        for quote, claim, doc_id in zip(shown["quote"], shown["claim"], shown["doc_id"], strict=True)
    )
    return quoted + (f"; and {len(claims) - QUOTES_SHOWN:,} more" if len(claims) > QUOTES_SHOWN else "")


def official_sentence(outcomes: Outcomes | None) -> Markdown:
    """What the number claims are checked against: the official count and who states it, or plainly
    that the event profile gives none."""
    if outcomes is None or outcomes.count is None:
        return Markdown(
            "There is no official count of the documents signed to check the number claims against: "
            "the claims are listed, with no verdict."
        )
    return Markdown(
        f"The official count is {outcomes.count:,} documents signed (source: {escape_markdown(outcomes.source)})."
    )


def taxonomy_sentence(
    table: pd.DataFrame, n_shown: int, source: str, n_categories: int, parties: str, outcomes: Outcomes | None
) -> Markdown:
    """The sentence under the taxonomy table: categories, items, areas, items documented in the
    official list of the event's ``outcomes`` (when it has one), items of other partnerships than
    ``parties``, and the rows the table leaves out (``n_shown`` of ``table`` are shown)."""
    items = table[table["kind"] == "item"]
    areas = int((table["kind"] == "area").sum())
    other = int((items["parties"].notna() & (items["parties"] != parties)).sum())
    if outcomes is not None and outcomes.list_file:
        documented = int((items["reference"].fillna("") != "").sum())
        listed = f"{counted(documented, 'item')} {verb(documented, 'is', 'are')} documented in the official list"
    else:
        listed = "the event has no official list to document them"
    hidden = len(table) - n_shown
    left_out = f" The table leaves out the {counted(hidden, 'item')} of partnerships no text reports." if hidden else ""
    return Markdown(
        f"The taxonomy ({code_span(source)}) has {counted(n_categories, 'category', 'categories')}, "
        f"{counted(len(items), 'specific item')} and {counted(areas, 'area')}; {listed}, {other:,} "
        f"{verb(other, 'belongs', 'belong')} to another partnership.{left_out}"
    )


def coverage_sentence(
    coverage: pd.DataFrame, status: pd.DataFrame, labels: Mapping[str, str], n_shown: int, pair: str
) -> Markdown:
    """The sentence under the coverage tables: the broadest document, unmentioned categories of the
    ``pair``'s deals, status totals."""
    filled = coverage.fillna(0)
    broad = (filled > 0).sum(axis=1)
    n_columns = coverage.shape[1]
    never = int((filled.sum() == 0).sum())
    if broad.empty or broad.max() == 0:
        categories = counted(n_columns, "category", "categories")
        first = f"No document mentions a {escape_markdown(pair)} deal in any of the {categories}"
    else:
        first = (
            f"*{label_of(labels, broad.idxmax())}* covers the most categories ({broad.max():,} of {n_columns:,}); "
            f"categories never mentioned: {never:,}"
        )
    totals = status.fillna(0).sum()
    by_status = ", ".join(f"{escape_markdown(str(name))} {int(n):,}" for name, n in totals.items()) or "none"
    note = documents_note(len(coverage), n_shown, "deal mentions")
    return Markdown(f"{first}. Statuses over all mentions: {by_status}.{note}")


def evidence_sentence(evidence: pd.DataFrame, max_rows: int) -> Markdown:
    """The sentence under the evidence table: how many mentions a reader might check, by status."""
    if evidence.empty:
        return Markdown(
            "No mention needs checking: every status was read from the mention's own sentence or list, "
            "and none is an absence, a call, a proposal or a denial."
        )
    by_status = evidence["status"].dropna().value_counts(sort=False)
    parts = ", ".join(f"{escape_markdown(str(name))} {int(n):,}" for name, n in by_status.items()) or "none"
    note = rows_note(len(evidence), max_rows, "mentions")
    return Markdown(f"Mentions to check: {len(evidence):,} (by status: {parts}).{note}")


def outcomes_sentence(outcomes: pd.DataFrame, documents: pd.DataFrame, pair: str) -> Markdown:
    """The before-against-after sentence: items of the ``pair``'s deals anticipated, then reported signed or absent."""
    if outcomes.empty:
        timed = int(documents["timing"].isin(["before", "after"]).sum()) if "timing" in documents else 0
        return Markdown(
            f"No comparison is possible: {timed:,} of {counted(len(documents), 'document')} "
            f"{verb(timed, 'has', 'have')} a before/after `timing`, "
            f"or none of them mentions a {escape_markdown(pair)} deal."
        )
    before, after = outcomes["before"].fillna(""), outcomes["after"].fillna("")
    expected = outcomes[before != ""]
    kept = expected[after[before != ""].str.contains("signed")]
    gone = outcomes[after.str.contains("absent")]
    return Markdown(
        f"The pre-visit texts anticipate {counted(len(expected), 'item')}; {len(kept):,} of them "
        f"{verb(len(kept), 'is', 'are')} reported signed afterwards ({name_list(escaped(kept['label'])) or 'none'}); "
        f"reported absent after the visit: {len(gone):,} ({name_list(escaped(gone['label'])) or 'none'})."
    )


def counts_sentence(counts: pd.DataFrame, clash: pd.DataFrame, max_rows: int, sources: int) -> Markdown:
    """The sentence under the count tables: claims that fit the official count, and contradicting
    pairs among the texts and the ``sources`` reference sources that state a count."""
    official = _official(counts)
    if counts.empty:
        first = "No text states a number of deals. "
    elif official is None:
        first = f"There is no official count to check the {counted(len(counts), 'claim')} against. "
    else:
        fits = counts[counts["verdict"].notna() & (counts["verdict"] != CONFLICTS)]
        names = name_list(sorted(set(escaped(fits["claim"])))) or "none"
        first = (
            f"{len(fits):,} of {counted(len(counts), 'claim')} {verb(len(fits), 'fits', 'fit')} "
            f"the official count of {official:,} ({names}). "
        )
    among = "Counting the reference sources" if sources else "With no reference source stating a count"
    if clash.empty:
        second = f"{among}, no two stated totals contradict each other."
    else:
        itself = int((clash["a"] == clash["b"]).sum())
        second = (
            f"{among}, {counted(len(clash), 'pair')} of stated totals cannot both be right; "
            f"{itself:,} of them {verb(itself, 'sets', 'set')} one source against itself "
            "(a headline against its own body)."
        )
    notes = rows_note(len(counts), max_rows, "number claims") + rows_note(len(clash), max_rows, "contradicting pairs")
    return Markdown(first + second + notes)


def packages_sentence(wide: pd.DataFrame) -> Markdown:
    """The sentence under the partner chart: each package's signed items and main sector, and shared sectors."""
    filled = wide.fillna(0)
    parts = []
    for party in filled.columns:
        total = int(filled[party].sum())
        part = f"the {escape_markdown(str(party))} package has {counted(total, 'signed item')}"
        if total:
            part += f", most in *{escape_markdown(str(filled[party].idxmax()))}*"
        parts.append(part)
    if not parts:
        return Markdown("No partnership has a signed item.")
    text = "; ".join(parts)
    if len(parts) == 1:
        return Markdown(f"{text[0].upper()}{text[1:]}; no other pair has a signed item.")
    where = "both" if len(parts) == 2 else "every package"
    shared = name_list(escaped(shared_sectors(wide))) or "none"
    return Markdown(f"{text[0].upper()}{text[1:]}. Sectors present in {where}: {shared}.")


def parties_sentence(summary: pd.DataFrame, focal: str) -> Markdown:
    """Whose deals the mentions are (a :func:`~xivn.deals.selection.parties_summary` table): the
    focal pair's, other pairs' (left out of the focal tables), and the unresolved ones, which no
    table counts because the text names fewer than two sides."""
    if summary.empty:
        return Markdown("No deal mention to attribute to its parties.")
    total = int(summary["mentions"].sum())
    own = int(summary.loc[summary["parties"] == focal, "mentions"].sum())
    others = summary[summary["resolved"] & (summary["parties"] != focal)]
    one = summary[~summary["resolved"] & (summary["parties"] != "")]
    none = int(summary.loc[summary["parties"] == "", "mentions"].sum())
    pairs = name_list(
        f"{escape_markdown(str(p))} {int(n):,}" for p, n in zip(others["parties"], others["mentions"], strict=True)
    )
    first = f"Of {counted(total, 'deal mention')}, {own:,} {verb(own, 'is', 'are')} of {escape_markdown(focal)} deals"
    if others.empty:
        first += ", none of another pair"
    else:
        n_other = int(others["mentions"].sum())
        first += f" and {n_other:,} of other pairs ({pairs}), which the {escape_markdown(focal)} tables leave out"
    n_one, unresolved = int(one["mentions"].sum()), int(one["mentions"].sum()) + none
    if unresolved == 0:
        return Markdown(first + "; every mention has both its sides named in the text.")
    return Markdown(
        f"{first}; {counted(unresolved, 'mention')} {verb(unresolved, 'is', 'are')} unresolved and counted in no "
        f"table: {n_one:,} {verb(n_one, 'names', 'name')} only one side, {none:,} no side at all."
    )
