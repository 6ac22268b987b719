"""Deals: which agreements the texts report as signed, expected, proposed, urged or absent.

``deal_mentions(corpus)`` finds the items of the deal taxonomy (``data/deal_taxonomy.toml``) in
article sentences and gives each mention a status read from the text (``data/deal_cues.toml``).
The summaries below turn mentions into a source x category coverage table, a before-vs-after
comparison of the visit's previews and reports, and the sector profile of each partner's package.
Number claims ("37 deals") are in :func:`deal_counts` (module :mod:`xivn.deals.counts`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from xivn.corpus.corpus import Corpus
from xivn.cues.engine import Hit, find_hits, resolve_overlaps
from xivn.deals.status import Sentence, analyse, document_status, party_of, resolve_status
from xivn.deals.taxonomy import DealCues, Taxonomy, as_cues, as_taxonomy

MENTIONS = (
    "doc_id",
    "sent_id",
    "start",
    "end",
    "quote",
    "item_id",
    "label",
    "category",
    "kind",
    "parties",
    "status",
    "status_source",
    "status_cue",
    "sentence",
)
ITEM_RANK, AREA_RANK = 0, 1


def deal_mentions(
    corpus: Corpus,
    taxonomy: Taxonomy | str | Path | None = None,
    cues: DealCues | str | Path | None = None,
) -> pd.DataFrame:
    """Every mention of a deal item in the article text, with the status the text gives it.

    Columns: ``doc_id``, ``sent_id``, ``start``, ``end``, ``quote`` (the words that name the
    item; ``corpus.quote(doc_id, start, end)``), ``item_id``, ``label`` (the item's canonical
    name), ``category`` (category id), ``kind`` (item or area), ``parties`` ("China-Vietnam",
    "US-Vietnam", ...), ``status`` (signed / expected / proposed / urged / absent),
    ``status_source`` (which rule decided: clause, sentence, lead-in, paragraph, document,
    default), ``status_cue`` (the cue words), ``sentence`` (the whole sentence, as evidence).

    Each bullet of a list is its own mention and takes the status of the lead-in above the list
    unless it has an explicit cue of its own; a sentence naming several areas gives several
    mentions. Questions assert nothing and are skipped. Within a sentence an item is reported
    once per status, and an area is dropped when a specific item of its category is named.
    Sorted by ``doc_id`` and ``start``; ``attrs`` records the taxonomy and cue files.
    """
    tax, dc = as_taxonomy(taxonomy), as_cues(cues)
    item_cues = tax.item_cues()
    ranks = {item_id: ITEM_RANK if item.kind == "item" else AREA_RANK for item_id, item in tax.items.items()}
    rows = []
    for sentences in analyse(corpus, dc).values():
        doc_status = document_status(sentences)
        for sentence in sentences:
            if sentence.is_question:
                continue
            hits = resolve_overlaps(find_hits(sentence.text, item_cues, offset=sentence.start, ranks=ranks))
            rows.extend(_sentence_mentions(sentence, hits, tax, dc, doc_status))
    table = pd.DataFrame(rows, columns=list(MENTIONS))
    table = table.sort_values(["doc_id", "start", "item_id"], ignore_index=True)
    for column in ("sent_id", "start", "end"):
        table[column] = table[column].astype("int64")
    table.attrs.update(taxonomy=tax.source, cues=dc.source)
    return table


def _sentence_mentions(
    sentence: Sentence, hits: list[Hit], tax: Taxonomy, dc: DealCues, doc_status: str | None
) -> list[tuple]:
    lead_context = bool(sentence.lead_in and sentence.lead_in.context_hits)
    found: list[tuple] = []
    for hit in hits:
        item = tax.items[hit.label]
        within = sentence.clause_of(hit.start) if item.kind == "area" else None
        if item.needs_context and not (lead_context or sentence.has_context(hit, within)):
            continue
        status = resolve_status(sentence, hit.start, hit.end, doc_status, dc)
        parties = item.parties or _area_parties(sentence, hit, tax)
        found.append(
            (
                sentence.doc_id,
                sentence.sent_id,
                hit.start,
                hit.end,
                sentence.words(hit),
                item.item_id,
                item.label,
                item.category,
                item.kind,
                parties,
                status.status,
                status.source,
                status.cue,
                sentence.text,
            )
        )
    specific = {row[7] for row in found if row[8] == "item"}
    kept, seen = [], set()
    for row in found:
        key = (row[5], row[9], row[10])  # item, parties, status
        if (row[8] == "area" and row[7] in specific) or key in seen:
            continue
        seen.add(key)
        kept.append(row)
    return kept


def _area_parties(sentence: Sentence, hit: Hit, tax: Taxonomy) -> str:
    start, end = sentence.clause_of(hit.start)
    text = sentence.text[start - sentence.start : end - sentence.start]
    if sentence.lead_in is not None:
        text += " " + sentence.lead_in.text
    return party_of(text, tax.parties, tax.default_parties)


def deal_coverage(
    mentions: pd.DataFrame, corpus: Corpus, taxonomy: Taxonomy | str | Path | None = None
) -> pd.DataFrame:
    """Mentions of the default parties' deals (China-Vietnam) per document and category.

    Rows: every document of the corpus (index ``doc_id``, in corpus order); columns: every category
    label in taxonomy order; values: number of mentions (0 where none).
    """
    tax = as_taxonomy(taxonomy)
    own = mentions[mentions["parties"] == tax.default_parties]
    table = pd.crosstab(own["doc_id"], own["category"]).reindex(
        index=corpus.doc_ids, columns=list(tax.categories), fill_value=0
    )
    return table.rename(columns=tax.categories).rename_axis(index="doc_id", columns="category").astype("int64")


def deal_outcomes(
    mentions: pd.DataFrame,
    documents: pd.DataFrame,
    taxonomy: Taxonomy | str | Path | None = None,
    cues: DealCues | str | Path | None = None,
) -> pd.DataFrame:
    """Before against after: what the pre-visit texts expected and what the post-visit texts report.

    Uses the ``timing`` column of ``documents`` ("before" / "after"; other documents are left
    out) and the default parties' mentions. One row per item mentioned on either side. Columns:
    ``category`` (label), ``item_id``, ``label``, ``before`` and ``after`` (the statuses found,
    comma-separated in status order, "" if none), ``outcome`` (a sentence computed from the two),
    ``before_evidence`` and ``after_evidence`` (``doc_id: sentence`` of the first mention with the
    side's leading status). Sorted by category order, then ``item_id``.
    """
    tax = as_taxonomy(taxonomy)
    statuses = list(as_cues(cues).statuses)
    timing = dict(zip(documents["doc_id"], documents["timing"], strict=True))
    own = mentions[mentions["parties"] == tax.default_parties].assign(timing=lambda t: t["doc_id"].map(timing))
    own = own[own["timing"].isin(["before", "after"])]
    rows = []
    order = list(tax.categories)
    for item_id, group in own.groupby("item_id", sort=False):
        item = tax.items[item_id]
        sides = {side: group[group["timing"] == side] for side in ("before", "after")}
        found = {side: [s for s in statuses if s in set(rows_["status"])] for side, rows_ in sides.items()}
        evidence = {side: _evidence(rows_, found[side], statuses) for side, rows_ in sides.items()}
        rows.append(
            (
                order.index(item.category),
                tax.categories[item.category],
                item_id,
                item.label,
                ", ".join(found["before"]),
                ", ".join(found["after"]),
                _outcome(set(found["before"]), set(found["after"])),
                evidence["before"],
                evidence["after"],
            )
        )
    columns = ["order", "category", "item_id", "label", "before", "after", "outcome"]
    table = pd.DataFrame(rows, columns=[*columns, "before_evidence", "after_evidence"]).sort_values(
        ["order", "item_id"], ignore_index=True
    )
    return table.drop(columns="order")


def _evidence(rows: pd.DataFrame, found: list[str], statuses: list[str]) -> str:
    if rows.empty:
        return ""
    lead = _leading(set(found), statuses)
    first = rows[rows["status"] == lead].sort_values(["doc_id", "start"]).iloc[0]
    return f"{first['doc_id']}: {first['sentence']}"


def _leading(found: set[str], statuses: list[str]) -> str:
    """The status that sums up one side: signed, then absent, then the rest in status order."""
    for status in ("signed", "absent", *statuses):
        if status in found:
            return status
    return ""


def _outcome(before: set[str], after: set[str]) -> str:
    anticipated = ", ".join(sorted(before)) if before else ""
    if "signed" in after and "absent" in after:
        return "conflicting reports: signed in one text, absent in another"
    if "signed" in after:
        return f"{anticipated} before, signed after" if before else "signed; not anticipated in the previews"
    if "absent" in after:
        return f"{anticipated} before, absent after" if before else "absent after the visit"
    if after:
        return f"still only {', '.join(sorted(after))} after the visit"
    return f"{anticipated} before, not reported after"


def partner_packages(mentions: pd.DataFrame, taxonomy: Taxonomy | str | Path | None = None) -> pd.DataFrame:
    """What each partner's package is about: signed specific items by category and parties.

    Only ``kind == "item"`` mentions with status "signed" count, each distinct item once, so
    the US-Vietnam initiatives are never counted as China-Vietnam deals. Columns: ``category``
    (label), ``parties``, ``n_items``, ``items`` (labels joined with "; "), ``evidence`` (the
    quoted words of each item's first mention, joined with " / "). One row per category and
    parties value of the taxonomy (``n_items`` 0 where none), in taxonomy order.
    """
    tax = as_taxonomy(taxonomy)
    signed = mentions[(mentions["kind"] == "item") & (mentions["status"] == "signed")]
    first = signed.sort_values(["doc_id", "start"]).drop_duplicates(["parties", "item_id"])
    rows = []
    for category, label in tax.categories.items():
        for parties in tax.parties:
            chosen = first[(first["category"] == category) & (first["parties"] == parties)].sort_values("item_id")
            rows.append(
                (
                    label,
                    parties,
                    len(chosen),
                    "; ".join(tax.items[i].label for i in chosen["item_id"]),
                    " / ".join(chosen["quote"]),
                )
            )
    return pd.DataFrame(rows, columns=["category", "parties", "n_items", "items", "evidence"])
