"""Rare earths in the coverage: where they are mentioned, which claims each text makes, and whether
the checkable claims hold against the USGS Mineral Commodity Summaries.

Claims and their cues are data (``xivn/rare_earths/data/rare_earth_claims.toml``, read by :func:`load_claims`).
A claim fires on an article sentence when every cue group in its ``sentence`` list matches the
sentence and every group in its ``context`` list matches the sentence or one of the article
sentences just before it (the file's ``context_sentences``, in the same section: a heading starts
a new one), and the ``topic`` group is also found in the article's headline ("Vietnam wants
partners for its rare earths" makes "We have the world's second-largest reserves" further down
about them); cue hits that an exclusion vetoes (:mod:`xivn.cues.exclusions`: "mineral water", the
surname Rees) do not count. Page chrome is never read. What a sentence does not assert is no
claim: a yes/no question ("Will Vietnam ban exports of its ore?"; a wh-question, "Why does China
dominate refining?", takes its claim as given), and a claim whose cue group is found only inside
a clause opened by a ``hypothetical`` cue ("If Hanoi builds refineries, ...", "Should Beijing curb
exports, ...", "China could restrict exports"), up to the next comma or the sentence's end.

Each claim row says which country it is about and the number it states, read from the text:

- the **number**: every tonnage or share in the sentence (:mod:`xivn.rare_earths.quantities`; both
  bounds of a range: "60-70%") goes to the claim, among those the sentence makes that take its unit,
  whose cue words are nearest to it ("holds 22 million tonnes of reserves but mined 4,300 tonnes"
  gives the reserves claim the first and the production claim the second), but not to a claim
  limited to some countries when the country named last before it is another ("Vietnam makes 1% of
  magnets, China 92%"); a claim that ``needs_number`` fires only with one. A quantity that an
  exclusion labelled ``quantity`` vetoes (tonnes of coal, rice or CO2) is not read.
- the **country**, among the countries the sentence names (the shared gazetteer of
  :mod:`xivn.cues.countries`, and the file's ``[countries]``: leaders and offices such as "Xi"
  or "the White House"), in this order: one inside the claim's anchor cue (its ``anchor`` group,
  else its first: "the largest ..., followed by Vietnam"); the one a "respectively" pairs with
  the number; the one nearest before the number or the first cue (but the sentence's first when a
  word referring back stands between them: "Vietnam ... after China, but it lacks ..."); the first
  of the sentence before, when the sentence refers back before the cue (cue group ``refers_back``:
  "It holds ...", "The Southeast Asian country has ...") or names no country; else the nearest
  after the cue ("70% of supply comes from China"). A claim may be limited to the countries it
  can be about (``about``: China for "China dominates supply"), and is not made when its cue is
  said of another ("Myanmar is a major source for Chinese refiners"). A country right after a
  word of the ``compared`` group is the yardstick, not whom the claim is about ("the world's
  second largest after China"). A sentence that gives no country (it refers back, "the
  country's reserves", or is a factbox line, "Output: 4,300 tonnes") takes the country the
  document names most (``country_from = document``). "The two sides" and "both countries" refer back too, so a
  claim limited to the US takes it from the sentence before ("Biden arrived in Hanoi. The two
  sides signed a memorandum on rare earths."); such a claim whose country the text does not
  give is not made. A claim without a number said of a list ending in "and", "or" or "nor"
  ("Neither Vietnam nor the United States has the technology") is said of each country in it, one
  row each. A claim about no country
  (``subject = false``: no deal was signed) has none. Where the text names no country, the
  country is empty and ``country_from`` says ``unresolved``: it is never filled in from what the
  corpus is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import pandas as pd

from xivn.corpus.corpus import Corpus, rows_by_document, table_rows
from xivn.cues.countries import countries as gazetteer
from xivn.cues.datafiles import (
    FLAG,
    INTEGER,
    REGEX,
    STRINGS,
    TEXT,
    Entries,
    ListOf,
    OneOf,
    Schema,
    Table,
    compile_patterns,
    data_error,
    load_data_file,
)
from xivn.cues.engine import CueTable, find_hits, leftmost_longest
from xivn.cues.exclusions import EXCLUSIONS_FILE, Exclusions, load_exclusions
from xivn.cues.reference import load_reference
from xivn.errors import DataFileError, ParameterError
from xivn.paths import data_path
from xivn.rare_earths.quantities import UNITS
from xivn.rare_earths.reading import HEADINGS, UNRESOLVED, Reading, asserts_nothing, document_country

CLAIMS_FILE = "rare_earth_claims.toml"
USGS_FILE = "rare_earths_usgs.csv"
TOPIC = "topic"

CONCORDANCE = ("doc_id", "sent_id", "start", "end", "quote", "left", "right")
CLAIMS = (
    "doc_id",
    "sent_id",
    "claim_id",
    "start",
    "end",
    "quote",
    "context_sent_id",
    "cues",
    "country",
    "country_quote",
    "country_start",
    "country_end",
    "country_from",
    "value",
    "unit",
    "number_quote",
    "number_start",
    "number_end",
)
NOT_COUNTRIES = ("World total", "Other countries", "Other")


@dataclass(frozen=True)
class Claim:
    """One canonical claim: its id, a short label, the cue groups it needs and its fact-check;
    whether it is about a country (``subject``) and which it can be about (``about``, empty: any),
    the units of the numbers it takes and whether it needs one; the cue group its country is looked
    for from, when not its first sentence group (``anchor_group``: "the US" for US interest)."""

    claim_id: str
    label: str
    sentence: tuple[str, ...]
    context: tuple[str, ...]
    check: str
    subject: bool = True
    about: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    needs_number: bool = False
    anchor_group: str = ""

    @property
    def anchor(self) -> str:
        """The cue group the claim's country is looked for from: ``anchor_group``, else its first
        sentence group."""
        return self.anchor_group or self.sentence[0]


@dataclass(frozen=True)
class ClaimSet:
    """The claims file: named cue groups (compiled), the claims in file order, and the exclusions
    that veto cue hits (:mod:`xivn.cues.exclusions`)."""

    cues: dict[str, list[re.Pattern[str]]]
    claims: dict[str, Claim]
    source: str
    exclusions: Exclusions
    countries: dict[str, list[re.Pattern[str]]]
    context_sentences: int = 1

    @cached_property
    def cue_table(self) -> CueTable:
        """All cue groups as one :class:`~xivn.cues.engine.CueTable` (label: the group's name),
        with the exclusions."""
        return CueTable(self.cues, exclusions=self.exclusions)

    @cached_property
    def country_table(self) -> CueTable:
        """The file's own words for countries (leaders, offices; label: the country's name), with
        the exclusions."""
        return CueTable(self.countries, exclusions=self.exclusions)

    def labels(self) -> dict[str, str]:
        """Label per claim id, in file order."""
        return {claim_id: claim.label for claim_id, claim in self.claims.items()}

    def table(self) -> pd.DataFrame:
        """The claims as a table: ``claim_id``, ``label``, ``sentence`` and ``context`` (cue-group
        names joined by " + "), ``check`` (fact-check name or "")."""
        rows = [
            (c.claim_id, c.label, " + ".join(c.sentence), " + ".join(c.context), c.check) for c in self.claims.values()
        ]
        return pd.DataFrame(rows, columns=["claim_id", "label", "sentence", "context", "check"])


CLAIMS_SCHEMA = Schema(
    CLAIMS_FILE,
    Table(
        required={
            "cues": Entries(ListOf(REGEX, nonempty=True), nonempty=True),
            "claims": Entries(
                Table(
                    required={"label": TEXT, "sentence": ListOf(TEXT, nonempty=True)},
                    optional={
                        "context": STRINGS,
                        "check": TEXT,
                        "subject": FLAG,
                        "about": STRINGS,
                        "units": ListOf(OneOf(UNITS)),
                        "needs_number": FLAG,
                        "anchor": TEXT,
                    },
                ),
                nonempty=True,
            ),
        },
        optional={
            "context_sentences": INTEGER,
            "exclusions": ListOf(TEXT, nonempty=True),
            "countries": Entries(ListOf(REGEX, nonempty=True)),
        },
    ),
)
"""The claims file: named cue groups (``topic`` among them), the claims that combine them, the
country mentions that say whom a claim is about, and optionally the exclusions files whose
wordings veto cue hits (default: the shipped one)."""


def load_claims(name_or_path: str | Path = CLAIMS_FILE) -> ClaimSet:
    """Read and validate a claims file (a bare name means the copy in ``xivn/rare_earths/data``).

    Raises :class:`~xivn.errors.DataFileError` naming the bad entry: a cue group that is not a list
    of valid regular expressions, a claim without a label or without cue groups, a claim naming an
    unknown cue group, or a file without the ``topic`` group.
    """
    data = load_data_file(name_or_path, CLAIMS_SCHEMA)
    where = Path(name_or_path).name
    if TOPIC not in data["cues"]:
        raise data_error(where, "cues", f"needs a {TOPIC!r} group (the concordance's search terms)")
    cues = {name: compile_patterns(patterns, where=f"{where} [cues.{name}]") for name, patterns in data["cues"].items()}
    claims = {}
    for claim_id, entry in data["claims"].items():
        groups = {key: entry.get(key, []) for key in ("sentence", "context")}
        for key, names in groups.items():
            unknown = [n for n in names if n not in cues]
            if unknown:
                problem = f"unknown cue group {unknown[0]!r} (known: {', '.join(cues)})"
                raise data_error(where, f"claims.{claim_id}.{key}", problem)
        anchor = entry.get("anchor", "")
        if anchor and anchor not in groups["sentence"] + groups["context"]:
            problem = f"{anchor!r} is not one of its sentence or context groups"
            raise data_error(where, f"claims.{claim_id}.anchor", problem)
        known = {*gazetteer().kinds, *data.get("countries", {})}
        unknown = [name for name in entry.get("about", []) if name not in known]
        if unknown:
            problem = f"unknown country {unknown[0]!r} (not in countries.toml or [countries])"
            raise data_error(where, f"claims.{claim_id}.about", problem)
        if entry.get("needs_number") and not entry.get("units"):
            raise data_error(
                where, f"claims.{claim_id}.needs_number", "a claim that needs a number must name its units"
            )
        claims[claim_id] = Claim(
            claim_id,
            entry["label"],
            tuple(groups["sentence"]),
            tuple(groups["context"]),
            entry.get("check", ""),
            subject=entry.get("subject", True),
            about=tuple(entry.get("about", ())),
            units=tuple(entry.get("units", ())),
            needs_number=entry.get("needs_number", False),
            anchor_group=anchor,
        )
    exclusions = load_exclusions(*data.get("exclusions", [EXCLUSIONS_FILE]))
    countries = {
        name: compile_patterns(patterns, where=f"{where} [countries.{name}]")
        for name, patterns in data.get("countries", {}).items()
    }
    window = data.get("context_sentences", 1)
    if window < 0:
        raise data_error(where, "context_sentences", f"expected 0 or more sentences, got {window}")
    return ClaimSet(cues, claims, where, exclusions, countries, window)


def _claim_set(claims: ClaimSet | str | Path | None) -> ClaimSet:
    return claims if isinstance(claims, ClaimSet) else load_claims(claims or CLAIMS_FILE)


def concordance(
    corpus: Corpus,
    terms: Iterable[str] | None = None,
    *,
    claims: ClaimSet | str | Path | None = None,
    width: int = 50,
) -> pd.DataFrame:
    """Keyword in context: every mention of a search term in article sentences (chrome excluded).

    ``terms`` are regular expressions matched case-insensitively; ``None`` or empty means the
    ``topic`` cues of the claims file. Overlapping hits keep the leftmost, longest one ("critical
    minerals" rather than "minerals"). Columns: ``doc_id``, ``sent_id``, ``start``/``end`` (offsets
    of the hit in the raw text), ``quote`` (the hit as written), ``left``/``right`` (up to ``width``
    characters of the hit's paragraph either side, line breaks shown as spaces). Hits that an
    exclusion of the claims file vetoes ("mineral water", the surname Rees) are left out. Sorted by
    document and position; the terms, width and exclusions files are in ``attrs``.
    """
    terms = [t for t in (terms or []) if t]
    book = _claim_set(claims)
    try:
        patterns = compile_patterns(terms, where="search terms") if terms else book.cues[TOPIC]
    except DataFileError as exc:
        raise ParameterError(str(exc)) from None
    paragraphs = corpus.article_paragraphs().set_index(["doc_id", "par_id"])
    rows, topic = [], CueTable({TOPIC: patterns}, exclusions=book.exclusions)
    for sent in table_rows(corpus.article_sentences()):
        raw = corpus.text(sent.doc_id)
        for hit in leftmost_longest(find_hits(sent.text, topic, offset=sent.start)):
            par = paragraphs.loc[(sent.doc_id, sent.par_id)]  # looked up only for a hit
            start, end = hit.start, hit.end
            left = raw[max(par["start"], start - width) : start]
            right = raw[end : min(par["end"], end + width)]
            rows.append((sent.doc_id, sent.sent_id, start, end, raw[start:end], _flat(left), _flat(right)))
    table = pd.DataFrame(rows, columns=list(CONCORDANCE)).astype({"sent_id": "int64", "start": "int64", "end": "int64"})
    table.attrs.update(terms=[p.pattern for p in patterns], width=width, exclusions=list(book.exclusions.sources))
    return table


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def rare_earth_claims(corpus: Corpus, claims: ClaimSet | str | Path | None = None) -> pd.DataFrame:
    """The claims each article sentence makes: one row per (sentence, claim, number stated).

    Columns: ``doc_id``, ``sent_id``, ``claim_id``, ``start``/``end``/``quote`` (the sentence),
    ``context_sent_id`` (the earliest sentence before, among the file's ``context_sentences`` and
    the headline, that a context cue was found in only, else missing), ``cues`` (the words that matched each
    cue group, ``group=words``; a ``^`` marks words from a sentence before); ``country`` (whom the
    claim is about, "" when it is about no country or the text does not say),
    ``country_quote``/``country_start``/``country_end`` (the mention it was read from, raw
    offsets), ``country_from`` (``sentence``; ``previous sentence`` for the country a sentence
    before is about, which may have come to it from further back; ``document`` for a sentence
    that gives no country ("the country's reserves", a factbox line), given the country the
    document names most; ``unresolved``; or "" for a claim about no country); ``value`` and ``unit`` (the number the
    claim states, in tonnes ``t`` or percent ``%``; missing when it states none),
    ``number_quote``/``number_start``/``number_end`` (the number as written). A sentence stating
    two numbers for a claim ("70% of mining and 90% of processing") gives two rows. Sorted by
    document, sentence, claim-file order and number; the claims file's name is in
    ``attrs["claims_file"]``.
    """
    book = _claim_set(claims)
    rows = []
    for doc_id, sentences in rows_by_document(corpus.article_sentences()):
        earlier: tuple[Reading, ...] = ()  # the sentences before, nearest first
        readings, pointing = [], []  # pointing: rows of claims about a country the sentence does not name
        headline: tuple[Reading, ...] = ()  # the headline's topic words, context for the whole article
        for sent in sentences:
            if sent.kind in HEADINGS or (earlier and earlier[0].kind in HEADINGS):
                earlier = ()  # a heading starts a section: it neither takes nor gives context
            previous = earlier[0] if earlier else None
            reading = Reading.of(sent.text, sent.start, sent.sent_id, book, sent.kind, previous)
            before = (*earlier, *headline)
            for claim, numbers in [] if asserts_nothing(sent.text) else reading.claims(book, before):
                head = (doc_id, sent.sent_id, claim.claim_id, sent.start, sent.end, sent.text)
                for number in numbers or [None]:
                    context = reading.context(claim, before)
                    country = reading.country(claim, number, previous)
                    if country[-1] == UNRESOLVED and claim.about:
                        continue  # "The two sides agreed ..." after Japan and Vietnam: not the US's
                    if country[-1] == UNRESOLVED:
                        pointing.append((len(rows), claim))
                    for each in reading.coordinated(claim, number, country):
                        rows.append((*head, *context, *each, *reading.number_columns(number)))
            readings.append(reading)
            earlier = (reading, *earlier)[: book.context_sentences]  # context for the sentences after
            if sent.kind == "headline" and not headline and reading.hits[TOPIC]:
                headline = (
                    replace(reading, hits={name: hits if name == TOPIC else [] for name, hits in reading.hits.items()}),
                )
        for index, claim in pointing:  # "the country's reserves", a factbox line: the country the document names most
            found = document_country(readings, claim)
            if found is not None:
                row = rows[index]
                rows[index] = (*row[:8], *found, *row[13:])
    table = pd.DataFrame(rows, columns=list(CLAIMS))
    integers = {"sent_id": "int64", "start": "int64", "end": "int64", "context_sent_id": "Int64"}
    offsets = {c: "Int64" for c in ("country_start", "country_end", "number_start", "number_end")}
    table = table.astype({**integers, **offsets, "value": "float64"})
    table.attrs["claims_file"] = book.source
    return table


def _sentences(found: pd.DataFrame) -> pd.DataFrame:
    """One row per (document, sentence, claim): the rows of a sentence stating several numbers
    for a claim counted once."""
    return found.drop_duplicates(["doc_id", "sent_id", "claim_id"])


def claim_matrix(found: pd.DataFrame, corpus: Corpus, claims: ClaimSet | str | Path | None = None) -> pd.DataFrame:
    """Source x claim: number of sentences making each claim (rows, claim-file order; ``claim``
    is the label) in each document (columns: document labels, corpus order)."""
    book = _claim_set(claims)
    labels = corpus.labels()
    found = _sentences(found)
    counts = pd.crosstab(found["claim_id"], found["doc_id"]) if not found.empty else pd.DataFrame()
    counts = counts.reindex(index=list(book.claims), columns=corpus.doc_ids, fill_value=0).astype("int64")
    counts.columns = [labels[d] for d in corpus.doc_ids]
    counts.index = pd.Index([book.claims[c].label for c in counts.index], name="claim")
    return counts


def claim_quotes(found: pd.DataFrame, corpus: Corpus, claims: ClaimSet | str | Path | None = None) -> pd.DataFrame:
    """The first sentence with which each document makes each claim.

    Columns: ``claim_id``, ``claim`` (label), ``doc_id``, ``label`` (document), ``n_sentences``,
    ``sent_id``, ``start``, ``end``, ``quote``. Sorted by claim-file order, then corpus order.
    """
    book = _claim_set(claims)
    columns = ["claim_id", "claim", "doc_id", "label", "n_sentences", "sent_id", "start", "end", "quote"]
    if found.empty:
        return pd.DataFrame(columns=columns)
    first = _sentences(found).sort_values(["doc_id", "sent_id"]).groupby(["claim_id", "doc_id"], sort=False)
    table = first.head(1).merge(first.size().rename("n_sentences").reset_index(), on=["claim_id", "doc_id"])
    table["claim"] = table["claim_id"].map(book.labels())
    table["label"] = table["doc_id"].map(corpus.labels())
    order = {c: i for i, c in enumerate(book.claims)}
    position = {d: i for i, d in enumerate(corpus.doc_ids)}
    table = table.sort_values(["claim_id", "doc_id"], key=lambda s: s.map(order if s.name == "claim_id" else position))
    return table[columns].reset_index(drop=True)


def omissions(found: pd.DataFrame, corpus: Corpus, claims: ClaimSet | str | Path | None = None) -> pd.DataFrame:
    """What each text says and leaves out, among the claims some text in the corpus makes.

    Columns: ``doc_id``, ``label``, ``n_claims`` (claims it makes), ``makes`` and ``leaves_out``
    (claim labels joined by "; ", claim-file order). Corpus order.
    """
    book = _claim_set(claims)
    made_anywhere = [c for c in book.claims if c in set(found["claim_id"])]
    made_by, labels = found.groupby("doc_id")["claim_id"].agg(set).to_dict(), corpus.labels()
    rows = []
    for doc_id in corpus.doc_ids:
        made = made_by.get(doc_id, set())
        makes = [book.claims[c].label for c in made_anywhere if c in made]
        leaves = [book.claims[c].label for c in made_anywhere if c not in made]
        rows.append((doc_id, labels[doc_id], len(makes), "; ".join(makes), "; ".join(leaves)))
    return pd.DataFrame(rows, columns=["doc_id", "label", "n_claims", "makes", "leaves_out"])


# --- fact-check against the USGS Mineral Commodity Summaries -------------------------------------

_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}


def load_usgs(name_or_path: str | Path = USGS_FILE) -> pd.DataFrame:
    """USGS figures by edition (a bare name means the copy in ``xivn/rare_earths/data``).

    Columns of the file: ``edition`` (e.g. "MCS 2023 (Jan 2023)"), ``country``, ``metric``
    (``reserves`` or ``mine_production``), ``year`` (data year), ``value_t`` (tonnes of rare-earth
    oxide; empty when not published), ``source_title``, ``source_url``, ``note``; added:
    ``published`` ("YYYY-MM", from the edition). Rows without a value are dropped, and where several
    sources give the same figure the first row is kept. An empty name (an event profile without a
    USGS table) gives a table without rows.
    """
    if not str(name_or_path):
        columns = ["edition", "country", "metric", "year", "value_t", "published"]
        return pd.DataFrame(columns=columns).astype({"year": "int64", "value_t": "float64", "published": str})
    path = data_path(name_or_path)
    needed = ("edition", "country", "metric", "year", "value_t")
    table = load_reference(path, needed, dtype={"edition": str, "country": str, "metric": str})
    table["published"] = [_published(edition, path.name) for edition in table["edition"]]
    table = table.dropna(subset=["value_t"]).drop_duplicates(["edition", "country", "metric", "year"])
    return table.astype({"year": "int64", "value_t": "float64"}).reset_index(drop=True)


def _published(edition: str, where: str) -> str:
    match = re.search(r"\((\w{3})\w*\s+(\d{4})\)", edition)
    if not match or match.group(1).title() not in _MONTHS:
        raise DataFileError(f"{where}: edition {edition!r} does not end with its month, e.g. '(Jan 2023)'")
    return f"{match.group(2)}-{_MONTHS[match.group(1).title()]:02d}"


def reserve_ranks(usgs: pd.DataFrame) -> pd.DataFrame:
    """Countries ranked by reserves within each edition (ties share the better rank).

    Columns: ``edition``, ``published``, ``year``, ``country``, ``reserves_t``, ``rank``, ``listed``
    (countries with a figure in that edition). Sorted by publication, then rank.
    """
    rows = usgs[(usgs["metric"] == "reserves") & ~usgs["country"].isin(NOT_COUNTRIES)]
    table = rows[["edition", "published", "year", "country", "value_t"]].rename(columns={"value_t": "reserves_t"})
    grouped = table.groupby("edition")["reserves_t"]
    rank = grouped.rank(method="min", ascending=False).astype("int64")
    table = table.assign(rank=rank, listed=grouped.transform("size"))
    return table.sort_values(["published", "rank", "country"], ignore_index=True)


def production_shares(usgs: pd.DataFrame) -> pd.DataFrame:
    """Each country's share of world mine production, per edition and data year (where the edition
    gives a world total). Columns: ``edition``, ``published``, ``year``, ``country``,
    ``production_t``, ``world_t``, ``share``. Sorted by publication, year, then share (largest first).
    """
    columns = ["edition", "published", "year", "country", "production_t", "world_t", "share"]
    rows = usgs[usgs["metric"] == "mine_production"]
    world = rows[rows["country"] == "World total"].set_index(["edition", "year"])["value_t"]
    if world.empty:
        return pd.DataFrame(columns=columns)
    table = rows[~rows["country"].isin(NOT_COUNTRIES)].rename(columns={"value_t": "production_t"})
    table = table.join(world.rename("world_t"), on=["edition", "year"], how="inner")
    table["share"] = table["production_t"] / table["world_t"]
    return table[columns].sort_values(["published", "year", "share"], ascending=[True, True, False], ignore_index=True)


def reserves_vs_production(usgs: pd.DataFrame, country: str) -> pd.DataFrame:
    """A country's reserves against its mine production, edition by edition (the country is in
    ``attrs["country"]``).

    Columns: ``edition``, ``published``, ``reserves_t``, ``production_year`` (latest data year of
    the edition), ``production_t``, ``world_production_t`` (missing when the edition's world total
    is not in the reference data), ``production_share``, ``years_of_reserves`` (reserves / annual
    production at that rate). Sorted by publication.
    """
    mine = usgs[(usgs["country"] == country) & (usgs["metric"] == "mine_production")]
    latest = mine.sort_values("year").groupby("edition").tail(1).set_index("edition")
    reserves = usgs[(usgs["country"] == country) & (usgs["metric"] == "reserves")].set_index("edition")
    world = usgs[(usgs["country"] == "World total") & (usgs["metric"] == "mine_production")]
    world = world.set_index(["edition", "year"])["value_t"]
    rows = []
    for edition, published in usgs.drop_duplicates("edition")[["edition", "published"]].itertuples(index=False):
        if edition not in latest.index or edition not in reserves.index:
            continue
        year, production = int(latest.at[edition, "year"]), float(latest.at[edition, "value_t"])
        total = world.get((edition, year), float("nan"))
        reserve = float(reserves.at[edition, "value_t"])
        rows.append((edition, published, reserve, year, production, total, production / total, reserve / production))
    columns = ["edition", "published", "reserves_t", "production_year", "production_t", "world_production_t",
               "production_share", "years_of_reserves"]  # fmt: skip
    table = pd.DataFrame(rows, columns=columns).sort_values("published", ignore_index=True)
    table.attrs["country"] = country
    return table


MONTH = re.compile(r"\d{4}-\d{2}")
DATED_BY = {"date": "its date", "as_of": "the as_of parameter", "undated": "undated: not checked"}
"""How a document's claims are dated for the checks (:func:`check_months`)."""


def check_months(corpus: Corpus, as_of: str = "") -> pd.DataFrame:
    """The month each document's claims are checked as of: the month of its own date; for a
    document without one (or dated by year only), ``as_of`` when given, else none (not checked).

    Columns: ``doc_id``, ``label``, ``document_date`` (as the metadata gives it, "" when none),
    ``as_of`` ("YYYY-MM", "" when not checked), ``dated_by`` (a value of :data:`DATED_BY`). Corpus
    order. Raises :class:`~xivn.errors.ParameterError` when ``as_of`` is given and not a month."""
    if as_of and not MONTH.fullmatch(as_of):
        raise ParameterError(f"as_of must be a month 'YYYY-MM' or empty, got {as_of!r}")
    rows = []
    for doc_id, date in corpus.metadata("date").items():
        month = re.fullmatch(r"(\d{4}-\d{2})(?:-\d{2})?", date)
        dated_by = "date" if month else "as_of" if as_of else "undated"
        rows.append((doc_id, corpus.labels()[doc_id], date, month.group(1) if month else as_of, DATED_BY[dated_by]))
    return pd.DataFrame(rows, columns=["doc_id", "label", "document_date", "as_of", "dated_by"])


VERDICT_COLUMNS = ["check", "measure", "country", "as_of", "n_claims", "n_documents", "edition_then",
                   "finding_then", "edition_latest", "finding_latest", "verdict"]  # fmt: skip
"""Columns of :func:`verdicts`."""


def verdicts(
    usgs: pd.DataFrame, found: pd.DataFrame, months: pd.DataFrame, claims: ClaimSet | str | Path | None = None
) -> pd.DataFrame:
    """Verdicts on the checkable claims the corpus makes (``found``), each as of its document's month
    (``months``, :func:`check_months`) and as of the latest edition: one row per check, country the
    claim is about and month.

    ``second_largest_reserves``: the country's reserve rank in the edition current at the month (the
    latest published by then) and in the latest edition. ``china_dominates_supply``: the country's
    share of world mine production (dominant = at least half) for the last full year before the
    month, from the earliest edition that gives it, and for the latest year of the latest edition.

    Columns: ``check``, ``measure`` (what was compared), ``country``, ``as_of`` ("" for undated
    documents), ``n_claims`` (claim sentences), ``n_documents``, ``edition_then``, ``finding_then``,
    ``edition_latest``, ``finding_latest``, ``verdict`` ("true when written", "true when written,
    still true", "true when written, revised since", "false when written", "false when written, true
    since", "not checkable as of ...", "undated: not checked" or "no country named: not checked").
    Sorted by check, month (undated last) and country.
    """
    book = _claim_set(claims)
    check_of = {claim.claim_id: claim.check for claim in book.claims.values()}
    made = found.drop_duplicates(["doc_id", "sent_id", "claim_id", "country"])[["doc_id", "claim_id", "country"]]
    made = made.assign(check=made["claim_id"].map(check_of))
    made = made[made["check"].isin(list(CHECKS))]
    made = made.merge(months[["doc_id", "as_of"]], on="doc_id", how="left").fillna({"as_of": ""})
    order = {check: n for n, check in enumerate(CHECKS)}
    made = made.assign(_order=made["check"].map(order), _month=made["as_of"].replace("", "9999-99"))
    rows = []
    for (_, month, country, check), group in made.groupby(["_order", "_month", "country", "check"], sort=True):
        as_of = "" if month == "9999-99" else month
        measure, evaluate = CHECKS[check]
        counts = (len(group), int(group["doc_id"].nunique()))
        head = (check, measure.format(country=country or "the country"), country, as_of, *counts)
        if not as_of or not country:
            rows.append((*head, "", "", "", "", DATED_BY["undated"] if not as_of else "no country named: not checked"))
            continue
        then, latest = evaluate(usgs, as_of, country)
        rows.append((*head, *then[:2], *latest[:2], _verdict(then[2], latest[2], as_of)))
    return pd.DataFrame(rows, columns=VERDICT_COLUMNS).astype({"n_claims": "int64", "n_documents": "int64"})


Finding = tuple[str, str, bool | None]  # edition, finding in words, whether the claim holds


def _reserve_rank_then_latest(usgs: pd.DataFrame, as_of: str, country: str) -> tuple[Finding, Finding]:
    ranks = reserve_ranks(usgs)
    ranked = ranks[ranks["country"] == country]

    def finding(row: pd.Series | None) -> Finding:
        if row is None:
            return ("", "no edition in the reference data", None)
        edition = ranks[ranks["edition"] == row["edition"]]
        first = edition.iloc[0]
        words = (
            f"{country} {row['reserves_t'] / 1e6:g} Mt, rank {row['rank']} of {row['listed']} listed "
            f"(first: {first['country']} {first['reserves_t'] / 1e6:g} Mt)"
        )
        return (row["edition"], words, bool(row["rank"] == 2))

    known = ranked[ranked["published"] <= as_of]
    return finding(known.iloc[-1] if len(known) else None), finding(ranked.iloc[-1] if len(ranked) else None)


def _production_share(usgs: pd.DataFrame, as_of: str, country: str) -> tuple[Finding, Finding]:
    shares = production_shares(usgs)
    shares = shares[shares["country"] == country]

    def finding(row: pd.Series | None) -> Finding:
        if row is None:
            return ("", "no world total in the reference data", None)
        words = (
            f"{country} {row['share']:.0%} of world mine production in {row['year']} "
            f"({row['production_t']:,.0f} of {row['world_t']:,.0f} t)"
        )
        return (row["edition"], words, bool(row["share"] >= 0.5))

    before = shares[shares["year"] < int(as_of[:4])]
    then = before[before["year"] == before["year"].max()].sort_values("published") if len(before) else before
    latest = shares.sort_values(["published", "year"])
    return finding(then.iloc[0] if len(then) else None), finding(latest.iloc[-1] if len(latest) else None)


CHECKS = {
    "second_largest_reserves": ("{country}'s rank by reserves", _reserve_rank_then_latest),
    "china_dominates_supply": (
        "{country}'s share of mine production (refining is not in the data)",
        _production_share,
    ),
}
"""The fact-checks a claim can name (its ``check``): what is compared, and how."""


def _verdict(then: bool | None, latest: bool | None, as_of: str) -> str:
    if then is None:
        return f"not checkable as of {as_of}"
    if then:
        if latest is None:
            return "true when written"
        return "true when written, still true" if latest else "true when written, revised since"
    return "false when written, true since" if latest else "false when written"
