"""Number claims about the deals ("37 deals", "dozens of co-operation pacts", "three on telecoms")
set beside the official count, and the pairs of numbers that cannot both be right.

The official count and its source come from the event profile's ``[outcomes]``
(:class:`~xivn.event.profile.Outcomes`); the counts other sources state are the ``COUNT-*`` rows of
the list file it names (the shipped ``deals_official.csv``, see ``deals_official.md``). A profile
without outcomes, or without a count, leaves every claim unchecked ("no official count").
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import pandas as pd

from xivn.corpus.corpus import Corpus
from xivn.cues.engine import find_hits, resolve_overlaps
from xivn.cues.reference import load_reference
from xivn.deals.status import HEADING_KINDS, analyse, document_status, resolve_status
from xivn.deals.taxonomy import CountVocabulary, DealCues, Taxonomy, as_cues, as_taxonomy
from xivn.event.profile import Outcomes
from xivn.paths import data_path

COUNT_ROW_PREFIX = "COUNT-"
ALL = "all"
CLAIM = ("claim", "low", "high", "scope")
COUNTS = ("doc_id", "sent_id", "start", "end", "quote", *CLAIM, "status", "official", "verdict")
REFERENCE = ("doc_no", "source_title", "source_url", "quote", *CLAIM)


def _claim_patterns(vocabulary: CountVocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(number + deal noun, number + scope word) patterns built from the count vocabulary."""
    number_words = (*vocabulary.numbers, *vocabulary.vague)
    return _built_patterns(vocabulary.nouns, tuple(vocabulary.qualifiers), number_words, vocabulary.scope)


@lru_cache(maxsize=8)  # asked for every sentence: built once per vocabulary
def _built_patterns(
    nouns: str, qualifiers: tuple[str, ...], number_words: tuple[str, ...], scope_words: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    def alternation(words):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    qualifier = rf"(?:(?P<qual>{alternation(qualifiers)})\s+)?"
    digits = r"(?<![\d.,/–-])\d{1,3}(?![\d,./–-]*\d)"  # not part of a year, date or decimal
    words = alternation(number_words)
    number = rf"[‘“\"']?(?P<num>{digits}|\b(?:{words})\b)\+?[’”\"']?"
    # up to two words between number and noun, neither a function word nor a verb form
    function_word = r"(?:to|and|the|of|in|on|for|with|a|an|that|this|were|was|are|is)\b"
    gap = rf"(?P<gap>(?:(?!{function_word})(?![A-Za-z-]+(?:ed|ing)\b)[A-Za-z-]+\s+){{0,2}}?)"
    scope = rf"\s+(?:{alternation(scope_words)})\s+(?P<after>[^.;]{{1,80}})"
    noun = rf"{qualifier}{number}\s+(?:of\s+)?{gap}(?P<noun>{nouns})\b(?:(?:\s+[A-Za-z-]+){{0,3}}?{scope})?"
    bare = rf"{qualifier}{number}{scope}"
    return re.compile(noun, re.IGNORECASE), re.compile(bare, re.IGNORECASE)


def parse_claims(text: str, vocabulary: CountVocabulary, taxonomy: Taxonomy, *, bare: bool = True) -> list[tuple]:
    """Number claims in ``text``: ``(start, end, claim, low, high, scope)`` with ``high`` None when
    open-ended and ``scope`` "all" or the category id of the sector named ("three on telecoms").
    ``bare`` also accepts a number with a scope word and no deal noun ("three on telecoms")."""
    with_noun, without_noun = _claim_patterns(vocabulary)
    found = []
    for pattern in (with_noun, without_noun) if bare else (with_noun,):
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end, *_ in found):
                continue
            groups = match.groupdict()
            scope = _scope(groups.get("gap") or "", taxonomy) or _scope(groups.get("after") or "", taxonomy)
            if pattern is without_noun and scope is None:
                continue
            low, high = _bounds(groups["num"], groups.get("qual"), vocabulary)
            end = match.end("noun") if pattern is with_noun else match.end()
            if groups.get("after") and scope is not None and _scope(groups.get("gap") or "", taxonomy) is None:
                end = match.start("after") + _scope_end(groups["after"], taxonomy)
            begin = match.start("qual") if groups.get("qual") else match.start("num")
            span = text[begin:end].rstrip(" ,")
            claim = re.sub(r"\s+", " ", re.sub(r"[‘’“”\"]", "", span)).strip()
            found.append((begin, begin + len(span), claim, low, high, scope or ALL))
    return sorted(found)


def _scope(words: str, taxonomy: Taxonomy) -> str | None:
    hits = resolve_overlaps(find_hits(words, taxonomy.item_cues()))
    return taxonomy.items[hits[0].label].category if hits else None


def _scope_end(words: str, taxonomy: Taxonomy) -> int:
    """End of the sector words after a scope word: the last taxonomy hit within the phrase."""
    end = max(h.end for h in resolve_overlaps(find_hits(words, taxonomy.item_cues())))
    closing = re.match(r"[’”\"']*", words[end:])
    return end + (closing.end() if closing else 0)


def _bounds(number: str, qualifier: str | None, vocabulary: CountVocabulary) -> tuple[int, int | None]:
    key = re.sub(r"\s+", " ", number.lower())
    if key in vocabulary.vague:
        low, high = vocabulary.vague[key]
    else:
        value = int(key) if key.isdigit() else vocabulary.numbers[key]
        low, high = value, value
    kind = vocabulary.qualifiers.get(re.sub(r"\s+", " ", qualifier.lower())) if qualifier else None
    if kind == "above":
        return low + 1, None
    if kind == "at_least":
        return low, None
    if kind == "at_most":
        return 0, high
    return low, high  # "about" keeps the stated value


def reference_counts(outcomes: Outcomes | None, taxonomy: Taxonomy | None = None) -> pd.DataFrame:
    """The counts stated by the reference sources: the ``COUNT-*`` rows of the list file the
    event's ``outcomes`` name (none when the profile gives no outcomes or no list).

    Columns: ``doc_no``, ``source_title``, ``source_url``, ``quote`` (the words of the count in
    ``short_title``), ``claim``, ``low``, ``high`` (``<NA>`` when open-ended), ``scope``. A source
    may state two counts (the Reuters text: 37 in its headline, 36 in its body). ``attrs["source"]``
    is the list file's name ("" when there is none).
    """
    if outcomes is None or not outcomes.list_file:
        out = pd.DataFrame(columns=list(REFERENCE)).astype({"low": "Int64", "high": "Int64"})
        out.attrs["source"] = ""
        return out
    csv = data_path(outcomes.list_file)
    table = load_reference(
        csv, ("doc_no", "short_title", "source_title", "source_url"), dtype=str, keep_default_na=False
    )
    vocabulary, tax = as_cues(None).counts, as_taxonomy(taxonomy)
    rows = []
    for row in table[table["doc_no"].str.startswith(COUNT_ROW_PREFIX)].itertuples(index=False):
        for start, end, claim, low, high, scope in parse_claims(row.short_title, vocabulary, tax, bare=False):
            quote = row.short_title[start:end]
            rows.append((row.doc_no, row.source_title, row.source_url, quote, claim, low, high, scope))
    out = pd.DataFrame(rows, columns=list(REFERENCE))
    out[["low", "high"]] = out[["low", "high"]].astype("Int64")
    out.attrs["source"] = csv.name
    return out


def deal_counts(
    corpus: Corpus,
    taxonomy: Taxonomy | str | Path | None = None,
    cues: DealCues | str | Path | None = None,
    outcomes: Outcomes | None = None,
) -> pd.DataFrame:
    """The number claims each text makes about the deals, beside the official count of the event's
    ``outcomes`` (none given: every verdict is "no official count").

    Columns: ``doc_id``, ``sent_id``, ``start``, ``end``, ``quote`` (the claim's words),
    ``claim`` (the same, tidied), ``low``/``high`` (the range it states; ``high`` is ``<NA>``
    when open-ended, e.g. "dozens" = 24 or more), ``scope`` ("all" or the category id of a
    subset, e.g. "three on telecoms"), ``status`` (as for deal mentions: "signed dozens" vs
    "would come with the signing of dozens"), ``official`` (the official total), ``verdict``:
    "agrees" (the exact official number), "consistent" (a range or a subset that contains or fits
    under it), "conflicts" (cannot be right if the official count is), "no official count". A
    document's claim is counted once however often it repeats it (a heading "'Dozens' of deals"
    above "dozens of co-operation documents"): one row per document and stated range and scope, the
    first in the body kept before a heading's. Sorted by ``doc_id`` and ``start``; ``attrs["official"]`` is the
    official count (None when there is none; also for an empty table) and ``attrs["official_source"]``
    who states it ("" when no one does).
    """
    tax, dc = as_taxonomy(taxonomy), as_cues(cues)
    official = outcomes.count if outcomes is not None else None
    rows = []
    for sentences in analyse(corpus, dc).values():
        doc_status = document_status(sentences)
        for sentence in sentences:
            if sentence.is_question or not sentence.context_hits:
                continue
            for start, end, claim, low, high, scope in parse_claims(sentence.text, dc.counts, tax):
                start, end = balanced_span(sentence.text, start, end)
                at = sentence.start + start
                status = resolve_status(sentence, at, at, doc_status, dc).status  # cues around the number
                verdict = _verdict(low, high, scope, official)
                quote = sentence.text[start:end]
                provenance = (sentence.doc_id, sentence.sent_id, at, sentence.start + end, quote)
                heading = sentence.kind in HEADING_KINDS
                rows.append((*provenance, claim, low, high, scope, status, official, verdict, heading))
    table = (
        pd.DataFrame(rows, columns=[*COUNTS, "heading"])
        .sort_values(["doc_id", "heading", "start"])
        .drop_duplicates(["doc_id", "low", "high", "scope"])
        .drop(columns="heading")
        .sort_values(["doc_id", "start"], ignore_index=True)
    )
    table[["low", "high", "official"]] = table[["low", "high", "official"]].astype("Int64")
    table.attrs.update(official=official, official_source=outcomes.source if official is not None else "")
    return table


QUOTE_PAIRS = {"‘": "’", "“": "”"}
"""Opening quotation marks and the marks that close them."""


def balanced_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` widened by one character on a side where it leaves a quotation half open:
    a claim read from the heading "‘Dozens’ of deals" starts at "Dozens", and shown alone it would lose
    its opening mark ("Dozens’ of deals"); the span then starts at the "‘"."""
    quote = text[start:end]
    for opening, closing in QUOTE_PAIRS.items():
        if quote.count(closing) > quote.count(opening) and text[start - 1 : start] == opening:
            start -= 1
        if quote.count(opening) > quote.count(closing) and text[end : end + 1] == closing:
            end += 1
    return start, end


def _verdict(low: int, high: int | None, scope: str, official: int | None) -> str:
    if official is None:
        return "no official count"
    if scope != ALL:
        return "consistent" if low <= official else "conflicts"
    if low == high:
        return "agrees" if low == official else "conflicts"
    return "consistent" if low <= official and (high is None or official <= high) else "conflicts"


def count_conflicts(counts: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Pairs of total-count claims (texts and reference sources) and whether both can be right.

    Columns: ``a`` and ``b`` (who says it: a doc_id or a reference doc_no), ``a_claim``,
    ``b_claim``, ``relation``: "agree" (the same exact number), "compatible" (the ranges overlap),
    "cannot both be right" (the ranges are disjoint). Only claims about all the deals are paired;
    pairs within the reference set are kept (the Reuters text contradicts itself). Sorted with
    the contradictions first.
    """
    claims = [
        (row.doc_id, row.claim, int(row.low), None if pd.isna(row.high) else int(row.high))
        for row in counts[counts["scope"] == ALL].itertuples(index=False)
    ] + [
        (row.doc_no, row.claim, int(row.low), None if pd.isna(row.high) else int(row.high))
        for row in reference[reference["scope"] == ALL].itertuples(index=False)
    ]
    rows = []
    for (a, a_claim, a_low, a_high), (b, b_claim, b_low, b_high) in combinations(claims, 2):
        if a == b and a_claim == b_claim:
            continue
        overlap = a_low <= (b_high if b_high is not None else a_low) and b_low <= (
            a_high if a_high is not None else b_low
        )
        if a_low == a_high == b_low == b_high:
            relation = "agree"
        else:
            relation = "compatible" if overlap else "cannot both be right"
        rows.append((a, a_claim, b, b_claim, relation))
    table = pd.DataFrame(rows, columns=["a", "a_claim", "b", "b_claim", "relation"])
    rank = {"cannot both be right": 0, "agree": 1, "compatible": 2}
    order = table.assign(rank=table["relation"].map(rank)).sort_values(["rank", "a", "b", "a_claim", "b_claim"])
    return order.drop(columns="rank").reset_index(drop=True)
