"""Money amounts and trade flows read from article text.

``amounts(corpus)`` lists every money amount of the article text (chrome never counts), classified
as trade, investment, aid/loan or other by the nearest cue word (a budget deficit, a tax bill, a
sale price or a company's turnover is not trade). ``trade_figures(corpus)`` keeps the amounts a
trade cue governs and reads who trades with whom, which way and when from the words around that
cue: "imports into Vietnam accounting for $117.87 billion" is Vietnam's imports, "China-Vietnam
trade" China's total with Vietnam, "in the first 11 months of 2023" the period 2023-01..2023-11.
Who is a party is :mod:`xivn.trade.parties`; periods are :mod:`xivn.trade.periods`; a party the
text does not state is left empty, never assumed. Markdown tables are read cell by cell, with the
header row naming the flow, partner and year columns and the caption the reporter. Figures in
other currencies keep their code and are converted with :mod:`xivn.trade.rates` where an official
annual rate is shipped. The cue words live in ``data/trade_cues.toml``. What the figures add up
to, and how they compare with official statistics, is in :mod:`xivn.trade.checks`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from weakref import WeakKeyDictionary

import pandas as pd

from xivn.corpus.corpus import Corpus, rows_by_document
from xivn.cues.countries import POSSESSIVE, country_mentions
from xivn.cues.datafiles import PATTERNS, STRINGS, Schema, Table, compile_patterns, load_data_file
from xivn.cues.engine import CueTable, Hit, closest, find_hits, in_order, leftmost_longest
from xivn.trade.money import MoneyAmount, parse_amounts, parse_number, parse_unit
from xivn.trade.parties import ANAPHOR, SINGULAR, WORLD, pair_of, party_mentions, sentence_parties, stated_parties
from xivn.trade.periods import Period, find_periods
from xivn.trade.rates import units_per_usd

FLOWS = ("exports", "imports", "total", "balance")
CATEGORIES = ("trade", "investment", "aid/loan", "other")

AMOUNTS = (
    "doc_id",
    "sent_id",
    "start",
    "end",
    "quote",
    "qualifier",
    "currency",
    "value_bn",
    "value_usd_bn",
    "rounding_usd_bn",
    "unit_from",
    "category",
    "sentence",
)
"""Columns of :func:`amounts`."""
TRADE_FIGURES = (
    "doc_id",
    "sent_id",
    "start",
    "end",
    "quote",
    "reporter",
    "partner",
    "flow",
    "year",
    "period",
    "currency",
    "currency_from",
    "value_bn",
    "value_usd_bn",
    "rounding_usd_bn",
    "usd_from",
    "usd_rate",
    "qualifier",
    "attribution",
    "resolved_from",
    "year_from",
    "sentence",
)
"""Columns of :func:`trade_figures`."""

PARTY_LEVELS = ("clause", "table", "sentence", "neighbours", "heading", "document", "unresolved")
"""Values of ``resolved_from``, nearest first."""
YEN_OR_YUAN = "¥"
YEN_OR_YUAN_BY_COUNTRY = {"Japan": "JPY", "China": "CNY"}
YEAR = re.compile(r"(?<![\d$.,/-])(19[5-9]\d|20[0-4]\d)(?![\d%]|\s?[-–]\s?\d)")
CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s[–—-]\s|\s[–—]|[–—]\s")
CONJUNCTION = re.compile(r"\s(?:and|while|whereas|but|versus|against|compared with)\s")
CELL_NUMBER = re.compile(r"^\(?[-+−]?\$?\d[\d,]*(?:\.\d+)?\)?$")
SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
NEIGHBOURS_BEFORE, TABLE_CONTEXT = 2, 3
RESTATED = 0.1  # a headline figure within this share of a body figure of the same flow restates it
PERIOD_BEFORE = 4  # sentences looked back for the period a figure shares ("In the period, …")
ASIDE = re.compile(r",\s+(?:[\w\s-]{0,40}?\b)?(?:which|who|whose|whom|where)\b[^,;]*,", re.IGNORECASE)
"""A relative clause set off by commas (", which supplies most of the parts used by Vietnam's
factories,", ", about a fifth of which went to China,"): its words neither classify nor name the
parties of a figure outside it."""
DEFINITE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
"""A flow named with a definite article ("the shipments were worth …"): it restates the one before."""
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# between the items of a list: "exports, imports and", "exports to and imports from"
LIST_JOIN = re.compile(r"\s*(?:(?:to|from|into|with)\s+)?(?:,|,?\s*and)\s*")
BASE_PERIOD = re.compile(r"(?:\b(?:same|corresponding|year-earlier|like)\s+(?:period|time|months?)(?:\s+(?:of|in))?"
                         r"|(?:%|\bper\s?cent|\bpercent)\s+(?:from|on|over|against)(?:\s+the)?"
                         r"|\bcompared\s+(?:to|with)(?:\s+the)?)\s*$", re.IGNORECASE)  # fmt: skip
"""The words before a comparison base ("down 3.4% from the same period last year", "fell 6.3% from
August", "compared to last year"): not the period of any figure."""
FULL_YEAR = re.compile(
    r"\b(?:full|whole|entire)[- ]year\b|\bfor the (?:full |whole |entire )?year\b"
    r"(?!['’]|\s+(?:so far|to date|to|through|until|ending|ended)\b)",
    re.IGNORECASE,
)
"""A figure for the whole year ("the full-year total", "for the whole year"), whatever span is stated nearby."""
OWN_BY_POSSESSIVE = re.compile(
    r"['’]s?\s+(?:[a-z][\w-]*\s+){0,3}?(?:of\s+)?(?:(?:about|around|nearly|some)\s+)?", re.IGNORECASE
)
"""Between a possessive period and its amount: "2022's total of ", "last year's "."""
OWN_BASE = re.compile(r"\s*(?:(?:in|during|over|for)\s+the\s+(?:same|corresponding)\s+period\s+(?:of\s+)?"
                      r"(?:last year|a year (?:earlier|before|ago)|(?P<year>(?:19|20)\d\d))"
                      r"|a year (?:earlier|before|ago)|the (?:previous|prior) year)\b", re.IGNORECASE)  # fmt: skip
"""A comparison base right after an amount ("a deficit of $300 million in the same period last
year", "to $138 billion from $147 billion a year earlier"): the amount's own period, the sentence's
period a year (or to the stated year) back."""


# ----------------------------------------------------------------------------------- cue file
@dataclass(frozen=True, eq=False)  # compared and hashed by identity: cached results are keyed on it
class TradeCues:
    """The validated contents of ``trade_cues.toml`` (see its header for the fields)."""

    flows: CueTable
    deficit: list[re.Pattern[str]]
    subject_only: list[re.Pattern[str]]
    categories: CueTable
    direction: dict[str, dict[str, tuple[str, ...]]]
    attribution: list[re.Pattern[str]]
    forward: list[re.Pattern[str]]
    carried: list[re.Pattern[str]]
    change: list[re.Pattern[str]]
    table: dict[str, list[re.Pattern[str]]]


_FLOW = Table(required={"cues": PATTERNS}, optional={"deficit_cues": PATTERNS, "subject_cues": PATTERNS})
_DIRECTION = Table(optional={"partner": STRINGS, "reporter": STRINGS})
CUES_SCHEMA = Schema(
    "trade_cues.toml",
    Table(
        required={
            "flows": Table(required=dict.fromkeys(FLOWS, _FLOW)),
            "categories": Table(optional=dict.fromkeys(CATEGORIES, Table(required={"cues": PATTERNS}))),
            "direction": Table(optional=dict.fromkeys(FLOWS, _DIRECTION)),
            "context": Table(
                required={"attribution": PATTERNS}, optional=dict.fromkeys(("forward", "change", "carried"), PATTERNS)
            ),
            "table": Table(required=dict.fromkeys(("partner", "reporter", "year"), PATTERNS)),
        }
    ),
)
"""The trade cue file: flow and category cues, direction words, attribution and table cues."""


@cache
def trade_cues(name_or_path: str | Path = CUES_SCHEMA.file) -> TradeCues:
    """Load and validate the trade cue file (by default the one shipped in ``xivn/trade/data``)."""
    raw = load_data_file(name_or_path, CUES_SCHEMA)
    where = Path(name_or_path).name

    def patterns(values: list[str], key: str, flags: int = re.IGNORECASE) -> list[re.Pattern[str]]:
        return compile_patterns(values, where=f"{where} [{key}]", flags=flags)

    flows = {
        name: patterns([*entry["cues"], *entry.get("subject_cues", [])], f"flows.{name}")
        for name, entry in raw["flows"].items()
    }
    categories = {name: patterns(entry["cues"], f"categories.{name}") for name, entry in raw["categories"].items()}
    categories["trade"] = [*categories.get("trade", []), *(p for cues in flows.values() for p in cues)]
    return TradeCues(
        flows=CueTable(flows),
        deficit=patterns(raw["flows"]["balance"].get("deficit_cues", []), "flows.balance.deficit_cues"),
        subject_only=[
            p
            for name, entry in raw["flows"].items()
            for p in patterns(entry.get("subject_cues", []), f"flows.{name}.subject_cues")
        ],
        categories=CueTable(categories),
        direction={
            flow: {role: tuple(entry.get(role, [])) for role in ("partner", "reporter")}
            for flow, entry in raw["direction"].items()
        },
        attribution=patterns(raw["context"]["attribution"], "context.attribution", 0),
        forward=patterns(raw["context"].get("forward", []), "context.forward"),
        carried=patterns(raw["context"].get("carried", []), "context.carried"),
        change=patterns(raw["context"].get("change", []), "context.change"),
        table={role: patterns(raw["table"][role], f"table.{role}") for role in ("partner", "reporter", "year")},
    )


# ----------------------------------------------------------------------------- text helpers
def _cue_hits(text: str, table: CueTable, start: int = 0, end: int | None = None) -> list[Hit]:
    """Every cue match in ``text[start:end]`` (label: the cue's name), matches inside longer ones dropped."""
    found = find_hits(text[start:end], table, offset=start, ranks=in_order(table))
    return leftmost_longest(found, overlapping=True)


@lru_cache(maxsize=16)  # the sentence-wide questions below are asked once per amount of the sentence
def _sentence_cue_hits(text: str, cues: TradeCues, which: str) -> tuple[Hit, ...]:
    """:func:`_cue_hits` of the whole ``text`` for the cue list ``which`` of ``cues``."""
    return tuple(_cue_hits(text, getattr(cues, which)))


@lru_cache(maxsize=16)
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the :data:`CLAUSE_BREAK` matches of ``text``, in order."""
    matches = list(CLAUSE_BREAK.finditer(text))
    return [m.start() for m in matches], [m.end() for m in matches]


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans blanked out (same length), so "US$" is no country mention."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def clause_span(text: str, amount: tuple[int, int], others: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause of ``text`` around an amount: cut at punctuation and dashes, and between two
    amounts of the same clause at a conjunction ("… $5bn and imports of $3bn"). ``others`` are
    the spans of the text's other amounts, in text order."""
    starts, ends = _clause_breaks(text)
    before = bisect_right(ends, amount[0])  # the last break ending before the amount
    after = bisect_left(starts, amount[1], lo=before)  # the first break starting after it
    start = ends[before - 1] if before else 0
    end = starts[after] if after < len(starts) else len(text)
    # only amounts inside the clause can cut it (and a sentence can hold thousands of amounts)
    for other in others[bisect_left(others, (start, -1)) : bisect_left(others, (end, -1))]:
        if start <= other[0] < amount[0]:
            cuts = [m.end() for m in CONJUNCTION.finditer(text, other[1], amount[0])]
            start = max(start, cuts[-1] if cuts else (other[1] + amount[0]) // 2)
        elif amount[1] <= other[0] < end:
            cut = CONJUNCTION.search(text, amount[1], other[0])
            end = min(end, cut.start() if cut else (amount[1] + other[0]) // 2)
    return start, end


# ---------------------------------------------------------------------- amounts with context
@dataclass
class _Passage:
    """Where an amount sits: a masked sentence (or table-row description), its clause, its
    neighbours, and what a table header says outright."""

    text: str
    clause: tuple[int, int]
    position: int
    neighbours: list[str] = field(default_factory=list)  # the sentences before (nearest first), or
    # for a table cell its header row, caption and heading
    explicit: dict[str, object] = field(default_factory=dict)
    today: date | None = None  # the document's date
    is_table: bool = False
    heading: str = ""  # the document's headline
    document: tuple[str, ...] = ()  # every sentence of the document, masked
    index: int = -1  # the sentence's place in ``document`` (-1 for a table cell)
    spans: tuple[tuple[int, int], ...] = ()  # every amount of the sentence, in text order
    is_headline: bool = False


@dataclass
class _Found:
    doc_id: str
    sent_id: int
    amount: MoneyAmount  # offsets into the raw document
    unit_from: str
    sentence: str
    passage: _Passage


def _doc_dates(corpus: Corpus) -> dict[str, date | None]:
    """The date of each document (None when its metadata has no full ISO date)."""
    dates = corpus.documents.set_index("doc_id")["date"].astype(str)
    found = {doc_id: re.match(r"^(\d{4})-(\d{2})-(\d{2})", text) for doc_id, text in dates.items()}
    return {doc_id: date(*map(int, m.groups())) if m else None for doc_id, m in found.items()}


_FOUND: WeakKeyDictionary[Corpus, list[_Found]] = WeakKeyDictionary()


def _found_amounts(corpus: Corpus) -> list[_Found]:
    """:func:`_read_amounts` of a corpus, read once per corpus object: :func:`amounts` and
    :func:`trade_figures` both start from them (a corpus never changes; nothing here is mutated)."""
    if corpus not in _FOUND:
        _FOUND[corpus] = list(_read_amounts(corpus))
    return _FOUND[corpus]


def _read_amounts(corpus: Corpus) -> Iterator[_Found]:
    """Every money amount in article text, with what is needed to classify and resolve it."""
    sentences = corpus.article_sentences()
    dates = _doc_dates(corpus)
    paragraphs: dict[str, pd.DataFrame] | None = None
    for doc_id, rows in rows_by_document(sentences):
        parsed = [parse_amounts(r.text) for r in rows]
        masked = [_mask(r.text, [(a.start, a.end) for a in amounts]) for r, amounts in zip(rows, parsed, strict=True)]
        heading = " ".join(text for row, text in zip(rows, masked, strict=True) if row.kind == "headline")
        document = tuple(masked)
        for i, row in enumerate(rows):
            if row.kind == "table_row":
                continue  # read cell by cell below
            neighbours = [masked[j] for j in range(i - 1, max(-1, i - 1 - NEIGHBOURS_BEFORE), -1)]
            found = parsed[i]
            spans = [(a.start, a.end) for a in found]
            for k, amount in enumerate(found):
                passage = _Passage(
                    masked[i],
                    clause_span(masked[i], spans[k], spans[:k] + spans[k + 1 :]),
                    amount.start,
                    neighbours,
                    today=dates[doc_id],
                    heading=heading,
                    document=document,
                    index=i,
                    spans=tuple(spans),
                    is_headline=row.kind == "headline",
                )
                shifted = _shift(amount, row.start)
                yield _Found(doc_id, row.sent_id, shifted, "text", row.text, passage)
        if any(row.kind == "table_row" for row in rows):  # most documents have no table
            if paragraphs is None:  # grouped once, when the first table is met
                paragraphs = dict(tuple(corpus.article_paragraphs().groupby("doc_id", sort=False)))
            context = _Passage("", (0, 0), 0, today=dates[doc_id], heading=heading, document=document, is_table=True)
            yield from _table_amounts(doc_id, paragraphs[doc_id].reset_index(drop=True), rows, context)


def _shift(amount: MoneyAmount, offset: int) -> MoneyAmount:
    return replace(amount, start=amount.start + offset, end=amount.end + offset)


def _cells(text: str, offset: int) -> list[tuple[int, int, str]]:
    """The cells of a Markdown table row as (start, end, text) with raw-text offsets, stripped."""
    cells, position = [], 0
    parts = text.split("|")
    for k, part in enumerate(parts):
        if 0 < k < len(parts) - 1 or (part.strip() and k in (0, len(parts) - 1)):
            lead = len(part) - len(part.lstrip())
            stripped = part.strip()
            cells.append((offset + position + lead, offset + position + lead + len(stripped), stripped))
        position += len(part) + 1
    return cells


def _table_amounts(
    doc_id: str, paragraphs: pd.DataFrame, sentences: list[tuple], document: _Passage
) -> Iterator[_Found]:
    """Amounts in the Markdown tables of a document (its article ``paragraphs`` and ``sentences``):
    a run of ``table_row`` paragraphs whose first row is the header. A bare number counts when its
    column header, the header row or the text just before the table names a money unit
    ("Exports (US$ bn)", "in billion U.S. dollars"). ``document`` holds the document's date,
    headline and sentences."""
    cues = trade_cues()
    sent_of_par: dict[int, int] = {}
    for sentence in sentences:
        sent_of_par.setdefault(sentence.par_id, sentence.sent_id)  # a paragraph's first sentence
    runs: list[list[int]] = []
    for index, kind in enumerate(paragraphs["kind"]):
        if kind == "table_row":
            if runs and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
    for run in runs:
        before = paragraphs.iloc[max(0, run[0] - TABLE_CONTEXT) : run[0]]
        context = [*reversed(before["text"].tolist()), *paragraphs.loc[paragraphs["kind"] == "headline", "text"]]
        header_row = paragraphs.iloc[run[0]]
        header = [cell[2] for cell in _cells(header_row["text"], header_row["start"])]
        table_unit = next((u for u in map(parse_unit, [header_row["text"], *context]) if u), None)
        roles = [_column_role(h, cues) for h in header]
        for index in run[1:]:
            row = paragraphs.iloc[index]
            cells = _cells(row["text"], row["start"])
            if all(SEPARATOR_CELL.match(c[2]) for c in cells):
                continue
            yield from _row_amounts(
                doc_id,
                int(sent_of_par[row["par_id"]]),
                row["text"],
                cells,
                header,
                roles,
                table_unit,
                context,
                document,
                cues,
            )


def _column_role(header: str, cues: TradeCues) -> str:
    """What a table column holds: ``year`` / ``partner`` / ``reporter`` labels, or ``value``."""
    if YEAR.fullmatch(header.strip()):
        return "value"
    for role in ("year", "reporter", "partner"):
        if any(p.search(header) for p in cues.table[role]) and not _cue_hits(header, cues.flows):
            return role
    return "value"


def _row_amounts(doc_id, sent_id, row_text, cells, header, roles, table_unit, context, document, cues):
    labels = [c[2] for c in cells if not CELL_NUMBER.match(c[2]) and not parse_amounts(c[2])]
    explicit: dict[str, object] = {}
    for (_, _, text), role in zip(cells, roles, strict=False):
        if role == "year" and YEAR.search(text):
            explicit["year"] = int(YEAR.search(text).group(1))
        elif role in ("partner", "reporter"):
            mentions = party_mentions(text)
            if mentions:
                explicit[role] = mentions[0].country
    for column, (start, end, text) in enumerate(cells):
        role = roles[column] if column < len(roles) else "value"
        name = header[column] if column < len(header) else ""
        inline = parse_amounts(text)
        if role != "value":
            continue
        if YEAR.fullmatch(name.strip()):
            explicit_here = {**explicit, "year": int(name.strip())}
        elif not inline and not _cue_hits(name, cues.flows) and YEAR.fullmatch(text):
            continue  # a year used as a row label
        else:
            explicit_here = explicit
        if inline:
            amounts = [_shift(a, start) for a in inline]
            unit_from = "text"
        else:
            unit = parse_unit(name) or table_unit
            if unit is None or not CELL_NUMBER.match(text):
                continue
            amounts = [_cell_amount(text, start, end, *unit)]
            unit_from = "table"
        description = f"{name} | {' | '.join(labels)}"
        passage = replace(
            document,
            text=description,
            clause=(0, len(description)),
            position=len(description),
            neighbours=[" | ".join(header), *context],
            explicit=explicit_here,
        )
        for amount in amounts:
            yield _Found(doc_id, sent_id, amount, unit_from, row_text, passage)


def _cell_amount(text: str, start: int, end: int, currency: str, scale: float) -> MoneyAmount:
    negative = text.startswith(("-", "−", "(")) and not text.startswith("(+")
    value, decimals = parse_number(text.strip("()+-−$"))
    return MoneyAmount(
        start, end, text, (-value if negative else value) * scale, currency, rounding=0.5 * 10.0**-decimals * scale
    )


# ------------------------------------------------------------------------------- classifying
def _nearest_cue(passage: _Passage, cues: TradeCues, which: str) -> tuple[Hit, str] | None:
    """The cue of list ``which`` (``flows``, ``categories``) nearest the amount, with the text it
    is in: in its clause, else in its sentence, else (for a table cell) in the text just above
    the table, nearest its end; else, for an amount whose subject only points back ("It rose to
    $175.6 billion", "they have reached $88.3 billion"), the last flow cue of the nearest sentence
    before that has one."""
    start, end = passage.clause
    table = getattr(cues, which)
    asides = _asides(passage.text, passage.position)
    sentence = [
        h
        for h in _sentence_cue_hits(passage.text, cues, which)
        if not any(a <= h.start < b for a, b in asides) and not _governs_later(passage, h)
    ]
    for hits in (_cue_hits(passage.text, table, start, end), sentence):
        hit = closest(hits, passage.position)
        if hit:
            return hit, passage.text
    for text in passage.neighbours if passage.is_table else []:
        hit = closest(_cue_hits(text, table), len(text))
        if hit:
            return hit, text
    if passage.is_table or not any(p.search(passage.text[: passage.position]) for p in cues.carried):
        return None
    for text in passage.neighbours:
        if _cue_hits(text, cues.flows):
            hit = closest(_cue_hits(text, table), len(text))
            return (hit, text) if hit else None
    return None


def _governs_later(passage: _Passage, hit: Hit) -> bool:
    """True when the cue ``hit``, after the amount, is nearer the next amount after it than this
    one: "imports jumped to $27.9 billion, widening the trade deficit to $9.5 billion" — the deficit
    is the second figure's cue, not the first's."""
    end = next((e for s, e in passage.spans if s == passage.position), passage.position)
    if hit.start < end:
        return False
    later = next((s for s, _ in passage.spans if s >= hit.end), None)
    return later is not None and later - hit.end < hit.start - end


@lru_cache(maxsize=64)
def _asides(text: str, position: int) -> tuple[tuple[int, int], ...]:
    """The spans of the :data:`ASIDE` clauses of ``text`` that do not hold ``position``."""
    return tuple((m.start(), m.end()) for m in ASIDE.finditer(text) if not m.start() <= position < m.end())


def _has_subject(text: str, hit: Hit, cues: TradeCues) -> bool:
    """True unless the cue ``hit`` is one of the ``subject_cues`` ("sold", "bought") and no
    country is named right before it as its subject ("Vietnam sold", not "the film sold")."""
    if not any(p.fullmatch(text[hit.start : hit.end]) for p in cues.subject_only):
        return True
    return "reporter" in stated_parties(text, (0, hit.start), (hit.start, hit.end), "exports", {})


def _category(passage: _Passage, cues: TradeCues) -> str:
    """trade, investment, aid/loan or other: the nearest category cue (a subject-only trade cue
    without its subject is no trade cue)."""
    found = _nearest_cue(passage, cues, "categories")
    if found is None:
        return "other"
    hit, text = found
    return hit.label if hit.label != "trade" or _has_subject(text, hit, cues) else "other"


def amounts(corpus: Corpus) -> pd.DataFrame:
    """Every money amount in the article text of ``corpus`` (page chrome excluded).

    Columns: ``doc_id``, ``sent_id``; ``start``/``end``/``quote`` — the amount as written
    ("$175.57 billion"; for a table cell, the number in it); ``qualifier`` (a hedge written before
    it: "about", "more than"); ``currency`` (the ISO code: USD, EUR, GBP, JPY, CNY, VND, AUD…; "¥"
    is read as yen or yuan from the first of Japan and China named in the sentence, and stays "¥"
    when neither is);
    ``value_bn`` (billions of that currency; negative for a bracketed or minus table cell);
    ``value_usd_bn`` (the same in US dollars for a dollar amount, NaN for other currencies: an
    amount has no year here; :func:`trade_figures` converts a trade figure with the rate of its year);
    ``rounding_usd_bn`` (half a unit of the last stated digit); ``unit_from`` (``text`` when the
    currency is written with the number, ``table`` when it comes from a table header or caption);
    ``category`` (trade, investment, aid/loan or other, from the nearest cue word of
    ``trade_cues.toml`` in the amount's clause, then its sentence: "budget deficit", "tax", "price",
    "turnover" are other, and "sold" or "bought" is trade only with a country as its subject);
    ``sentence`` (the sentence or table row it was read from). Sorted by ``doc_id`` and ``start``.
    """
    cues = trade_cues()
    rows = [
        (
            f.doc_id,
            f.sent_id,
            f.amount.start,
            f.amount.end,
            f.amount.text,
            f.amount.qualifier,
            _currency(f.amount, [m.country for m in party_mentions(f.passage.text)])[0],
            f.amount.value,
            f.amount.value_usd_bn,
            f.amount.rounding if f.amount.currency == "USD" else math.nan,
            f.unit_from,
            _category(f.passage, cues),
            f.sentence,
        )
        for f in _found_amounts(corpus)
    ]
    table = pd.DataFrame(rows, columns=list(AMOUNTS)).sort_values(["doc_id", "start"], ignore_index=True)
    return table.astype(
        {
            "sent_id": "int64",
            "start": "int64",
            "end": "int64",
            "value_bn": "float64",
            "value_usd_bn": "float64",
            "rounding_usd_bn": "float64",
        }
    )


# -------------------------------------------------------------------------------- resolving
@dataclass
class _Resolution:
    reporter: str
    partner: str
    flow: str
    year: int | None
    period: str
    sign: int  # -1 for a deficit, +1 for a surplus, 0 to keep the stated sign
    resolved_from: str
    year_from: str


def _later_cue_starts(text: str, cues: TradeCues, end: int) -> list[int]:
    return [h.start for h in _sentence_cue_hits(text, cues, "flows") if h.start < end]


def _grammar(text: str, hit: Hit, cues: TradeCues) -> dict[str, str]:
    """The parties the clause of the cue ``hit`` links to it (see :func:`stated_parties`)."""
    clause = clause_span(text, (hit.start, hit.end), [])
    return stated_parties(
        text,
        clause,
        (hit.start, hit.end),
        hit.label,
        cues.direction.get(hit.label, {}),
        _later_cue_starts(text, cues, clause[1]),
    )


def _taken(text: str, hit: Hit, position: int, cues: TradeCues) -> set[str]:
    """The partners of the exports and imports cues that follow the amount at ``position`` in the
    sentence, breaking its figure down ("$8.2 billion, with shipments to the US up 30%"): they are
    not this cue's. None when the sentence speaks of a pair ("two-way trade between the two nations
    … imports into Vietnam … exports to China"); a cue before the amount frames the sentence
    ("Vietnam's exports to China were …"), and the partner of a total ("Vietnam's trade with Japan
    was $50bn, with exports of $24.2bn") is the whole sentence's."""
    return {partner for other, partner in _cue_partners(text, cues) if other != hit and other.start > position}


@lru_cache(maxsize=16)  # asked once per amount of the sentence
def _cue_partners(text: str, cues: TradeCues) -> tuple[tuple[Hit, str], ...]:
    """(cue, partner) of every exports or imports cue of ``text`` whose grammar names a partner;
    none when ``text`` speaks of a pair."""
    if ANAPHOR.search(text):
        return ()
    flows = [h for h in _sentence_cue_hits(text, cues, "flows") if h.label in ("exports", "imports")]
    found = ((h, _grammar(text, h, cues).get("partner")) for h in flows)
    return tuple((h, partner) for h, partner in found if partner)


def _context_parties(texts: list[str], cues: TradeCues, roles: dict[str, str]) -> None:
    """Complete ``roles`` with the parties the grammar of ``texts`` (a table's header row, caption
    and heading, nearest first) states."""
    for text in texts:
        for hit in _cue_hits(text, cues.flows):
            _fill(roles, _grammar(text, hit, cues))


def _fill(roles: dict[str, str], found: dict[str, str]) -> bool:
    """Add to ``roles`` the parties of ``found`` it lacks (never the same country twice); True if any."""
    added = False
    for role in ("reporter", "partner"):
        value = found.get(role)
        if role not in roles and value and value not in roles.values():
            roles[role] = value
            added = True
    return added


def _pair_fill(roles: dict[str, str], pair: list[str]) -> bool:
    """Complete ``roles`` from a pair of countries named elsewhere (reporter: the first named)."""
    missing = [c for c in pair if c not in roles.values()]
    if len(pair) < 2 or not missing:
        return False
    if not roles:
        roles.update(reporter=pair[0], partner=pair[1])
    else:
        roles.setdefault("partner" if "reporter" in roles else "reporter", missing[0])
    return True


def _parties(passage: _Passage, hit: Hit, cue_text: str, cues: TradeCues) -> tuple[dict[str, str], str]:
    """Reporter and partner of the figure governed by the cue ``hit`` of ``cue_text``, and the
    farthest place they were read (:data:`PARTY_LEVELS`): the clause, the table (its cells,
    header and caption), the sentence, the sentences before (for "the deficit", "its exports",
    "the two countries"), the heading or the document; ``unresolved`` when the text does not
    state both."""
    roles = {k: str(v) for k, v in passage.explicit.items() if k in ("reporter", "partner")}
    levels = ["table" if passage.is_table else "clause"]
    start, end = passage.clause
    if cue_text is passage.text and not start <= hit.start < end:
        # the cue governs from another clause; this one may still name the party: "exports to the
        # US rose to $70 billion, and to China … to $43 billion"
        direction = cues.direction.get(hit.label, {})
        _fill(roles, stated_parties(passage.text, passage.clause, (start, start), hit.label, direction))
    _fill(roles, _grammar(cue_text, hit, cues))
    own = _own_country(passage, hit) if cue_text is passage.text else None
    if own and "partner" not in roles and own != roles.get("reporter"):
        roles["partner"] = own
    if passage.is_table:
        _context_parties(passage.neighbours, cues, roles)
        return roles, levels[0] if len(roles) == 2 else "unresolved"
    # "Vietnam's exports to China …, while its imports …": "its" is the sentence's own subject;
    # else the reporter a sentence before states ("Vietnam posted a surplus … The country's …")
    own = [m for m in party_mentions(cue_text[: hit.start]) if m.possessive]
    stated = _earlier_reporter(passage.neighbours, cues)
    earlier = [own[0].country] if own else ([stated[0]] if stated else pair_of(passage.neighbours[:1]))
    subject = next((c for c in earlier if c not in roles.values()), "")
    # "the country imported …", "its trade deficit": the subject of the sentence before
    if "reporter" not in roles and SINGULAR.search(cue_text[: hit.start]) and _fill(roles, {"reporter": subject}):
        levels.append("neighbours")
    taken = _taken(passage.text, hit, passage.position, cues)
    outside = _mask(passage.text, [a for a in _asides(passage.text, passage.position) if not a[0] <= hit.start < a[1]])
    if roles.get("partner") == WORLD:  # "exports to all markets hit $5.6 billion, with China buying two thirds"
        outside = _mask(outside, [(max(passage.clause[1], hit.end), len(outside))])
    if len(roles) < 2 and _fill(roles, sentence_parties(outside, roles, taken)):
        levels.append("sentence")
    # "Chinese customs … reported bilateral trade of 1.6 trillion yuan": a pair's figure is the side of
    # the country whose institution, opening the sentence, reports it
    source = next(iter(country_mentions(passage.text[: hit.start])), None)
    opens = source is not None and source.institution and not passage.text[: source.start].strip()
    if (
        opens
        and "reporter" not in roles
        and ANAPHOR.search(passage.text)
        and _fill(roles, {"reporter": source.country})
    ):
        levels.append("sentence")
    if "partner" not in roles and "reporter" in roles and cue_text is passage.text:
        # "Vietnam's total foreign trade came to $622.5bn, with a trade surplus of $25.8bn": the
        # figure shares the World partner of the same reporter's earlier flow in the sentence
        for other in _sentence_cue_hits(cue_text, cues, "flows"):
            stated = _grammar(cue_text, other, cues) if other.start < hit.start else {}
            if stated.get("partner") == WORLD and stated.get("reporter") == roles["reporter"]:
                roles["partner"] = WORLD
                break
    if not roles and hit.label == "balance" and cue_text is passage.text:
        # "Exports to China were $47.2 billion, leaving a deficit of $40.9 billion": the balance of
        # the flow before it in the sentence
        for other in _sentence_cue_hits(cue_text, cues, "flows"):
            if other.start < hit.start and other.label != "balance" and _fill(roles, _grammar(cue_text, other, cues)):
                levels.append("sentence")
                break
    if "reporter" not in roles:  # "The deficit with China …" after "The US trade deficit …"
        for text in passage.neighbours:
            found = [_grammar(text, h, cues) for h in _cue_hits(text, cues.flows) if h.label == hit.label]
            if _fill(roles, {"reporter": next((f["reporter"] for f in found if "reporter" in f), "")}):
                levels.append("neighbours")
                break
    before = _earlier_reporter(passage.neighbours[:1], cues)
    if not roles and (before or stated) and not party_mentions(passage.text):
        # "Exports accounted for $322.5 billion and imports for $299 billion" right after "Vietnam's
        # import-export turnover reached …": the parts of the figure before share its parties; a
        # sentence naming no country has the reporter the sentences before state
        _fill(roles, {"reporter": before[0], "partner": before[1]} if before else {"reporter": stated[0]})
        levels.append("neighbours")
    elif list(roles) == ["partner"] and passage.neighbours:
        # "Exports to ASEAN rose to …" after "ASEAN remained China's largest trading partner, …":
        # the reporter of the sentence before
        owner = before[0] if before else None
        owner = owner or sentence_parties(passage.neighbours[0], {}, partner_of_only=True).get("reporter")
        if owner and _fill(roles, {"reporter": owner}):
            levels.append("neighbours")
    _respective(passage, hit, roles)
    if len(roles) < 2 and ANAPHOR.search(passage.text):
        # the pair as the sentences before or the heading state it ("China is Vietnam's largest
        # trading partner"), else the first two countries the document names
        # a pair a trade cue's grammar states comes first ("Vietnam's exports to China"): a sentence
        # that merely names two countries ("exports to the Chinese market, according to the Vietnam
        # Association …") gives no order
        stated = [_grammar(text, h, cues) for text in passage.neighbours for h in _cue_hits(text, cues.flows)]
        pairs = [("neighbours", pair) for pair in stated if len(pair) == 2 and WORLD not in pair.values()]
        pairs.append(("heading", sentence_parties(passage.heading, {})))
        pairs += [("neighbours", sentence_parties(text, {})) for text in passage.neighbours]
        stated_pairs = [(r, p) for i, r, p in _document_pairs(passage.document, cues) if i < passage.index and r and p]
        pairs += [("document", dict(zip(("reporter", "partner"), pair, strict=True))) for pair in stated_pairs[:1]]
        pairs.append(("document", dict(zip(("reporter", "partner"), pair_of(passage.document), strict=False))))
        for level, pair in pairs:
            if _pair_fill(roles, [pair[role] for role in ("reporter", "partner") if role in pair]):
                levels.append(level)
                break
    if list(roles) == ["reporter"] and cue_text is passage.text:
        _restated_partner(passage, hit, roles, cues, levels)
    if list(roles) == ["partner"] and passage.index >= 0:
        # "Durian exports to China reached $2.1 billion" in an article whose sentences give Vietnam's
        # trade with China: the reporter the document's trade cues state with that partner
        stated = _document_pairs(passage.document, cues)
        owner = next((r for _, r, p in stated if r and p == roles["partner"]), "")
        if not owner and roles["partner"] == WORLD:  # exports to all markets: the article's own reporter
            owner = next((r for _, r, _ in stated if r), "")
        if _fill(roles, {"reporter": owner}):
            levels.append("document")
    return roles, max(levels, key=PARTY_LEVELS.index) if len(roles) == 2 else "unresolved"


def _restated_partner(passage: _Passage, hit: Hit, roles: dict[str, str], cues: TradeCues, levels: list[str]) -> None:
    """The partner of a flow named with a definite article and no country ("In local currency the
    shipments were worth VND1,340 trillion"), or in a sentence naming no country ("shipments fell to
    $88.3 billion"): the one the sentence before states for the same reporter's same flow ("Vietnam
    exported goods worth $55.1 billion to China")."""
    restates = DEFINITE.search(passage.text[: hit.start]) or not party_mentions(passage.text)
    if not restates or party_mentions(passage.text[hit.start :]):
        return
    for text in passage.neighbours[:1]:
        for other in _cue_hits(text, cues.flows):
            stated = _grammar(text, other, cues)
            if other.label == hit.label and stated.get("reporter") == roles["reporter"] and stated.get("partner"):
                roles["partner"] = stated["partner"]
                levels.append("neighbours")
                return


@lru_cache(maxsize=4)  # asked for the amounts of one document in turn
def _document_pairs(document: tuple[str, ...], cues: TradeCues) -> tuple[tuple[int, str, str], ...]:
    """(sentence index, reporter, partner) the grammar of every flow cue of ``document`` states,
    in text order (a party it does not state is empty)."""
    found = []
    for index, text in enumerate(document):
        for hit in _cue_hits(text, cues.flows):
            stated = _grammar(text, hit, cues)
            if stated:
                found.append((index, stated.get("reporter", ""), stated.get("partner", "")))
    return tuple(found)


def _own_country(passage: _Passage, hit: Hit) -> str | None:
    """The one country named in the amount's own clause when the trade cue is in another ("The US
    was Vietnam's biggest export market at $88 billion, and China came second at $56 billion"), or
    the country right before a bracketed amount ("followed by South Korea ($48 billion)")."""
    text, (start, end) = passage.text, passage.clause
    if start <= hit.start < end:
        return None
    named = {m.country for m in party_mentions(text[start:end]) if m.kind != "world"}
    if len(named) == 1:
        return named.pop()
    before = [m for m in party_mentions(text[:start]) if m.kind != "world"]
    bracketed = before and re.fullmatch(r"\s*\(\s*", text[before[-1].end : start])
    return before[-1].country if bracketed else None


def _earlier_reporter(neighbours: list[str], cues: TradeCues) -> tuple[str, str] | None:
    """The reporter (and partner, if the World) that the grammar of the nearest sentence before
    states for one of its trade cues, or the one country it names, opening it as its subject
    ("Vietnam posted $382.7 billion in imports and exports"); None when they state none."""
    for text in neighbours:
        hits = _cue_hits(text, cues.flows)
        for found in (_grammar(text, h, cues) for h in hits):
            if found.get("reporter"):
                return found["reporter"], WORLD if found.get("partner") == WORLD else ""
        named = {m.country for m in party_mentions(text) if m.kind != "world"} if hits else set()
        first = party_mentions(text)[0] if len(named) == 1 else None
        if first and not text[: first.start].strip():  # the sentence opens with its subject
            return first.country, ""
    return None


def _respective_cue(passage: _Passage, cues: TradeCues) -> Hit | None:
    """In "exports and imports rose to $194.3 billion and $188.4 billion, respectively", the flow
    cue in the k-th place of the list before the amounts for the k-th amount; None elsewhere."""
    text, position = passage.text, passage.position
    if not RESPECTIVELY.search(text, position):
        return None
    hits = [h for h in _sentence_cue_hits(text, cues, "flows") if h.end <= position]
    listed = hits[-1:]  # the last cue before the amount, and those joined to it by commas and "and"
    for earlier in reversed(hits[:-1]):
        if not LIST_JOIN.fullmatch(text[earlier.end : listed[0].start]):
            break
        listed.insert(0, earlier)
    later = [s for s, _ in passage.spans if s > listed[-1].end] if listed else []
    if len(listed) < 2 or len(listed) != len(later) or position not in later:
        return None
    return listed[later.index(position)]


def _respective(passage: _Passage, hit: Hit, roles: dict[str, str]) -> None:
    """In "deficits with China, South Korea and ASEAN came to $27 billion, $15.5 billion and $0.5
    billion, respectively", the k-th amount after the cue takes the k-th country of the list between
    the cue and the amounts, in the role the grammar gave the first of the list."""
    text, position = passage.text, passage.position
    later = [s for s, _ in passage.spans if s >= hit.end]
    if not later or not RESPECTIVELY.search(text, position) or position not in later:
        return
    listed = list(dict.fromkeys(m.country for m in party_mentions(text[hit.end : later[0]])))
    if len(listed) != len(later) or len(listed) < 2:
        return
    for role in ("partner", "reporter"):
        if roles.get(role) == listed[0]:
            roles[role] = listed[later.index(position)]
            return


@lru_cache(maxsize=64)
def _periods(text: str, today: date | None) -> tuple[Period, ...]:
    return tuple(find_periods(text, today))


def _starts_a_range(text: str, position: int) -> bool:
    """The amount at ``position`` is the start of "from $X to $Y": without a date of its own, the
    date written after "to" is not its date."""
    return re.search(r"\bfrom\s+(?:\w+\s+)?$", text[:position]) is not None and " to " in text[position:]


def _period(passage: _Passage) -> tuple[int | None, str, str]:
    """Year, period label and where they were read: the period nearest the amount in its clause,
    else stated by a table, else in its sentence, else in the sentences before (for a table: its
    header, caption and heading), else the first the article states with a trade cue (its lead); a
    forecast's period is never carried; an amount followed by "in the same period last year" has the
    period so found moved back to that year."""
    year, label, where = _stated_period(passage)
    amount_end = next((e for s, e in passage.spans if s == passage.position), None)
    base = OWN_BASE.match(passage.text, amount_end) if amount_end is not None else None
    if base is None or year is None or not label.startswith(str(year)):
        return year, label, where
    earlier = int(base["year"]) if base["year"] else year - 1
    return earlier, label.replace(str(year), str(earlier)), where


def _stated_period(passage: _Passage) -> tuple[int | None, str, str]:
    """:func:`_period` before a comparison base after the amount is taken into account; a figure
    its clause calls the full year's ("bringing the full-year total to $110.6 billion" after "In
    December") has the whole year of the period found."""
    year, label, where = _found_period(passage)
    start, end = passage.clause
    if year is not None and label.startswith(str(year)) and FULL_YEAR.search(passage.text, start, end):
        return year, str(year), where
    return year, label, where


def _found_period(passage: _Passage) -> tuple[int | None, str, str]:
    """:func:`_stated_period` before a full year is taken into account."""
    text, (start, end), position = passage.text, passage.clause, passage.position
    periods = _periods(text, passage.today)

    def nearest(found: list[Period]) -> Period:
        return min(found, key=lambda p: min(abs(p.start - position), abs(p.end - position)))

    # a possessive period right before the amount is its own, even as a comparison base ("compared
    # with 2022's total of $175.6 billion", "last year's $32.4 billion")
    owned = [p for p in periods if p.year and start <= p.start and OWN_BY_POSSESSIVE.fullmatch(text, p.end, position)]
    if owned:
        return owned[-1].year, owned[-1].label, "clause"
    periods = tuple(p for p in periods if not BASE_PERIOD.search(text[: p.start]))
    inside = [p for p in periods if start <= p.start < end and p.year]
    if inside:
        chosen = nearest(inside)
        return chosen.year, chosen.label, "clause"
    if "year" in passage.explicit:
        year = int(passage.explicit["year"])
        return year, str(year), "table"
    # a period written as a possessive belongs to its own figure: "last year's $32.4 billion"
    shared = [p for p in periods if p.year and not POSSESSIVE.match(text[p.end :])]
    if shared and not _starts_a_range(text, position):
        chosen = nearest(shared)
        return chosen.year, chosen.label, "sentence"
    earlier = [] if any(p.search(text) for p in trade_cues().forward) else passage.neighbours
    if passage.index >= 0 and earlier:  # the figure shares the period of the sentences before, up to PERIOD_BEFORE back
        earlier = [
            passage.document[j] for j in range(passage.index - 1, max(-1, passage.index - 1 - PERIOD_BEFORE), -1)
        ]
    if _starts_a_range(text, position):
        return None, "", "unresolved"
    for neighbour in earlier:
        found = _carried_periods(neighbour, passage.today)
        if found:
            return found[-1].year, found[-1].label, "neighbours"
    if earlier and passage.index >= 0:  # the period the article's lead states for its trade figures
        cues = trade_cues()
        for sentence in passage.document[: passage.index]:
            found = _carried_periods(sentence, passage.today) if _cue_hits(sentence, cues.flows) else []
            if found:
                return found[0].year, found[0].label, "document"
    return None, "", "unresolved"


def _carried_periods(text: str, today: date | None) -> list[Period]:
    """The periods of ``text`` a later sentence may share: not a comparison base, not a possessive
    ("last year's"), none of a target or forecast ("expected exports to top $5.6 billion this year")."""
    if any(p.search(text) for p in trade_cues().forward):
        return []
    return [
        p
        for p in _periods(text, today)
        if p.year and not POSSESSIVE.match(text[p.end :]) and not BASE_PERIOD.search(text[: p.start])
    ]


def _resolve(passage: _Passage, cues: TradeCues) -> _Resolution | None:
    """Flow, parties and period of a trade amount; None when no flow cue governs it."""
    found = _nearest_cue(passage, cues, "flows")
    if found is None or not _has_subject(found[1], found[0], cues):
        return None
    hit, cue_text = found
    if cue_text is passage.text:
        hit = _respective_cue(passage, cues) or hit
    roles, level = _parties(passage, hit, cue_text, cues)
    year, period, year_from = _period(passage)
    words = cue_text[hit.start : hit.end]
    sign = 0
    if hit.label == "balance":
        sign = -1 if any(p.search(words) for p in cues.deficit) else (1 if "surplus" in words.lower() else 0)
    return _Resolution(
        roles.get("reporter", ""), roles.get("partner", ""), hit.label, year, period, sign, level, year_from
    )


def _attribution(passage: _Passage, cues: TradeCues) -> str:
    """The source a sentence (or, for a table, the text above it) credits for its figures."""
    for text in [passage.text, *(passage.neighbours if passage.is_table else [])]:
        for pattern in cues.attribution:
            match = pattern.search(text)
            if match:
                return match.group(1).strip()
    return ""


def _currency(amount: MoneyAmount, countries: list[str]) -> tuple[str, str]:
    """The currency code of an amount and where it was read: ``text``, or for "¥" (yen or
    yuan) ``context`` when the first of Japan and China among ``countries`` decides it; an
    undecided "¥" stays "¥"."""
    if amount.currency != YEN_OR_YUAN:
        return amount.currency, "text"
    decided = next((YEN_OR_YUAN_BY_COUNTRY[c] for c in countries if c in YEN_OR_YUAN_BY_COUNTRY), None)
    return (decided, "context") if decided else (amount.currency, "text")


def _is_change(found: _Found, cues: TradeCues) -> bool:
    """True when the words right before the amount (its hedge aside) make it a change ("down more
    than $24 billion"): ``change`` of the cue file."""
    before = found.passage.text[: found.passage.position].rstrip()
    hedge = found.amount.qualifier
    if hedge and before.lower().endswith(hedge.lower()):
        before = before[: -len(hedge)].rstrip()
    return any(p.search(before) for p in cues.change)


def _resolved(corpus: Corpus, cues: TradeCues) -> Iterator[tuple[_Found, _Resolution]]:
    """The trade amounts of ``corpus`` (amounts of change aside) with their flow, parties and period."""
    for found in _found_amounts(corpus):
        if _category(found.passage, cues) == "trade" and not _is_change(found, cues):
            resolution = _resolve(found.passage, cues)
            if resolution is not None:
                yield found, resolution


def _restated_dropped(resolved: Iterator[tuple[_Found, _Resolution]]) -> list[tuple[_Found, _Resolution]]:
    """``resolved`` without the headline figures its document's body restates: "Trade tops $100
    billion" over "trade reached US$104.1 billion" is one figure, counted once (from the body)."""
    found = list(resolved)
    body = {(f.doc_id, r.flow, f.amount.currency, abs(f.amount.value)) for f, r in found if not f.passage.is_headline}

    def restated(f: _Found, r: _Resolution) -> bool:
        value = abs(f.amount.value)
        return any(
            (doc, flow, currency) == (f.doc_id, r.flow, f.amount.currency) and abs(other - value) <= RESTATED * value
            for doc, flow, currency, other in body
        )

    return [(f, r) for f, r in found if not (f.passage.is_headline and restated(f, r))]


def trade_figures(corpus: Corpus) -> pd.DataFrame:
    """The trade flows stated in the article text: one row per amount that a trade cue
    (exports, imports, trade, surplus, deficit…) governs, in any currency, with the parties and
    period the text states — and nothing it does not state.

    Columns: ``doc_id``, ``sent_id``, ``start``/``end``/``quote`` (the amount as written);
    ``reporter`` (whose exports/imports/balance it is), ``partner`` (``World`` for exports or
    imports to all markets) — both empty when the text does not state them; ``flow`` (exports,
    imports, total, balance); ``year`` (nullable integer: the calendar year, for a fiscal year the
    one it ends); ``period`` ("2022", "2023-01..2023-11", "2024-01", "FY2003-04"; empty when
    unknown); ``currency`` (ISO code; "¥" when yen and yuan cannot be told apart),
    ``currency_from`` (``text``, or ``context`` for a "¥" read from the country of the figure);
    ``value_bn`` (billions of that currency; a balance signed by its words: deficit, gap and
    shortfall negative, surplus positive); ``value_usd_bn`` and ``rounding_usd_bn`` (the value and
    half a unit of its last digit in US dollars), ``usd_from`` (``stated`` for a dollar figure,
    ``converted`` when the figure was converted with the annual average rate of its year from
    ``data/usd_rates.csv`` — the Federal Reserve's G.5A — and empty when no rate is shipped for its
    currency and year, leaving ``value_usd_bn`` NaN), ``usd_rate`` (the rate used, currency units
    per US dollar);
    ``qualifier``; ``attribution`` (the source the sentence credits, if any); ``resolved_from``
    (where the parties were read: ``clause``, ``table``, ``sentence``, ``neighbours`` — the
    sentences before, for "the deficit" or "the two countries" — ``heading``, ``document``, or
    ``unresolved`` when the text does not state both); ``year_from`` (the same for the period:
    ``clause``, ``table``, ``sentence``, ``neighbours``, ``document`` — the period the article's
    first sentences state for its trade figures — or ``unresolved``); ``sentence``.
    A total is given from the side of the country named first ("trade between X and Y", "X-Y
    trade"), or of Y after "X is Y's largest trading partner". Sorted by ``doc_id`` and ``start``.
    """
    cues = trade_cues()
    rows = []
    for found, resolution in _restated_dropped(_resolved(corpus, cues)):
        amount = found.amount
        value = abs(amount.value) * resolution.sign if resolution.sign else amount.value
        named = [m.country for m in party_mentions(found.passage.text)]
        currency, currency_from = _currency(amount, [resolution.reporter, resolution.partner, *named])
        rate = units_per_usd(currency, resolution.year)
        usd_from = "stated" if currency == "USD" else ("converted" if math.isfinite(rate) else "")
        rows.append(
            (
                found.doc_id,
                found.sent_id,
                amount.start,
                amount.end,
                amount.text,
                resolution.reporter,
                resolution.partner,
                resolution.flow,
                resolution.year,
                resolution.period,
                currency,
                currency_from,
                value,
                value / rate,
                amount.rounding / rate,
                usd_from,
                rate if usd_from == "converted" else math.nan,
                amount.qualifier,
                _attribution(found.passage, cues),
                resolution.resolved_from,
                resolution.year_from,
                found.sentence,
            )
        )
    table = pd.DataFrame(rows, columns=list(TRADE_FIGURES)).sort_values(["doc_id", "start"], ignore_index=True)
    return table.astype(
        {
            "sent_id": "int64",
            "start": "int64",
            "end": "int64",
            "year": "Int64",
            "value_bn": "float64",
            "value_usd_bn": "float64",
            "rounding_usd_bn": "float64",
            "usd_rate": "float64",
        }
    )
