"""Deals: which agreements the texts report, between whom, and as signed, agreed, pledged,
expected, proposed, urged, denied or absent.

``deal_mentions(corpus)`` finds the items of the deal taxonomy (``data/deal_taxonomy.toml``) in
article sentences where a deal word governs them, reads their parties from the text
(``data/deal_parties.toml``) and gives each mention a status read from the text
(``data/deal_cues.toml``).
The summaries below turn mentions into a source x category coverage table, a before-vs-after
comparison of the visit's previews and reports, and the sector profile of each partner's package.
Number claims ("37 deals") are in :func:`deal_counts` (module :mod:`xivn.deals.counts`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from xivn.corpus.corpus import Corpus
from xivn.cues.engine import Hit, find_hits, resolve_overlaps
from xivn.deals.parties import UNRESOLVED, DocumentParties, PartyCues, PartyReader, as_party_cues
from xivn.deals.status import HEADING_KINDS, Sentence, analyse, document_status, resolve_status
from xivn.deals.taxonomy import DealCues, DealItem, Taxonomy, as_cues, as_taxonomy

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
    "parties_from",
    "status",
    "status_source",
    "status_cue",
    "sentence",
)
ITEM_RANK, GENERAL_RANK, AREA_RANK = 0, 1, 2  # which of two overlapping cues wins (then: the longer)


def deal_mentions(
    corpus: Corpus,
    taxonomy: Taxonomy | str | Path | None = None,
    cues: DealCues | str | Path | None = None,
    parties: PartyCues | str | Path | None = None,
) -> pd.DataFrame:
    """Every mention of a deal item in the article text, with its parties and the status the text gives it.

    Columns: ``doc_id``, ``sent_id``, ``start``, ``end``, ``quote`` (the words that name the
    item; ``corpus.quote(doc_id, start, end)``), ``item_id``, ``label`` (the item's canonical
    name), ``category`` (category id), ``kind`` (item or area), ``parties`` (the two sides the
    text names, sorted and joined with "-": "China-Vietnam", "Japan-Vietnam", "ATR-India"; every
    signatory when three or more sign, "China-Laos-Thailand"; one side alone when the text names
    only one; "" when it names none), ``parties_from`` (where they
    were read: clause, sentence, lead-in, previous sentence, paragraph, heading, document, "one
    side", or "" when unresolved; rules in ``deal_parties.toml``), ``status`` (signed / agreed /
    pledged / expected / proposed / urged / denied / absent),
    ``status_source`` (which rule decided: clause, sentence, lead-in, paragraph, document,
    default), ``status_cue`` (the cue words), ``sentence`` (the whole sentence, as evidence).

    A topic word is a mention only when a deal word shares its clause (or the lead-in of its list)
    and it is not a modifier of another noun ("security concerns", "the transport ministry") or the
    setting of a signing ("amid tight security"). Each bullet of a list is its own mention and takes
    the status of the lead-in above the list unless it has an explicit cue of its own; a sentence
    naming several areas gives several mentions. Questions assert nothing and are skipped. Within
    a sentence an item is reported once per parties and status, and an area is dropped when a
    specific item of its category is named (in a heading: when the body names one with the same
    parties and status).
    Sorted by ``doc_id`` and ``start``; ``attrs`` records the taxonomy, cue and party files.
    """
    tax, dc, reader = as_taxonomy(taxonomy), as_cues(cues), PartyReader(as_party_cues(parties))
    item_cues = tax.item_cues()
    ranks = {item_id: _rank(item) for item_id, item in tax.items.items()}
    rows = []
    for sentences in analyse(corpus, dc).values():
        doc_status, doc_parties = document_status(sentences), reader.document(sentences)
        found = []
        for sentence in sentences:
            if sentence.is_question:
                continue
            hits = resolve_overlaps(find_hits(sentence.text, item_cues, offset=sentence.start, ranks=ranks))
            found += [
                (row, sentence.kind in HEADING_KINDS)
                for row in _sentence_mentions(sentence, hits, tax, dc, doc_parties, doc_status)
            ]
        rows.extend(_without_heading_repeats(found))
    table = pd.DataFrame(rows, columns=list(MENTIONS))
    table = table.sort_values(["doc_id", "start", "item_id"], ignore_index=True)
    for column in ("sent_id", "start", "end"):
        table[column] = table[column].astype("int64")
    table.attrs.update(taxonomy=tax.source, cues=dc.source, parties=reader.cues.source)
    return table


def _rank(item: DealItem) -> int:
    """The item's rank when two cues overlap: a named item, then a general one, then an area."""
    if item.kind != "item":
        return AREA_RANK
    return GENERAL_RANK if item.general else ITEM_RANK


def _sentence_mentions(
    sentence: Sentence,
    hits: list[Hit],
    tax: Taxonomy,
    dc: DealCues,
    doc_parties: DocumentParties,
    doc_status: str | None,
) -> list[tuple]:
    lead_context = bool(sentence.lead_in and sentence.lead_in.context_hits)
    found: list[tuple] = []
    for hit in hits:
        item = tax.items[hit.label]
        governed = lead_context or sentence.has_context(hit, sentence.governing_clause(hit.start, dc.listings))
        if (item.needs_context and not governed) or not _is_topic(sentence, hit, dc):
            continue
        status = resolve_status(sentence, hit.start, hit.end, doc_status, dc)
        parties = doc_parties.parties(sentence, hit.start)
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
                parties.parties,
                parties.source,
                status.status,
                status.source,
                status.cue,
                sentence.text,
            )
        )
    specific = {row[7] for row in found if row[8] == "item"}
    kept, seen = [], set()
    for row in found:
        key = (row[5], row[9], row[11])  # item, parties, status
        if (row[8] == "area" and row[7] in specific) or key in seen:
            continue
        seen.add(key)
        kept.append(row)
    return kept


def _without_heading_repeats(found: list[tuple[tuple, bool]]) -> list[tuple]:
    """A document's mention rows without the areas of its headings that its body names as a
    specific item with the same parties and status ("Vietnam, China sign rail deal" above the
    railway memorandum); ``found`` pairs each row with whether it is in a heading."""
    body_items = {(row[7], row[9], row[11]) for row, heading in found if not heading and row[8] == "item"}
    return [
        row for row, heading in found if not (heading and row[8] == "area" and (row[7], row[9], row[11]) in body_items)
    ]


def _is_topic(sentence: Sentence, hit: Hit, dc: DealCues) -> bool:
    """Whether the words of ``hit`` are a deal's topic, not a modifier of another noun ("security
    concerns") or the setting of the clause ("amid tight security")."""
    after = sentence.text[hit.end - sentence.start : hit.end - sentence.start + 40]
    low = sentence.clause_of(hit.start)[0]
    before = sentence.text[low - sentence.start : hit.start - sentence.start]
    return not (dc.topic_heads.match(after) or dc.topic_settings.search(before))


def deal_coverage(
    mentions: pd.DataFrame, corpus: Corpus, parties: str, taxonomy: Taxonomy | str | Path | None = None
) -> pd.DataFrame:
    """Mentions of one pair's deals (``parties``, as mentions label them: the event's pair,
    :func:`~xivn.deals.parties.event_parties`) per document and category.

    Rows: every document of the corpus (index ``doc_id``, in corpus order); columns: every category
    label in taxonomy order; values: number of mentions (0 where none).
    """
    tax = as_taxonomy(taxonomy)
    own = mentions[mentions["parties"] == parties]
    table = pd.crosstab(own["doc_id"], own["category"]).reindex(
        index=corpus.doc_ids, columns=list(tax.categories), fill_value=0
    )
    return table.rename(columns=tax.categories).rename_axis(index="doc_id", columns="category").astype("int64")


def deal_outcomes(
    mentions: pd.DataFrame,
    documents: pd.DataFrame,
    parties: str,
    taxonomy: Taxonomy | str | Path | None = None,
    cues: DealCues | str | Path | None = None,
) -> pd.DataFrame:
    """Before against after: what the pre-visit texts expected and what the post-visit texts report.

    Uses the ``timing`` column of ``documents`` ("before" / "after"; other documents are left
    out) and the mentions of one pair's deals (``parties``: the event's pair). One row per item
    mentioned on either side. Columns: ``category`` (label), ``item_id``, ``label``, ``before`` and
    ``after`` (the statuses found, comma-separated in status order, "" if none), ``outcome`` (a
    sentence computed from the two),
    ``before_evidence`` and ``after_evidence`` (``doc_id: sentence`` of the first mention with the
    side's leading status). Sorted by category order, then ``item_id``.
    """
    tax = as_taxonomy(taxonomy)
    statuses = list(as_cues(cues).statuses)
    timing = dict(zip(documents["doc_id"], documents["timing"], strict=True))
    own = mentions[mentions["parties"] == parties].assign(timing=lambda t: t["doc_id"].map(timing))
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


def partner_packages(
    mentions: pd.DataFrame, parties: str, taxonomy: Taxonomy | str | Path | None = None
) -> pd.DataFrame:
    """What each partner's package is about: signed specific items by category and parties.

    Only ``kind == "item"`` mentions with status "signed" and two sides read from the text count,
    each distinct item once per pair, so one pair's deals are never counted as another's. Columns:
    ``category`` (label), ``parties``, ``n_items``, ``items`` (labels joined with "; "),
    ``evidence`` (the quoted words of each item's first mention, joined with " / "). One row per
    category and pair: ``parties`` (the event's pair) first, then the other pairs the texts report
    a signed item of, sorted (``n_items`` 0 where none), in taxonomy order.
    """
    tax = as_taxonomy(taxonomy)
    signed = pair_mentions(mentions)
    signed = signed[(signed["kind"] == "item") & (signed["status"] == "signed")]
    first = signed.sort_values(["doc_id", "start"]).drop_duplicates(["parties", "item_id"])
    pairs = [parties, *sorted(set(first["parties"]) - {parties})]
    rows = []
    for category, label in tax.categories.items():
        for parties in pairs:
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


def pair_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions whose two sides the text names (``parties_from`` neither "" nor "one side")."""
    return mentions[~mentions["parties_from"].isin(UNRESOLVED)]
