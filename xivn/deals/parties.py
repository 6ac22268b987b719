"""Who a deal is between: the sides a text names for a deal mention, and where it names them.

A side is a country of the shared gazetteer (:mod:`xivn.cues.countries`: names, adjectives,
capitals, institutions such as "China's Ministry of Commerce"), a leader who stands for one
("Xi", "Biden"), or a company that signs ("Boeing signed", "a deal ... from ATR"); a company whose
country the text states ("China's Longi", "Vietnam Airlines") is that country. The rules, in the
order they are tried, are in the header of ``data/deal_parties.toml``; nothing is ever assumed
about the event: a text that names no side gives no parties.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from xivn.cues.countries import country_mentions
from xivn.cues.datafiles import (
    PATTERNS,
    REGEX,
    STRINGS,
    TEXT,
    Entries,
    Schema,
    Table,
    compile_patterns,
    load_data_file,
)
from xivn.cues.engine import CueTable, find_hits
from xivn.deals.status import HEADING_KINDS, Sentence
from xivn.event.profile import EventProfile

PARTIES_FILE = "deal_parties.toml"
SEPARATOR = "-"
ONE_SIDE = "one side"
UNRESOLVED = ("", ONE_SIDE)
"""``parties_from`` values of mentions without two sides read from the text."""
WORD = r"(?:[A-Z]|[a-z]+[A-Z])[\w&’'.-]*"  # a capitalised word, or a camel-cased brand ("easyJet")
NAME = rf"(?-i:{WORD}(?:\s+{WORD}){{0,3}})"
DESCRIBED = re.compile(r"^(?:['’]s)?(?:\s+[a-z][\w-]*){0,3}\s+$")  # "Vietnam's budget carrier Vietjet"
IN_SENTENCE = r"(?:[^.;]|\.(?=\d))"  # a decimal point ("$7.8 billion") does not end the sentence
LISTED = re.compile(r"(?:^|,)\s*(?:the\s+)?([^,]+)")  # one name of a list of signatories
PART_OF_NAME = re.compile(r"[A-Z][\w-]*\s+(?:of|for|and)\s+$")

PARTIES_SCHEMA = Schema(
    PARTIES_FILE,
    Table(
        required={
            "labels": Entries(TEXT),
            "leaders": Entries(PATTERNS),
            "companies": Table(required={"verbs": REGEX, "linkers": REGEX, "not_names": STRINGS}),
        }
    ),
)
"""The party file: short labels, leaders standing for their country, the grammar of company signatories."""


@dataclass(frozen=True, eq=False)  # compared by identity: resolved sides are cached per loaded file
class PartyCues:
    """The validated contents of ``deal_parties.toml``."""

    source: str
    labels: dict[str, str]
    leaders: CueTable
    subject: re.Pattern[str]
    linked: re.Pattern[str]
    not_names: frozenset[str]


@dataclass(frozen=True)
class Parties:
    """The parties of one mention (``""`` when unresolved) and the step that found them."""

    parties: str
    source: str


def load_party_cues(path: str | Path = PARTIES_FILE) -> PartyCues:
    """Load and validate the party cues (the shipped ``deal_parties.toml`` or a user's file; an
    empty path means the shipped one)."""
    path = path or PARTIES_FILE
    raw = load_data_file(path, PARTIES_SCHEMA)
    companies = raw["companies"]
    where = Path(path).name
    leaders = {  # case-sensitive, as the gazetteer's names
        country: compile_patterns(patterns, where=f"{where} [leaders.{country}]", flags=0)
        for country, patterns in raw["leaders"].items()
    }
    return PartyCues(
        source=where,
        labels=dict(raw["labels"]),
        leaders=CueTable(leaders),
        subject=re.compile(  # one name, or a list ending in "and": "China, Laos and Thailand signed"
            rf"(?:(?P<a>{NAME}(?:,\s+(?:the\s+)?{NAME})*),?\s+and\s+(?:the\s+)?(?P<b>{NAME})|(?P<c>{NAME}))"
            rf"\s+{companies['verbs']}"
        ),
        linked=re.compile(rf"{companies['verbs']}{IN_SENTENCE}{{0,80}}?{companies['linkers']}(?P<a>{NAME})"),
        not_names=frozenset(companies["not_names"]),
    )


def as_party_cues(cues: PartyCues | str | Path | None) -> PartyCues:
    """Loaded party cues: the given ones, or the file at a path (``None`` or "": the shipped ones)."""
    return cues if isinstance(cues, PartyCues) else load_party_cues(cues or PARTIES_FILE)


def sides(text: str, cues: PartyCues) -> list[str]:
    """The sides ``text`` names, as labels, each once: first its signatories (the subject of a
    signing verb and the side after its with/from, in text order: "Vietnam Airlines had agreed a
    deal with Boeing", whoever else the sentence names), then the other sides in the order named."""
    return list(_sides(text, cues)[0])


def deal_sides(text: str, cues: PartyCues) -> list[str]:
    """The sides of a deal ``text`` names: all its signatories when it names two or more ("China,
    Laos and Thailand signed"), else the first two of :func:`sides` (fewer when it names fewer)."""
    named, n_signing = _sides(text, cues)
    return list(named[: max(2, n_signing)])


@lru_cache(maxsize=4096)  # a clause or sentence is asked once per mention in it and per mention after it
def _sides(text: str, cues: PartyCues) -> tuple[tuple[str, ...], int]:
    """The sides of :func:`sides` and how many of them are signatories (they come first)."""
    named = [(m.start, m.end, m.country) for m in country_mentions(text) if m.kind != "world"]
    named += [(h.start, h.end, h.label) for h in find_hits(text, cues.leaders)]
    named.sort()
    signing = _distinct(cues.labels.get(name, name) for name in _signatories(text, cues, named))
    others = (cues.labels.get(name, name) for _, _, name in named)
    return tuple(_distinct([*signing, *others])), len(signing)


def _signatories(text: str, cues: PartyCues, named: list[tuple[int, int, str]]) -> list[str]:
    """The sides that sign, in text order: the countries or leaders a signing name holds or follows
    ("India's Air Deccan", "Vietnam's budget carrier Vietjet", "U.S. President Joe Biden"), else
    the company itself ("Boeing", "ATR"); a name inside an institution's ("Ministry of
    Transport") is none."""
    found: list[tuple[int, str]] = []
    for pattern, groups in ((cues.subject, ("a", "b", "c")), (cues.linked, ("a",))):
        for match in pattern.finditer(text):
            if PART_OF_NAME.search(text[: match.start()]):
                continue  # "Ministry of Transport", "Ministry of Industry and Trade": one institution's name
            for group in groups:
                if match.group(group) is None:
                    continue
                for words, at in _listed(match.group(group), match.start(group)):
                    name = _trimmed(words, cues)
                    if not name:
                        continue
                    start = at + words.find(name)
                    end = start + len(name)
                    inside = [(s, side) for s, e, side in named if s < end and start < e]  # "the Philippines"
                    before = [(s, side) for s, e, side in named if e <= start and DESCRIBED.match(text[e:start])]
                    found += inside or before[-1:] or [(start, name)]
    return [side for _, side in sorted(found)]


def _listed(words: str, at: int) -> list[tuple[str, int]]:
    """The names of a comma-separated list of signatories ("China, the US") with their offsets."""
    return [(m.group(1), at + m.start(1)) for m in LISTED.finditer(words)]


def _trimmed(name: str, cues: PartyCues) -> str:
    """The name without leading words that are never a company ("The", "President") and without
    the full stop or quote that ends its sentence."""
    words = name.rstrip(".’'").split()
    while words and words[0].strip("’'") in cues.not_names:
        words.pop(0)
    return " ".join(words)


def _distinct(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def joined(names: Iterable[str]) -> str:
    """The parties label of some sides: sorted and joined with "-" ("China-Vietnam")."""
    return SEPARATOR.join(sorted(names))


def event_parties(profile: EventProfile, cues: PartyCues | str | Path | None = None) -> str:
    """The event's two countries as a mention's ``parties`` labels them: each country by its short
    label in ``deal_parties.toml`` ("United States" is "US"), sorted and joined ("US-Vietnam")."""
    labels = as_party_cues(cues).labels
    return joined(labels.get(country, country) for country in profile.parties)


class PartyReader:
    """Reads the parties of mentions with one set of party cues, document by document."""

    def __init__(self, cues: PartyCues) -> None:
        self.cues = cues

    def of_sentence(self, sentence: Sentence) -> list[str]:
        """The sides ``sentence`` names (:func:`sides`)."""
        return sides(sentence.text, self.cues)

    def document(self, sentences: Sequence[Sentence]) -> DocumentParties:
        """The reader for the mentions of one document (its sentences, in order)."""
        return DocumentParties(self, sentences)


class DocumentParties:
    """The parties of the mentions of one document: the rules of ``deal_parties.toml`` in order."""

    def __init__(self, reader: PartyReader, sentences: Sequence[Sentence]) -> None:
        self.reader = reader
        self.sentences = sentences

    @cached_property  # read only when a mention needs it: most documents never ask
    def _named(self) -> list[tuple[int, list[str]]]:
        return [(s.sent_id, self.reader.of_sentence(s)) for s in self.sentences]

    def _preceding(self, sentence: Sentence) -> list[list[str]]:
        """The sides of the document's sentences up to ``sentence`` (its preceding text and itself)."""
        return [named for sent_id, named in self._named if sent_id <= sentence.sent_id]

    def parties(self, sentence: Sentence, start: int) -> Parties:
        """The parties of the mention at ``start`` of ``sentence``."""
        low, high = sentence.clause_of(start)
        clause_text = sentence.text[low - sentence.start : high - sentence.start]
        clause = deal_sides(clause_text, self.reader.cues)
        if len(clause) >= 2:
            return Parties(joined(clause), "clause")
        named = deal_sides(sentence.text, self.reader.cues)
        if len(named) >= 2:
            return Parties(joined(named), "sentence")
        known = clause[:1]
        if sentence.lead_in is not None:
            found = _pair(known, self.reader.of_sentence(sentence.lead_in))
            if found:
                return Parties(joined(found), "lead-in")
        for step, earlier in _earlier(sentence):
            found = _pair(known, self.reader.of_sentence(earlier))
            if found:
                return Parties(joined(found), step)
        found = self._document_pair(known, sentence)
        if found:
            return Parties(joined(found), "document")
        return Parties(known[0], ONE_SIDE) if known else Parties("", "")

    def _document_pair(self, known: list[str], sentence: Sentence) -> list[str] | None:
        """The pair the document's text up to ``sentence`` names together most often (holding the
        ``known`` side, if any; ties: the pair named first); else the known side with the side that
        text names most."""
        preceding = self._preceding(sentence)
        pairs = Counter(tuple(sorted(named[:2])) for named in preceding if len(named) >= 2)
        held = [pair for pair, _ in pairs.most_common() if not known or known[0] in pair]
        if held:
            return list(held[0])
        counts = Counter(name for named in preceding for name in named)
        others = [name for name, _ in counts.most_common() if known and name != known[0]]
        return [known[0], others[0]] if others else None


def _earlier(sentence: Sentence) -> Iterable[tuple[str, Sentence]]:
    """The earlier sentences of the mention's paragraph (nearest first), then the headings above
    it (nearest first), each with the step it stands for."""
    for distance, earlier in enumerate(reversed(sentence.earlier)):
        yield ("previous sentence" if distance == 0 else "paragraph"), earlier
    previous = sentence.previous
    while previous is not None:
        if previous.kind in HEADING_KINDS:
            yield "heading", previous
        previous = previous.previous


def _pair(known: list[str], named: list[str]) -> list[str] | None:
    """Two sides from ``named``, keeping the one side already ``known``; None when ``named`` has none to add."""
    if not known:
        return named[:2] if len(named) >= 2 else None
    others = [name for name in named if name != known[0]]
    if others and (known[0] in named or len(named) == 1):
        return [known[0], others[0]]
    return None
