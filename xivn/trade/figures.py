"""Money amounts and trade flows read from article text.

``amounts(corpus)`` lists every money amount of the article text (chrome never counts), classified
as trade, investment, aid/loan or other. ``trade_figures(corpus)`` keeps the trade amounts and
resolves who trades with whom, which way and in which year: "imports into Vietnam accounting for
$117.87 billion" is Vietnam's imports (from the other country of the sentence), "$109.39 billion in
exports from Vietnam" Vietnam's exports, "two-way trade … in 2022" the 2022 total. Markdown tables
are read cell by cell, with the header row naming the flow, partner and year columns. The cue
words live in ``data/trade_cues.toml``. What the figures add up to, and how they compare with
official statistics, is in :mod:`xivn.trade.checks`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from weakref import WeakKeyDictionary

import pandas as pd

from xivn.corpus.corpus import Corpus, rows_by_document
from xivn.cues.datafiles import PATTERNS, STRINGS, Entries, Schema, Table, compile_patterns, load_data_file
from xivn.cues.engine import CueTable, Hit, closest, find_hits, in_order, leftmost_longest
from xivn.trade.money import MoneyAmount, parse_amounts, parse_number, parse_unit

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
    "value_usd_bn",
    "rounding_usd_bn",
    "qualifier",
    "attribution",
    "resolved_from",
    "sentence",
)
"""Columns of :func:`trade_figures`."""

LEVELS = ("clause", "sentence", "table", "neighbours", "default")
YEAR = re.compile(r"(?<![\d$.,/-])(19[5-9]\d|20[0-4]\d)(?![\d%]|\s?[-–]\s?\d)")
CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s[–—-]\s|\s[–—]|[–—]\s")
CONJUNCTION = re.compile(r"\s(?:and|while|whereas|but|versus|against|compared with)\s")
CELL_NUMBER = re.compile(r"^\(?[-+−]?\$?\d[\d,]*(?:\.\d+)?\)?$")
SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
NEIGHBOURS_BEFORE, NEIGHBOURS_AFTER, TABLE_CONTEXT = 2, 1, 3


# ----------------------------------------------------------------------------------- cue file
@dataclass(frozen=True, eq=False)  # compared and hashed by identity: cached results are keyed on it
class TradeCues:
    """The validated contents of ``trade_cues.toml`` (see its header for the fields)."""

    countries: CueTable
    flows: CueTable
    deficit: list[re.Pattern[str]]
    categories: CueTable
    direction: dict[str, dict[str, tuple[str, ...]]]
    institution: re.Pattern[str]
    part_year: list[re.Pattern[str]]
    attribution: list[re.Pattern[str]]
    relative_years: dict[int, list[re.Pattern[str]]]
    table: dict[str, list[re.Pattern[str]]]


_FLOW = Table(required={"cues": PATTERNS}, optional={"deficit_cues": PATTERNS})
_DIRECTION = Table(optional={"partner": STRINGS, "reporter": STRINGS})
_CONTEXT = ("part_year", "attribution", "last_year", "this_year")
CUES_SCHEMA = Schema(
    "trade_cues.toml",
    Table(
        required={
            "countries": Entries(Table(required={"aliases": PATTERNS}), nonempty=True),
            "flows": Table(required=dict.fromkeys(FLOWS, _FLOW)),
            "categories": Table(optional=dict.fromkeys(CATEGORIES, Table(required={"cues": PATTERNS}))),
            "direction": Table(optional=dict.fromkeys(FLOWS, _DIRECTION)),
            "context": Table(required={"institution": STRINGS, **dict.fromkeys(_CONTEXT, PATTERNS)}),
            "table": Table(required=dict.fromkeys(("partner", "reporter", "year"), PATTERNS)),
        }
    ),
)
"""The trade cue file: country aliases, flow and category cues, direction words, context and table cues."""


@cache
def trade_cues(name_or_path: str | Path = CUES_SCHEMA.file) -> TradeCues:
    """Load and validate the trade cue file (by default the one shipped in ``xivn/trade/data``)."""
    raw = load_data_file(name_or_path, CUES_SCHEMA)
    where = Path(name_or_path).name
    context = raw["context"]

    def patterns(values: list[str], key: str, flags: int = re.IGNORECASE) -> list[re.Pattern[str]]:
        return compile_patterns(values, where=f"{where} [{key}]", flags=flags)

    flows = {name: patterns(entry["cues"], f"flows.{name}") for name, entry in raw["flows"].items()}
    categories = {name: patterns(entry["cues"], f"categories.{name}") for name, entry in raw["categories"].items()}
    categories["trade"] = [*categories.get("trade", []), *(p for cues in flows.values() for p in cues)]
    words = "|".join(re.escape(word) for word in context["institution"])
    return TradeCues(
        countries=CueTable(
            {name: patterns(e["aliases"], f"countries.{name}", 0) for name, e in raw["countries"].items()}
        ),
        flows=CueTable(flows),
        deficit=patterns(raw["flows"]["balance"].get("deficit_cues", []), "flows.balance.deficit_cues"),
        categories=CueTable(categories),
        direction={
            flow: {role: tuple(entry.get(role, [])) for role in ("partner", "reporter")}
            for flow, entry in raw["direction"].items()
        },
        institution=re.compile(rf"^(?:['’]s)?\s+(?:{words})\b"),
        part_year=patterns(context["part_year"], "context.part_year"),
        attribution=patterns(context["attribution"], "context.attribution", 0),
        relative_years={
            -1: patterns(context["last_year"], "context.last_year"),
            0: patterns(context["this_year"], "context.this_year"),
        },
        table={role: patterns(raw["table"][role], f"table.{role}") for role in ("partner", "reporter", "year")},
    )


# ----------------------------------------------------------------------------- text helpers
def country_mentions(text: str, cues: TradeCues, *, parties_only: bool = True) -> list[Hit]:
    """Countries named in ``text`` (hit label: the country), in order; "South Korea" holds no
    "Korea". With ``parties_only``, a country that only names an institution ("China's General
    Department of Customs") is left out."""
    return list(_country_mentions(text, cues, parties_only))


@lru_cache(maxsize=16)  # asked once per amount: a sentence with many amounts is read once
def _country_mentions(text: str, cues: TradeCues, parties_only: bool) -> tuple[Hit, ...]:
    hits = find_hits(text, cues.countries, ranks=in_order(cues.countries))
    if parties_only:
        hits = [hit for hit in hits if not cues.institution.match(text[hit.end :])]
    return tuple(leftmost_longest(hits))


def _cue_hits(text: str, table: CueTable, start: int = 0, end: int | None = None) -> list[Hit]:
    """Every cue match in ``text[start:end]`` (label: the cue's name), matches inside longer ones dropped."""
    found = find_hits(text[start:end], table, offset=start, ranks=in_order(table))
    return leftmost_longest(found, overlapping=True)


@lru_cache(maxsize=16)  # the sentence-wide questions below are asked once per amount of the sentence
def _sentence_cue_hits(text: str, cues: TradeCues, which: str) -> tuple[Hit, ...]:
    """:func:`_cue_hits` of the whole ``text`` for the cue list ``which`` of ``cues``."""
    return tuple(_cue_hits(text, getattr(cues, which)))


@lru_cache(maxsize=16)
def _says_part_year(text: str, cues: TradeCues) -> bool:
    """The text speaks of part of a year ("in the first 11 months")."""
    return any(p.search(text) for p in cues.part_year)


@lru_cache(maxsize=16)
def _years(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, year)`` of every year written in ``text``."""
    return tuple((m.start(), int(m.group(1))) for m in YEAR.finditer(text))


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
    neighbours: list[str] = field(default_factory=list)
    explicit: dict[str, object] = field(default_factory=dict)
    doc_year: int | None = None
    is_table: bool = False


@dataclass
class _Found:
    doc_id: str
    sent_id: int
    amount: MoneyAmount  # offsets into the raw document
    unit_from: str
    sentence: str
    passage: _Passage


def _doc_years(corpus: Corpus) -> dict[str, int | None]:
    dates = corpus.documents.set_index("doc_id")["date"].astype(str)
    return {doc_id: int(date[:4]) if re.match(r"^\d{4}", date) else None for doc_id, date in dates.items()}


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
    years = _doc_years(corpus)
    paragraphs: dict[str, pd.DataFrame] | None = None
    for doc_id, rows in rows_by_document(sentences):
        parsed = [parse_amounts(r.text) for r in rows]
        masked = [_mask(r.text, [(a.start, a.end) for a in amounts]) for r, amounts in zip(rows, parsed, strict=True)]
        for i, row in enumerate(rows):
            if row.kind == "table_row":
                continue  # read cell by cell below
            neighbours = [
                masked[j]
                for j in (*range(i - 1, i - 1 - NEIGHBOURS_BEFORE, -1), *range(i + 1, i + 1 + NEIGHBOURS_AFTER))
                if 0 <= j < len(rows)
            ]
            found = parsed[i]
            spans = [(a.start, a.end) for a in found]
            for k, amount in enumerate(found):
                passage = _Passage(
                    masked[i],
                    clause_span(masked[i], spans[k], spans[:k] + spans[k + 1 :]),
                    amount.start,
                    neighbours,
                    doc_year=years[doc_id],
                )
                shifted = _shift(amount, row.start)
                yield _Found(doc_id, row.sent_id, shifted, "text", row.text, passage)
        if any(row.kind == "table_row" for row in rows):  # most documents have no table
            if paragraphs is None:  # grouped once, when the first table is met
                paragraphs = dict(tuple(corpus.article_paragraphs().groupby("doc_id", sort=False)))
            yield from _table_amounts(doc_id, paragraphs[doc_id].reset_index(drop=True), rows, years[doc_id])


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
    doc_id: str, paragraphs: pd.DataFrame, sentences: list[tuple], doc_year: int | None
) -> Iterator[_Found]:
    """Amounts in the Markdown tables of a document (its article ``paragraphs`` and ``sentences``):
    a run of ``table_row`` paragraphs whose first row is the header. A bare number counts when its
    column header, the header row or the text just before the table names a money unit
    ("Exports (US$ bn)", "in billion U.S. dollars")."""
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
                doc_year,
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


def _row_amounts(doc_id, sent_id, row_text, cells, header, roles, table_unit, context, doc_year, cues):
    labels = [c[2] for c in cells if not CELL_NUMBER.match(c[2]) and not parse_amounts(c[2])]
    explicit: dict[str, object] = {}
    for (_, _, text), role in zip(cells, roles, strict=False):
        if role == "year" and YEAR.search(text):
            explicit["year"] = int(YEAR.search(text).group(1))
        elif role in ("partner", "reporter"):
            mentions = country_mentions(text, cues)
            if mentions:
                explicit[role] = mentions[0].label
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
        passage = _Passage(
            description,
            (0, len(description)),
            len(description),
            [" | ".join(header), *context],
            explicit_here,
            doc_year,
            is_table=True,
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
def _nearest_cue(passage: _Passage, cues: TradeCues, which: str) -> tuple[str, str] | None:
    """(name, matched text) of the cue of list ``which`` (``flows``, ``categories``) nearest the
    amount: in its clause, else in its sentence, else (for a table cell) in the text just above
    the table, nearest its end."""
    start, end = passage.clause
    table = getattr(cues, which)
    for hits in (_cue_hits(passage.text, table, start, end), _sentence_cue_hits(passage.text, cues, which)):
        hit = closest(hits, passage.position)
        if hit:
            return hit.label, passage.text[hit.start : hit.end]
    for text in passage.neighbours if passage.is_table else []:
        hit = closest(_cue_hits(text, table), len(text))
        if hit:
            return hit.label, text[hit.start : hit.end]
    return None


def _category(passage: _Passage, cues: TradeCues) -> str:
    found = _nearest_cue(passage, cues, "categories")
    return found[0] if found else "other"


def amounts(corpus: Corpus) -> pd.DataFrame:
    """Every money amount in the article text of ``corpus`` (page chrome excluded).

    Columns: ``doc_id``, ``sent_id``; ``start``/``end``/``quote`` — the amount as written
    ("$175.57 billion"; for a table cell, the number in it); ``qualifier`` (a hedge written before
    it: "about", "more than"); ``currency`` (USD, CNY, VND, EUR, or the symbol of another dollar);
    ``value_bn`` (billions of that currency; negative for a bracketed or minus table cell);
    ``value_usd_bn`` (the same in US dollars, NaN for other currencies: nothing is converted);
    ``rounding_usd_bn`` (half a unit of the last stated digit); ``unit_from`` (``text`` when the
    currency is written with the number, ``table`` when it comes from a table header or caption);
    ``category`` (trade, investment, aid/loan or other, from the nearest cue word of
    ``trade_cues.toml`` in the amount's clause, then its sentence); ``sentence`` (the sentence or
    table row it was read from). Sorted by ``doc_id`` and ``start``.
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
            f.amount.currency,
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


def _after_preposition(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """True when ``text[start:end]`` (the words between a flow word and a country) ends with one
    of the prepositions ``words``, optionally followed by "the"."""
    if not words:
        return False
    pattern = r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?:the\s+)?$"
    return re.search(pattern, text[start:end], re.IGNORECASE) is not None


def _stated_parties(passage: _Passage, flow_span: tuple[int, int], flow: str, cues: TradeCues) -> dict[str, str]:
    """Reporter and partner written next to the flow word: "Vietnam's exports", "US imports"
    (reporter before it), "exports to China", "imports into Vietnam" (a preposition after it)."""
    text, (start, end) = passage.text, passage.clause
    mentions = [m for m in country_mentions(text, cues) if start <= m.start < end]
    later_flows = [h.start for h in _cue_hits(text, cues.flows, flow_span[1], end)]
    stop = min(later_flows, default=end)
    roles: dict[str, str] = {}
    for mention in mentions:
        between_before = text[mention.end : flow_span[0]]
        if mention.end <= flow_span[0] and re.fullmatch(
            r"(?:['’]s?)?(?:\s+(?:total|overall|annual|goods|merchandise|trade|own|bilateral))*\s*", between_before
        ):
            roles.setdefault("reporter", mention.label)
        elif flow_span[1] <= mention.start < stop:
            for role in ("partner", "reporter"):
                if _after_preposition(text, flow_span[1], mention.start, cues.direction[flow][role]):
                    if mention.label not in roles.values():
                        roles.setdefault(role, mention.label)
                    break
    return roles


def _levels(passage: _Passage, cues: TradeCues) -> list[tuple[str, list[str]]]:
    """Countries around an amount, nearest first: in its clause, its sentence, its neighbours."""
    text, (start, end), position = passage.text, passage.clause, passage.position

    def by_distance(mentions: list[Hit]) -> list[str]:
        ordered = sorted(mentions, key=lambda m: (abs(m.start - position), m.start))
        return list(dict.fromkeys(m.label for m in ordered))

    mentions = country_mentions(text, cues)
    inside = [m for m in mentions if start <= m.start < end]
    around: list[str] = []
    for neighbour in passage.neighbours:
        around.extend(m.label for m in country_mentions(neighbour, cues))
    first = "table" if passage.is_table else "clause"
    return [
        (first, by_distance(inside)),
        ("sentence", by_distance(mentions)),
        ("neighbours", list(dict.fromkeys(around))),
    ]


def _parties(stated: dict[str, str], levels, default: str, flow: str) -> tuple[str, str, str] | None:
    """Reporter, partner and the farthest level that was needed; None when no partner is found."""
    reporter, partner = stated.get("reporter"), stated.get("partner")
    used = ["clause"] if stated else []
    if reporter is None and partner is None:
        pool: list[str] = []
        for name, countries in levels:
            pool.extend(c for c in countries if c not in pool)
            used.append(name)
            if len(pool) >= 2:
                break
        if not pool or pool == [default]:
            return None
        reporter = default if default in pool or len(pool) == 1 else pool[0]
        partner = next(c for c in pool if c != reporter)
        used.append("default" if default not in pool else used[-1])
    elif partner is None:
        partner = next((c for _, countries in levels for c in countries if c != reporter), None)
        if partner is None:
            return None
        used.append(next(name for name, countries in levels if any(c != reporter for c in countries)))
    elif reporter is None:
        for name, countries in levels:
            options = [c for c in countries if c != partner]
            if options:
                reporter = default if default in options else options[0]
                used.append(name)
                break
        else:
            if partner == default:
                return None
            reporter = default
            used.append("default")
    if flow == "total" and partner == default:
        reporter, partner = partner, reporter  # a total is the same seen from either side
    return reporter, partner, max(used, key=LEVELS.index)


def _year(passage: _Passage, cues: TradeCues) -> tuple[int | None, str]:
    """The year nearest the amount in its clause, else stated by a table, else in its sentence,
    else relative ("last year", with the document's date), else in a neighbour."""
    text, (start, end), position = passage.text, passage.clause, passage.position

    def nearest(years: list[tuple[int, int]]) -> int | None:
        return min(years, key=lambda found: abs(found[0] - position))[1] if years else None

    clause_year = nearest([found for found in _years(text) if start <= found[0] < end])
    if clause_year:
        return clause_year, "clause"
    if "year" in passage.explicit:
        return int(passage.explicit["year"]), "table"
    sentence_year = nearest(list(_years(text)))
    if sentence_year:
        return sentence_year, "sentence"
    for shift, patterns in cues.relative_years.items():
        if passage.doc_year and any(p.search(text) for p in patterns):
            return passage.doc_year + shift, "sentence"
    for neighbour in passage.neighbours:
        years = [int(m.group(1)) for m in YEAR.finditer(neighbour)]
        if years:
            return years[-1], "neighbours"
    return None, "default"


def _resolve(passage: _Passage, cues: TradeCues, default: str) -> _Resolution | None:
    flow_cue = _nearest_cue(passage, cues, "flows")
    if flow_cue is None:
        return None
    flow, cue_text = flow_cue
    same = [
        h
        for h in _sentence_cue_hits(passage.text, cues, "flows")
        if h.label == flow and passage.text[h.start : h.end] == cue_text
    ]
    hit = closest(same, passage.position)
    span = (hit.start, hit.end) if hit else (passage.position, passage.position)
    stated = {
        **_stated_parties(passage, span, flow, cues),
        **{k: str(v) for k, v in passage.explicit.items() if k in ("reporter", "partner")},
    }
    parties = _parties(stated, _levels(passage, cues), default, flow)
    if parties is None:
        return None
    reporter, partner, level = parties
    year, year_level = _year(passage, cues)
    sign = 0
    if flow == "balance":
        sign = -1 if any(p.search(cue_text) for p in cues.deficit) else (1 if "surplus" in cue_text.lower() else 0)
    part = _says_part_year(passage.text, cues)
    return _Resolution(
        reporter, partner, flow, year, "part-year" if part else "year", sign, max(level, year_level, key=LEVELS.index)
    )


def _attribution(passage: _Passage, cues: TradeCues) -> str:
    """The source a sentence (or, for a table, the text above it) credits for its figures."""
    for text in [passage.text, *(passage.neighbours if passage.is_table else [])]:
        for pattern in cues.attribution:
            match = pattern.search(text)
            if match:
                return match.group(1).strip()
    return ""


def trade_figures(corpus: Corpus, *, reporter: str = "Vietnam") -> pd.DataFrame:
    """The trade flows stated in the article text: one row per amount of trade in US dollars
    whose partner could be resolved.

    Columns: ``doc_id``, ``sent_id``, ``start``/``end``/``quote`` (the amount as written);
    ``reporter`` (whose exports/imports/balance it is), ``partner``; ``flow`` (exports, imports,
    total, balance; a stated deficit is negative); ``year`` (nullable integer); ``period`` (``year``,
    or ``part-year`` when the sentence speaks of months or quarters); ``value_usd_bn``,
    ``rounding_usd_bn``; ``qualifier``; ``attribution`` (the source the sentence credits, if any);
    ``resolved_from`` (the farthest place the resolver had to look: ``clause``, ``sentence``,
    ``table``, ``neighbours`` — the two sentences before and one after — or ``default``, meaning
    the country was not written and ``reporter`` was assumed); ``sentence``.

    ``reporter`` is the country whose view is taken when the text does not say (the total of a
    pair is given from its side). Sorted by ``doc_id`` and ``start``.
    """
    cues = trade_cues()
    rows = []
    for found in _found_amounts(corpus):
        amount = found.amount
        if amount.currency != "USD" or _category(found.passage, cues) != "trade":
            continue
        resolution = _resolve(found.passage, cues, reporter)
        if resolution is None:
            continue
        value = abs(amount.value) * resolution.sign if resolution.sign else amount.value
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
                value,
                amount.rounding,
                amount.qualifier,
                _attribution(found.passage, cues),
                resolution.resolved_from,
                found.sentence,
            )
        )
    table = pd.DataFrame(rows, columns=list(TRADE_FIGURES)).sort_values(["doc_id", "start"], ignore_index=True)
    table = table.astype(
        {
            "sent_id": "int64",
            "start": "int64",
            "end": "int64",
            "year": "Int64",
            "value_usd_bn": "float64",
            "rounding_usd_bn": "float64",
        }
    )
    table.attrs["reporter"] = reporter
    return table
