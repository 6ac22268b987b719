"""Scope: which documents of a corpus are about the event, and why.

A corpus given to the notebooks may hold texts about other countries, other years or nothing
political at all. :func:`scope_table` says, per document, which country pairs it covers (two
countries of ``xivn/cues/data/countries.toml`` named in one sentence: :func:`country_pairs`),
whether the event's pair is one of them, and how closely it is about the event: the dates it
states or is dated with, the participants and the event's terms it names. Each piece of evidence
is a row of :func:`scope_evidence` with its offsets and sentence, so a reader can check it. The
verdicts (``data/scope.toml``) are few and fixed; ``reason`` says each one in plain words.

Only article text is read (no page chrome), and only documents in English
(:meth:`xivn.corpus.Corpus.article_sentences`); a document known to be in another language is
``not_read``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import combinations
from pathlib import Path

import pandas as pd

from xivn.corpus import Corpus
from xivn.corpus.corpus import table_rows
from xivn.cues.countries import country_mentions
from xivn.cues.datafiles import (
    PATTERNS,
    TEXT,
    Entries,
    ListOf,
    Schema,
    Table,
    compile_patterns,
    data_error,
    load_data_file,
)
from xivn.cues.engine import CueTable, Hit, find_hits, leftmost_longest
from xivn.display.wording import counted, name_list
from xivn.event.profile import EventProfile, pair_label

VERDICTS = ("not_read", "in_scope", "pair_only", "other_pair", "no_pair")
"""The verdicts of :func:`scope_table`, in the order they are decided (see ``data/scope.toml``)."""
SCOPE_SCHEMA = Schema(
    "scope.toml",
    Table(
        required={
            "verdicts": Entries(Table(required={"label": TEXT, "description": TEXT}), nonempty=True),
            "dates": PATTERNS,
            "months": ListOf(TEXT, nonempty=True),
        }
    ),
)
"""The scope rules: the verdicts' words, the patterns of a stated date, the month names."""
PAIR_COLUMNS = ["doc_id", "pair", "n_sentences", "start", "end", "quote"]
"""Columns of :func:`country_pairs`."""
EVIDENCE_COLUMNS = ["doc_id", "sent_id", "kind", "value", "start", "end", "quote", "near", "note"]
"""Columns of :func:`scope_evidence`."""
SCOPE_COLUMNS = [
    "doc_id",
    "document_date",
    "pairs",
    "names_pair",
    "pair_sentences",
    "participants",
    "terms",
    "dates_near",
    "dates_far",
    "verdict",
    "reason",
]
"""Columns of :func:`scope_table`."""
PAIRS_SHOWN = 3


@dataclass(frozen=True)
class ScopeRules:
    """The validated contents of ``scope.toml``."""

    verdicts: dict[str, tuple[str, str]]  # verdict -> (label, description)
    dates: tuple[re.Pattern[str], ...]
    months: tuple[str, ...]
    date_table: CueTable  # label: the number of the date pattern


@cache
def scope_rules(name_or_path: str | Path = SCOPE_SCHEMA.file) -> ScopeRules:
    """Load and validate the scope rules (by default ``xivn/event/data/scope.toml``): exactly the
    verdicts of :data:`VERDICTS`, twelve months, date patterns with ``day`` and ``month`` groups."""
    raw = load_data_file(name_or_path, SCOPE_SCHEMA)
    where = Path(name_or_path).name
    if set(raw["verdicts"]) != set(VERDICTS):
        raise data_error(where, "verdicts", f"expected exactly the verdicts {', '.join(VERDICTS)}")
    if len(raw["months"]) != 12:
        raise data_error(where, "months", f"expected 12 months, got {len(raw['months'])}")
    dates = compile_patterns(raw["dates"], where=f"{where} [dates]", flags=0)
    for n, pattern in enumerate(dates, start=1):
        if not {"day", "month"} <= set(pattern.groupindex):
            raise data_error(where, f"dates.{n}", "a date pattern needs the named groups day and month")
    return ScopeRules(
        verdicts={v: (raw["verdicts"][v]["label"], raw["verdicts"][v]["description"]) for v in VERDICTS},
        dates=tuple(dates),
        months=tuple(month.lower() for month in raw["months"]),
        date_table=CueTable({str(n): [pattern] for n, pattern in enumerate(dates)}),
    )


def verdicts(rules: ScopeRules | None = None) -> pd.DataFrame:
    """The verdicts a scope table uses: ``verdict``, ``label``, ``description``."""
    rules = rules or scope_rules()
    return pd.DataFrame([(v, *rules.verdicts[v]) for v in VERDICTS], columns=["verdict", "label", "description"])


@lru_cache(maxsize=4)  # the scope table and its evidence read the same sentences of the same corpus
def sentence_countries(corpus: Corpus) -> pd.DataFrame:
    """Each read sentence with the countries it names (``kind`` country only, not groupings or the
    world): ``doc_id``, ``sent_id``, ``start``, ``end``, ``text``, ``countries`` (a sorted tuple).
    The table is shared between calls on one corpus: do not change it."""
    sentences = corpus.article_sentences()
    named = [
        tuple(sorted({m.country for m in country_mentions(row.text, offset=row.start) if m.kind == "country"}))
        for row in table_rows(sentences)
    ]
    table = sentences[["doc_id", "sent_id", "start", "end", "text"]].copy()
    table["countries"] = named
    return table


def country_pairs(corpus: Corpus) -> pd.DataFrame:
    """The country pairs each document covers: two countries named in one sentence of its article
    text. One row per document and pair: ``doc_id``, ``pair`` (:func:`pair_label`), ``n_sentences``,
    ``start``/``end``/``quote`` (the first such sentence); documents in corpus order, their pairs by
    most sentences, then by name."""
    return _pairs(sentence_countries(corpus))


def _pairs(sentences: pd.DataFrame) -> pd.DataFrame:
    rows = [
        (row.doc_id, pair_label(pair), row.start, row.end, row.text)
        for row in table_rows(sentences)
        for pair in combinations(row.countries, 2)
    ]
    if not rows:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    found = pd.DataFrame(rows, columns=["doc_id", "pair", "start", "end", "quote"])
    order = {doc_id: n for n, doc_id in enumerate(dict.fromkeys(sentences["doc_id"]))}
    grouped = found.groupby(["doc_id", "pair"], sort=False)
    table = grouped.first().assign(n_sentences=grouped.size()).reset_index()
    table = table.assign(_order=table["doc_id"].map(order))
    table = table.sort_values(["_order", "n_sentences", "pair"], ascending=[True, False, True], kind="stable")
    return table[PAIR_COLUMNS].reset_index(drop=True)


def scope_evidence(corpus: Corpus, profile: EventProfile, rules: ScopeRules | None = None) -> pd.DataFrame:
    """The evidence of the event in each document's article text, one row per piece.

    ``kind`` is ``pair`` (the first sentence naming the event's two countries; ``note`` says in how
    many), ``participant`` (``value``: the participant's name as the profile writes it),
    ``term`` (``value``: the words, lower-cased) or ``date`` (``value``: the date stated, ISO; a
    range is its first day). ``start``/``end`` are the words' offsets in the raw text (the whole
    sentence for a pair), ``quote`` the sentence, ``near`` whether it supports the event (a date:
    whether it falls within ``profile.near_days`` of the event's dates), ``note`` how far a date is
    from the event and whether its year was stated. Sorted by document (corpus order) and offset.
    """
    rules = rules or scope_rules()
    sentences = sentence_countries(corpus)
    return _evidence(sentences, _pairs(sentences), corpus.metadata("date"), profile, rules)


def scope_table(corpus: Corpus, profile: EventProfile, rules: ScopeRules | None = None) -> pd.DataFrame:
    """One row per document of ``corpus``: how closely it is about the event of ``profile``.

    Columns: ``doc_id``; ``document_date`` (its metadata date, "" when none); ``pairs`` (the country
    pairs it covers, most sentences first, with their counts); ``names_pair`` (the event's pair is
    one of them) and ``pair_sentences``; ``participants`` and ``terms`` (the participants and event
    terms named, joined with ", "); ``dates_near`` and ``dates_far`` (stated dates near and far from
    the event); ``verdict`` (one of :data:`VERDICTS`) and ``reason`` (the verdict in plain words,
    with its evidence). The evidence itself is :func:`scope_evidence`."""
    rules = rules or scope_rules()
    sentences = sentence_countries(corpus)
    pairs = _pairs(sentences)
    dated = corpus.metadata("date")
    evidence = _evidence(sentences, pairs, dated, profile, rules)
    unread = dict(zip(corpus.unread_documents["doc_id"], corpus.unread_documents["language"], strict=True))
    named: dict[str, set[str]] = {}
    for doc_id, countries in zip(sentences["doc_id"], sentences["countries"], strict=True):
        named.setdefault(doc_id, set()).update(countries)
    pairs_of, evidence_of = _by_document(pairs), _by_document(evidence)
    rows = [
        _document_row(
            doc_id,
            dated[doc_id],
            pairs_of.get(doc_id, []),
            evidence_of.get(doc_id, []),
            sorted(named.get(doc_id, ())),
            unread.get(doc_id),
            profile,
        )
        for doc_id in corpus.doc_ids
    ]
    return pd.DataFrame(rows, columns=SCOPE_COLUMNS)


def _by_document(table: pd.DataFrame) -> dict[str, list[tuple]]:
    """The rows of a table with a ``doc_id`` column as named tuples, per document, in table order."""
    grouped: dict[str, list[tuple]] = {}
    for row in table.itertuples(index=False):
        grouped.setdefault(row.doc_id, []).append(row)
    return grouped


# --- Evidence ------------------------------------------------------------------------------------


def _evidence(
    sentences: pd.DataFrame, pairs: pd.DataFrame, dated: dict[str, str], profile: EventProfile, rules: ScopeRules
) -> pd.DataFrame:
    tables = _cue_tables(profile)
    sent_ids = dict(zip(zip(sentences["doc_id"], sentences["start"], strict=True), sentences["sent_id"], strict=True))
    rows = [_pair_row(row, sent_ids) for row in table_rows(pairs[pairs["pair"] == profile.pair])]
    for row in table_rows(sentences):
        context = (row.doc_id, row.sent_id, row.text, row.start)
        rows += [_hit_row(context, "participant", hit, hit.label) for hit in _hits(row, tables[0])]
        rows += [_hit_row(context, "term", hit, _words(row, hit).lower()) for hit in _hits(row, tables[1])]
        year = _year_of(dated.get(row.doc_id, "")) or profile.start.year
        rows += _date_rows(context, rules, year, profile)
    table = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    order = {doc_id: n for n, doc_id in enumerate(dict.fromkeys(sentences["doc_id"]))}
    table = table.assign(_order=table["doc_id"].map(order)).sort_values(["_order", "start", "end"], kind="stable")
    return table[EVIDENCE_COLUMNS].reset_index(drop=True)


@cache
def _cue_tables(profile: EventProfile) -> tuple[CueTable, CueTable]:
    """The profile's participants (case-sensitive) and terms (case-insensitive) as cue tables."""
    where = f"{profile.id}.toml"
    participants = CueTable(
        {p.name: compile_patterns(p.patterns, where=f"{where} [participant]", flags=0) for p in profile.participants}
    )
    terms = CueTable({term: compile_patterns([term], where=f"{where} [terms]") for term in profile.terms})
    return participants, terms


def _hits(row: tuple, table: CueTable) -> list[Hit]:
    return leftmost_longest(find_hits(row.text, table, offset=row.start))


def _words(row: tuple, hit: Hit) -> str:
    return row.text[hit.start - row.start : hit.end - row.start]


def _pair_row(pair: tuple, sent_ids: dict[tuple[str, int], int]) -> tuple:
    note = f"named together in {counted(int(pair.n_sentences), 'sentence')}"
    sent_id = int(sent_ids[(pair.doc_id, pair.start)])
    return (pair.doc_id, sent_id, "pair", pair.pair, pair.start, pair.end, pair.quote, True, note)


def _hit_row(context: tuple, kind: str, hit: Hit, value: str) -> tuple:
    doc_id, sent_id, text, _ = context
    return (doc_id, sent_id, kind, value, hit.start, hit.end, text, True, "")


def _date_rows(context: tuple, rules: ScopeRules, year: int, profile: EventProfile) -> list[tuple]:
    """The dates a sentence states, each with whether it is near the event and how far it is."""
    doc_id, sent_id, text, offset = context
    rows = []
    for hit in leftmost_longest(find_hits(text, rules.date_table)):
        match = rules.dates[int(hit.label)].fullmatch(text, hit.start, hit.end)
        days = _stated_days(match, rules.months, year) if match else None
        if days is None:
            continue
        near, note = _nearness(days, profile)
        if not match["year"]:
            note += f"; year not stated, read as {year}"
        start, end = hit.start + offset, hit.end + offset
        rows.append((doc_id, sent_id, "date", days[0].isoformat(), start, end, text, near, note))
    return rows


def _stated_days(match: re.Match[str], months: tuple[str, ...], year: int) -> tuple[date, date] | None:
    """The first and last day a date match states; None when it is no calendar date (31 February)."""
    month = match["month"]
    number = int(month) if month.isdigit() else months.index(month[:3].lower()) + 1
    groups = match.groupdict()
    try:
        first = date(int(groups.get("year") or year), number, int(match["day"]))
        last = first.replace(day=int(groups["last"])) if groups.get("last") else first
    except ValueError:
        return None
    return (first, max(first, last))


def _nearness(days: tuple[date, date], profile: EventProfile) -> tuple[bool, str]:
    """Whether days overlap the event's window, and how far they are from the event's own dates."""
    low, high = profile.window
    near = days[0] <= high and days[1] >= low
    if days[1] < profile.start:
        return near, f"{counted((profile.start - days[1]).days, 'day')} before the {profile.kind}"
    if days[0] > profile.end:
        return near, f"{counted((days[0] - profile.end).days, 'day')} after the {profile.kind}"
    if days[0] < profile.start and days[1] > profile.end:
        return near, f"a period that includes the {profile.kind}"
    return near, f"during the {profile.kind}"


def _year_of(value: str) -> int | None:
    return int(value[:4]) if re.match(r"\d{4}(?:-|$)", value) else None


def document_days(value: str) -> tuple[date, date] | None:
    """The days a metadata date covers: a day (``YYYY-MM-DD``), a month (``YYYY-MM``) or a year."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(value)
            return (day, day)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            first = date.fromisoformat(value + "-01")
            return (first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1))
        if re.fullmatch(r"\d{4}", value):
            return (date(int(value), 1, 1), date(int(value), 12, 31))
    except ValueError:
        return None
    return None


# --- Verdicts ------------------------------------------------------------------------------------


def _document_row(
    doc_id: str,
    document_date: str,
    pairs: list[tuple],
    evidence: list[tuple],
    named: list[str],
    language: str | None,
    profile: EventProfile,
) -> dict[str, object]:
    """One row of the scope table, from the document's pair rows and evidence rows (named tuples
    of :func:`country_pairs` and :func:`scope_evidence`, in their order)."""
    own = [p for p in pairs if p.pair == profile.pair]
    dates = [e for e in evidence if e.kind == "date"]
    row: dict[str, object] = {
        "doc_id": doc_id,
        "document_date": document_date,
        "pairs": ", ".join(f"{p.pair} ({p.n_sentences:,})" for p in pairs),
        "names_pair": bool(own),
        "pair_sentences": sum(int(p.n_sentences) for p in own),
        "participants": ", ".join(dict.fromkeys(e.value for e in evidence if e.kind == "participant")),
        "terms": ", ".join(dict.fromkeys(e.value for e in evidence if e.kind == "term")),
        "dates_near": sum(1 for e in dates if e.near),
        "dates_far": sum(1 for e in dates if not e.near),
    }
    row["verdict"], row["reason"] = _verdict(row, [p.pair for p in pairs], dates, named, language, profile)
    return row


def _verdict(
    row: dict[str, object],
    pairs: list[str],
    dates: list[tuple],
    named: list[str],
    language: str | None,
    profile: EventProfile,
) -> tuple[str, str]:
    """The verdict of one document and its reason, decided in the order of :data:`VERDICTS`."""
    if language is not None:
        return "not_read", f"not read: its language is {language or 'unknown'}"
    if not row["names_pair"]:
        if not pairs:
            only = f" (it names only {name_list(named)})" if named else " (it names no country)"
            return "no_pair", f"never names two countries in one sentence{only}"
        shown = name_list(pairs[:PAIRS_SHOWN], limit=PAIRS_SHOWN)
        more = f" and {len(pairs) - PAIRS_SHOWN:,} more" if len(pairs) > PAIRS_SHOWN else ""
        return "other_pair", f"names other countries together ({shown}{more}), never {_together(profile)}"
    together = f"names {_together(profile)} together ({counted(int(row['pair_sentences']), 'sentence')})"
    found = [text for text in (str(row["participants"]), _terms_named(str(row["terms"]))) if text]
    dating, status = _dating(str(row["document_date"]), dates, profile)
    if not found:
        return "pair_only", f"{together}, but no participant or term of the {profile.kind}; {dating}"
    has = f"{together}, {' and '.join(found)}"
    if status == "far":
        return "pair_only", f"{has}, but {dating}"
    if status == "none" and len(found) < 2:
        lacking = "term of the " + profile.kind if row["participants"] else "participant"
        return "pair_only", f"{has}, but {dating} and names no {lacking}"
    return "in_scope", f"{has}; {dating}"


def _terms_named(terms: str) -> str:
    """The event terms a document names, quoted: 'the term "state visit"', "" for none."""
    quoted = [f'"{term}"' for term in terms.split(", ") if term]
    return f"the {'term' if len(quoted) == 1 else 'terms'} {name_list(quoted)}" if quoted else ""


def _together(profile: EventProfile) -> str:
    return f"{profile.visitor} and {profile.host}"


def _dating(document_date: str, dates: list[tuple], profile: EventProfile) -> tuple[str, str]:
    """How a document is dated relative to the event, in words, and as ``near``, ``far`` or ``none``."""
    days = document_days(document_date)
    near, note = _nearness(days, profile) if days is not None else (False, "")
    if near:
        return f"dated {document_date}, {note}", "near"
    stated_near = [e for e in dates if e.near]
    if stated_near:
        return f"states {stated_near[0].value} ({stated_near[0].note})", "near"
    if days is not None:
        return f"dated {document_date}, {note}", "far"
    if dates:
        first = dates[0]
        return f"states no date near the {profile.kind} (the first: {first.value}, {first.note})", "far"
    return "states no date", "none"
