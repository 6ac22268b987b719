"""Money amounts and trade flows read from article text, and what can be computed from them.

``amounts(corpus)`` lists every money amount of the article text (chrome never counts), classified
as trade, investment, aid/loan or other. ``trade_figures(corpus)`` keeps the trade amounts and
resolves who trades with whom, which way and in which year: "imports into Vietnam accounting for
$117.87 billion" is Vietnam's imports (from the other country of the sentence), "$109.39 billion in
exports from Vietnam" Vietnam's exports, "two-way trade … in 2022" the 2022 total. Markdown tables
are read cell by cell, with the header row naming the flow, partner and year columns.

The rest are pure DataFrame -> DataFrame helpers for the trade notebook: whether stated totals add
up (:func:`trade_consistency`), balances and ratios (:func:`trade_balances`), and the check of the
stated figures against official statistics on both sides of the border (:func:`fact_check_trade`,
:func:`mirror_gaps`). The cue words live in ``data/trade_cues.toml``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from weakref import WeakKeyDictionary

import pandas as pd

from xivn.corpus import Corpus
from xivn.datafiles import compile_patterns, load_toml, require_keys
from xivn.errors import DataFileError
from xivn.money import MoneyAmount, parse_amounts, parse_number, parse_unit
from xivn.paths import reference_path

FLOWS = ("exports", "imports", "total", "balance")
CATEGORIES = ("trade", "investment", "aid/loan", "other")
MIRROR_FLOW = {"exports": "imports", "imports": "exports", "total": "total", "balance": "balance"}

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

LEVELS = ("clause", "sentence", "table", "neighbours", "default")
YEAR = re.compile(r"(?<![\d$.,/-])(19[5-9]\d|20[0-4]\d)(?![\d%]|\s?[-–]\s?\d)")
CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s[–—-]\s|\s[–—]|[–—]\s")
CONJUNCTION = re.compile(r"\s(?:and|while|whereas|but|versus|against|compared with)\s")
CELL_NUMBER = re.compile(r"^\(?[-+−]?\$?\d[\d,]*(?:\.\d+)?\)?$")
SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
PART_YEAR_NOTE = re.compile(r"\bpartial year\b", re.IGNORECASE)
NEIGHBOURS_BEFORE, NEIGHBOURS_AFTER, TABLE_CONTEXT = 2, 1, 3


# ----------------------------------------------------------------------------------- cue file
@dataclass(frozen=True)
class TradeCues:
    """The validated contents of ``trade_cues.toml`` (see its header for the fields)."""

    countries: dict[str, list[re.Pattern[str]]]
    flows: dict[str, list[re.Pattern[str]]]
    deficit: list[re.Pattern[str]]
    categories: dict[str, list[re.Pattern[str]]]
    direction: dict[str, dict[str, tuple[str, ...]]]
    institution: re.Pattern[str]
    part_year: list[re.Pattern[str]]
    attribution: list[re.Pattern[str]]
    relative_years: dict[int, list[re.Pattern[str]]]
    table: dict[str, list[re.Pattern[str]]]


@cache
def trade_cues(name_or_path: str | Path = "trade_cues.toml") -> TradeCues:
    """Load and validate the trade cue file (by default the one shipped in ``xivn/data``)."""
    raw = load_toml(name_or_path)
    where = Path(name_or_path).name
    for section in ("countries", "flows", "categories", "direction", "context", "table"):
        require_keys(raw, (section,), where=where)
    unknown = sorted(set(raw["flows"]) ^ set(FLOWS)) or sorted(set(raw["direction"]) - set(FLOWS))
    if unknown:
        raise DataFileError(f"{where} [flows]/[direction]: expected exactly the flows {FLOWS}, got {unknown[0]!r}")
    for name in raw["categories"]:
        if name not in CATEGORIES:
            raise DataFileError(f"{where} [categories.{name}]: unknown category (expected one of {CATEGORIES})")
    for name, entry in raw["countries"].items():
        require_keys(entry, ("aliases",), where=f"{where} [countries.{name}]")
    context = raw["context"]
    require_keys(
        context, ("institution", "part_year", "attribution", "last_year", "this_year"), where=f"{where} [context]"
    )
    require_keys(raw["table"], ("partner", "reporter", "year"), where=f"{where} [table]")

    def patterns(values: list[str], key: str, flags: int = re.IGNORECASE) -> list[re.Pattern[str]]:
        return compile_patterns(values, where=f"{where} [{key}]", flags=flags)

    flows = {name: patterns(entry["cues"], f"flows.{name}") for name, entry in raw["flows"].items()}
    categories = {name: patterns(entry["cues"], f"categories.{name}") for name, entry in raw["categories"].items()}
    categories["trade"] = [*categories.get("trade", []), *(p for cues in flows.values() for p in cues)]
    words = "|".join(re.escape(word) for word in context["institution"])
    return TradeCues(
        countries={name: patterns(e["aliases"], f"countries.{name}", 0) for name, e in raw["countries"].items()},
        flows=flows,
        deficit=patterns(raw["flows"]["balance"].get("deficit_cues", []), "flows.balance.deficit_cues"),
        categories=categories,
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
@dataclass(frozen=True)
class Mention:
    """A country named in a text: ``text[start:end]`` is one of its aliases."""

    start: int
    end: int
    country: str


def country_mentions(text: str, cues: TradeCues, *, parties_only: bool = True) -> list[Mention]:
    """Countries named in ``text``, in order. With ``parties_only``, a country that only names an
    institution ("China's General Department of Customs") is left out."""
    found = sorted(
        (
            Mention(m.start(), m.end(), name)
            for name, aliases in cues.countries.items()
            for p in aliases
            for m in p.finditer(text)
        ),
        key=lambda m: (m.start, m.start - m.end),
    )
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue  # "South Korea" holds "Korea"
        if parties_only and cues.institution.match(text[mention.end :]):
            continue
        kept.append(mention)
    return kept


def _cue_matches(text: str, table: dict[str, list[re.Pattern[str]]], start: int = 0, end: int | None = None):
    """(start, end, name) of every cue match in ``text[start:end]``, matches inside longer ones dropped."""
    end = len(text) if end is None else end
    hits = sorted(
        (
            (m.start() + start, m.end() + start, name)
            for name, patterns in table.items()
            for p in patterns
            for m in p.finditer(text[start:end])
        ),
        key=lambda h: (h[0], -h[1]),
    )
    kept: list[tuple[int, int, str]] = []
    for hit in hits:
        if any(k[0] <= hit[0] and hit[1] <= k[1] for k in kept):
            continue
        kept = [k for k in kept if not (hit[0] <= k[0] and k[1] <= hit[1])]
        kept.append(hit)
    return kept


def _nearest(hits, position: int):
    """The hit nearest to a character position (ties: the earlier one)."""
    return min(
        hits, key=lambda h: (0 if h[0] <= position <= h[1] else min(abs(h[0] - position), abs(h[1] - position)), h[0])
    )


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans blanked out (same length), so "US$" is no country mention."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def clause_span(text: str, amount: tuple[int, int], others: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause of ``text`` around an amount: cut at punctuation and dashes, and between two
    amounts of the same clause at a conjunction ("… $5bn and imports of $3bn")."""
    start, end = 0, len(text)
    for match in CLAUSE_BREAK.finditer(text):
        if match.end() <= amount[0]:
            start = max(start, match.end())
        elif match.start() >= amount[1]:
            end = min(end, match.start())
            break
    for other in others:
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
    for doc_id, doc_sentences in sentences.groupby("doc_id", sort=False):
        rows = list(doc_sentences.itertuples(index=False))
        masked = [_mask(r.text, [(a.start, a.end) for a in parse_amounts(r.text)]) for r in rows]
        for i, row in enumerate(rows):
            if row.kind == "table_row":
                continue  # read cell by cell below
            neighbours = [
                masked[j]
                for j in (*range(i - 1, i - 1 - NEIGHBOURS_BEFORE, -1), *range(i + 1, i + 1 + NEIGHBOURS_AFTER))
                if 0 <= j < len(rows)
            ]
            found = parse_amounts(row.text)
            spans = [(a.start, a.end) for a in found]
            for amount in found:
                others = [s for s in spans if s != (amount.start, amount.end)]
                passage = _Passage(
                    masked[i],
                    clause_span(masked[i], (amount.start, amount.end), others),
                    amount.start,
                    neighbours,
                    doc_year=years[doc_id],
                )
                shifted = _shift(amount, row.start)
                yield _Found(doc_id, row.sent_id, shifted, "text", row.text, passage)
        if (doc_sentences["kind"] == "table_row").any():  # most documents have no table
            yield from _table_amounts(corpus, doc_id, doc_sentences, years[doc_id])


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


def _table_amounts(corpus: Corpus, doc_id: str, sentences: pd.DataFrame, doc_year: int | None) -> Iterator[_Found]:
    """Amounts in the Markdown tables of a document: a run of ``table_row`` paragraphs whose first
    row is the header. A bare number counts when its column header, the header row or the text
    just before the table names a money unit ("Exports (US$ bn)", "in billion U.S. dollars")."""
    cues = trade_cues()
    paragraphs = corpus.article_paragraphs()
    paragraphs = paragraphs[paragraphs["doc_id"] == doc_id].reset_index(drop=True)
    sent_of_par = sentences.drop_duplicates("par_id").set_index("par_id")["sent_id"]
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
        if any(p.search(header) for p in cues.table[role]) and not _cue_matches(header, cues.flows):
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
                explicit[role] = mentions[0].country
    for column, (start, end, text) in enumerate(cells):
        role = roles[column] if column < len(roles) else "value"
        name = header[column] if column < len(header) else ""
        inline = parse_amounts(text)
        if role != "value":
            continue
        if YEAR.fullmatch(name.strip()):
            explicit_here = {**explicit, "year": int(name.strip())}
        elif not inline and not _cue_matches(name, cues.flows) and YEAR.fullmatch(text):
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
def _nearest_cue(passage: _Passage, table: dict[str, list[re.Pattern[str]]]) -> tuple[str, str] | None:
    """(name, matched text) of the cue nearest the amount: in its clause, else in its sentence,
    else (for a table cell) in the text just above the table, nearest its end."""
    start, end = passage.clause
    for hits in (_cue_matches(passage.text, table, start, end), _cue_matches(passage.text, table)):
        if hits:
            hit = _nearest(hits, passage.position)
            return hit[2], passage.text[hit[0] : hit[1]]
    for text in passage.neighbours if passage.is_table else []:
        hits = _cue_matches(text, table)
        if hits:
            hit = _nearest(hits, len(text))
            return hit[2], text[hit[0] : hit[1]]
    return None


def _category(passage: _Passage, cues: TradeCues) -> str:
    found = _nearest_cue(passage, cues.categories)
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
    later_flows = [h[0] for h in _cue_matches(text, cues.flows, flow_span[1], end)]
    stop = min(later_flows, default=end)
    roles: dict[str, str] = {}
    for mention in mentions:
        between_before = text[mention.end : flow_span[0]]
        if mention.end <= flow_span[0] and re.fullmatch(
            r"(?:['’]s?)?(?:\s+(?:total|overall|annual|goods|merchandise|trade|own|bilateral))*\s*", between_before
        ):
            roles.setdefault("reporter", mention.country)
        elif flow_span[1] <= mention.start < stop:
            for role in ("partner", "reporter"):
                if _after_preposition(text, flow_span[1], mention.start, cues.direction[flow][role]):
                    if mention.country not in roles.values():
                        roles.setdefault(role, mention.country)
                    break
    return roles


def _levels(passage: _Passage, cues: TradeCues) -> list[tuple[str, list[str]]]:
    """Countries around an amount, nearest first: in its clause, its sentence, its neighbours."""
    text, (start, end), position = passage.text, passage.clause, passage.position

    def by_distance(mentions: list[Mention]) -> list[str]:
        ordered = sorted(mentions, key=lambda m: (abs(m.start - position), m.start))
        return list(dict.fromkeys(m.country for m in ordered))

    mentions = country_mentions(text, cues)
    inside = [m for m in mentions if start <= m.start < end]
    around: list[str] = []
    for neighbour in passage.neighbours:
        around.extend(m.country for m in country_mentions(neighbour, cues))
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

    def nearest(matches) -> int | None:
        matches = list(matches)
        return int(min(matches, key=lambda m: abs(m.start() - position)).group(1)) if matches else None

    clause_year = nearest(m for m in YEAR.finditer(text) if start <= m.start() < end)
    if clause_year:
        return clause_year, "clause"
    if "year" in passage.explicit:
        return int(passage.explicit["year"]), "table"
    sentence_year = nearest(YEAR.finditer(text))
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
    flow_cue = _nearest_cue(passage, cues.flows)
    if flow_cue is None:
        return None
    flow, cue_text = flow_cue
    spans = [
        h for h in _cue_matches(passage.text, cues.flows) if h[2] == flow and passage.text[h[0] : h[1]] == cue_text
    ]
    span = _nearest(spans, passage.position)[:2] if spans else (passage.position, passage.position)
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
    part = any(p.search(passage.text) for p in cues.part_year)
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


# ------------------------------------------------------------------- what the figures say
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

    Columns: ``doc_id``, ``reporter``, ``partner``, ``year``, ``exports``, ``imports``, ``total``,
    ``exports_plus_imports``, ``difference`` (total minus the sum), ``tolerance``, ``verdict``
    (``adds up``, ``does not add up``, or ``incomplete`` when one of the three is not stated).
    One row per document, pair and year; sorted.
    """
    columns = [
        "doc_id",
        "reporter",
        "partner",
        "year",
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
    keys = ["doc_id", "reporter", "partner", "year"]
    first = figures.sort_values(["doc_id", "start"]).drop_duplicates([*keys, "flow"])
    values, rounding = _wide(first, keys), _wide(first, keys, "rounding_usd_bn")
    table = values[["exports", "imports", "total"]].copy()
    table["exports_plus_imports"] = (table["exports"] + table["imports"]).round(6)
    table["difference"] = (table["total"] - table["exports_plus_imports"]).round(6)
    table["tolerance"] = rounding[["exports", "imports", "total"]].sum(axis=1, min_count=3).round(6)
    table["verdict"] = [
        "incomplete" if pd.isna(d) else ("adds up" if abs(d) <= t + 1e-9 else "does not add up")
        for d, t in zip(table["difference"], table["tolerance"], strict=True)
    ]
    return table.reset_index().sort_values(keys, ignore_index=True)[columns]


def trade_balances(figures: pd.DataFrame, reporter: str = "Vietnam") -> pd.DataFrame:
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
def trade_reference(name_or_path: str | Path = "trade_2022.csv") -> pd.DataFrame:
    """Official trade statistics with their sources (by default ``xivn/data/reference/trade_2022.csv``;
    its sources are described in ``trade_2022.md`` beside it).

    Columns: ``reporter`` (the country whose statistics these are), ``publisher`` (the agency as
    given in the file, e.g. "Vietnam (General Department of Vietnam Customs)"), ``partner``,
    ``flow``, ``year``, ``period`` (``part-year`` when the note says PARTIAL YEAR, else ``year``),
    ``value_usd_bn`` (NaN where the figure was looked for and not found), ``precision_usd_bn`` (one
    unit of the last digit given: sources round or cut off), ``source`` (who printed the figure),
    ``source_title``, ``source_url``, ``note``.
    """
    path = reference_path(name_or_path)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise DataFileError(f"{path}: reference table not found") from None
    needed = ("reporter", "partner", "flow", "year", "value_usd_bn", "publisher", "source_title", "source_url", "note")
    missing = [c for c in needed if c not in raw.columns]
    if missing:
        raise DataFileError(f"{path}: missing column(s) {', '.join(missing)}")
    bad = raw[~raw["flow"].isin(FLOWS)]
    if not bad.empty:
        raise DataFileError(
            f"{path}: row {bad.index[0] + 2} has flow {bad['flow'].iloc[0]!r} (expected one of {FLOWS})"
        )
    numbers = [parse_number(v) if v.strip() else (math.nan, 0) for v in raw["value_usd_bn"]]
    return pd.DataFrame(
        {
            "reporter": raw["reporter"].str.split(" (", regex=False).str[0].str.strip(),
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


def fact_check_trade(figures: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Each stated flow against official statistics, from both sides of the border.

    For a claim "reporter R's flow F with partner P in year Y", two kinds of full-year reference
    row count (part-year rows never):
    ``same side`` — R's own statistics for the same flow (do the numbers match?) — and ``mirror`` —
    P's statistics for the opposite flow (P's imports from R for R's exports; a balance with its
    sign turned), which measure the same goods at the other border. Columns: ``doc_id``,
    ``start``, ``end``, ``quote``, ``reporter``, ``partner``, ``flow``, ``year``, ``claim_usd_bn``,
    ``attribution`` (the source the text credits), ``credited_country`` (the country that source
    belongs to, "" if none is named), ``check`` (``same side``/``mirror``),
    ``publisher``, ``source``, ``reference_usd_bn`` (in the claim's direction), ``gap_usd_bn``
    (reference minus claim), ``gap_pct`` (gap / claim), ``verdict``: ``matches`` (within the
    claim's rounding plus one unit of the reference's last digit), ``differs``, ``partner reports
    more`` / ``partner reports less`` (mirror), or ``not found`` (the reference set looked and has
    no value). Claims with no reference row at all are listed with ``check`` = ``none``.
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
    reference = reference[reference["period"] == "year"]
    cues = trade_cues()
    for claim in figures.itertuples(index=False):
        credited = country_mentions(claim.attribution, cues, parties_only=False)
        same = reference[
            (reference["reporter"] == claim.reporter)
            & (reference["partner"] == claim.partner)
            & (reference["flow"] == claim.flow)
            & (reference["year"] == claim.year)
        ]
        mirror = reference[
            (reference["reporter"] == claim.partner)
            & (reference["partner"] == claim.reporter)
            & (reference["flow"] == MIRROR_FLOW[claim.flow])
            & (reference["year"] == claim.year)
        ]
        base = [
            claim.doc_id,
            claim.start,
            claim.end,
            claim.quote,
            claim.reporter,
            claim.partner,
            claim.flow,
            claim.year,
            claim.value_usd_bn,
            claim.attribution,
            credited[0].country if credited else "",
        ]
        if same.empty and mirror.empty:
            rows.append([*base, "none", "", "", math.nan, math.nan, math.nan, "no reference"])
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
    if abs(gap) <= tolerance + 1e-9:
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
