"""How the rare-earth claims read one article sentence: which claims it makes, the numbers that go
to each, and the country each is about (the rules are listed in :mod:`xivn.rare_earths.claims`).

A :class:`Reading` holds a sentence's cue hits, country mentions, numbers and subject, all as
raw-text offsets; :func:`xivn.rare_earths.claims.rare_earth_claims` makes one per article sentence
and hands each the readings of the sentences before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from xivn.cues.countries import country_mentions
from xivn.cues.engine import Hit, find_hits, leftmost_longest
from xivn.rare_earths.quantities import QUANTITY, Quantity, quantities

if TYPE_CHECKING:  # pragma: no cover
    from xivn.rare_earths.claims import Claim, ClaimSet

REFERS_BACK = "refers_back"  # the cue group of words that point to a country named before
HYPOTHETICAL = "hypothetical"  # the cue group of words opening a clause that asserts nothing ("if", "unless")
COMPARED = "compared"  # the cue group of words making the country after them a yardstick ("after China")
YARDSTICK_GAP = re.compile(r"\s*(?:the\s+)?")
IN_SENTENCE, IN_PREVIOUS, IN_DOCUMENT, UNRESOLVED = "sentence", "previous sentence", "document", "unresolved"
HEADINGS = frozenset({"headline", "heading"})
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|,?\s*nor)\s*(?:the\s+)?", re.IGNORECASE)
LIST_END = re.compile(r"\s*,?\s*(?:and|or|nor)\s+(?:the\s+)?", re.IGNORECASE)  # the gap before a list's last item
QUESTION = re.compile(r"\?[\"'”’)\]]*\s*$")
WH_QUESTION = re.compile(r"^\W*(?:why|how|what|which|who|whose|where|when)\b", re.IGNORECASE)
CLAUSE_END = re.compile(r"[,;:—–]|\s-\s")


def asserts_nothing(text: str) -> bool:
    """Whether a sentence is a yes/no question ("Will Vietnam ban exports of its ore?"), which
    asserts nothing; a wh-question takes what it asks about as given ("Why does China dominate
    refining?" says that it does) and is read like any sentence."""
    return QUESTION.search(text) is not None and WH_QUESTION.match(text) is None


@dataclass(frozen=True)
class Reading:
    """One sentence as the claims see it: the hits of each cue group (leftmost, longest), the
    country mentions and the numbers, all as raw-text offsets (``start`` is the sentence's), and
    its paragraph kind (the sentence before a heading, or a heading's, is not context); and its
    ``subject``, the country it is about with the words naming it: its first country mention, or
    the subject of the sentence before when it names none or refers back before the first ("Its
    production jumped ..." after "The Southeast Asian country has ..." after "Vietnam aims ...")."""

    text: str
    start: int
    sent_id: int
    kind: str
    hits: dict[str, list[Hit]]
    countries: list[Hit]
    numbers: list[Quantity]
    subject: tuple[Hit, str] | None
    hypotheses: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, text: str, start: int, sent_id: int, book: ClaimSet, kind: str, previous: Reading | None) -> Reading:
        """The reading of one sentence (``start``: its raw offset), after the ``previous`` one of its
        section (None at the start of a section)."""
        by_group: dict[str, list[Hit]] = {}
        for hit in find_hits(text, book.cue_table, offset=start):
            by_group.setdefault(hit.label, []).append(hit)
        hits = {name: leftmost_longest(by_group[name]) if name in by_group else [] for name in book.cues}
        countries = _countries(text, start, book)
        numbers = quantities(text, offset=start)
        stands = book.exclusions.keep(text, [(n.start, n.end, QUANTITY) for n in numbers], start)  # tonnes of coal
        numbers = [number for number, kept in zip(numbers, stands, strict=True) if kept]
        compared = hits.get(COMPARED, [])
        first = next((c for c in countries if not _yardstick(text, start, c, compared)), None)  # not "after China"
        points_back = first is None or any(h.end <= first.start for h in hits.get(REFERS_BACK, []))
        if points_back and previous is not None and previous.subject:
            subject = previous.subject
        else:
            subject = (first, text[first.start - start : first.end - start]) if first else None
        hypotheses = tuple((h.start, _clause_end(text, start, h.end)) for h in hits.get(HYPOTHETICAL, []))
        return cls(text, start, sent_id, kind, hits, countries, numbers, subject, hypotheses)

    def words(self, name: str) -> str:
        """The words of the first hit of a cue group ("" when it has none)."""
        hits = self.hits.get(name)
        return self.text[hits[0].start - self.start : hits[0].end - self.start] if hits else ""

    def context(self, claim: Claim, earlier: tuple[Reading, ...]) -> tuple[int | None, str]:
        """``(context_sent_id, cues)``: the earliest sentence before this one that a context group
        was read from (None when all are in this sentence), and the words of each group
        (``group=words``, ``^`` marking words of a sentence before)."""
        cues = [f"{name}={self.words(name)}" for name in claim.sentence + claim.context if self.hits[name]]
        used = []
        for name in claim.context:
            source = None if self.hits[name] else next((r for r in earlier if r.hits[name]), None)
            if source is not None:
                cues.append(f"{name}=^{source.words(name)}")
                used.append(source.sent_id)
        return (min(used) if used else None, "; ".join(cues))

    def claims(self, book: ClaimSet, earlier: tuple[Reading, ...]) -> list[tuple[Claim, list[Quantity]]]:
        """The claims this sentence makes, in file order, each with the numbers that go to it."""
        made = [
            claim
            for claim in book.claims.values()
            if all(self.hits[name] for name in claim.sentence)
            and all(self.hits[name] or any(r.hits[name] for r in earlier) for name in claim.context)
            and not self._said_of_another(claim)
            and not self._supposed(claim)
        ]
        numbers: dict[str, list[Quantity]] = {claim.claim_id: [] for claim in made}
        for number in self.numbers:
            owner = self._owner(number)
            takers = [  # "Vietnam makes 1% of magnets, China 92%": the 1% is not China's
                claim
                for claim in made
                if number.unit in claim.units and not (claim.about and owner and owner not in claim.about)
            ]
            if takers:
                nearest = min(takers, key=lambda claim: self._distance(claim, number))  # ties: file order
                numbers[nearest.claim_id].append(number)
        return [(c, numbers[c.claim_id]) for c in made if numbers[c.claim_id] or not c.needs_number]

    def _said_of_another(self, claim: Claim) -> bool:
        """Whether a claim limited to some countries is said of another one: before each hit of its
        first cue group the country named last is not among them, and no number it takes follows
        one of them ("Myanmar has become a major source of rare earths for Chinese refineries" is
        no claim that China dominates supply; "Vietnam makes 1% of magnets, China's 92%" is)."""
        if not claim.about or not all(self._of_another(claim, hit) for hit in self.anchor(claim)):
            return False
        return not any(self._owner(n) in claim.about for n in self.numbers if n.unit in claim.units)  # "China's 92%"

    def anchor(self, claim: Claim) -> list[Hit]:
        """The hits of the claim's anchor group in this sentence (its ``anchor``, else its first
        sentence group), or of its first sentence group when the anchor is a context group found
        only in a sentence before ("The two sides signed a memorandum on rare earths" after "Biden
        arrived in Hanoi")."""
        return self.hits[claim.anchor] or self.hits[claim.sentence[0]]

    def _supposed(self, claim: Claim) -> bool:
        """Whether a cue group the claim needs in its sentence is found only inside clauses that
        assert nothing ("If Hanoi builds its own refineries, ...", "Should Beijing curb exports
        again, ...": from the word opening the clause to the next comma or the sentence's end)."""
        return any(
            all(any(s <= h.start and h.end <= e for s, e in self.hypotheses) for h in self.hits[name])
            for name in claim.sentence
        )

    def _owner(self, number: Quantity) -> str | None:
        """The country named last before a number (None when none is)."""
        return next((h.label for h in reversed(self.countries) if h.end <= number.start), None)

    def _of_another(self, claim: Claim, cue: Hit) -> bool:
        named = [h for h in self.countries if h.start < cue.end]
        if any(cue.start <= h.start and h.label in claim.about for h in named):
            return False  # the cue names an allowed country itself ("Xi urged ...")
        return bool(named) and named[-1].label not in claim.about

    def _distance(self, claim: Claim, number: Quantity) -> int:
        hits = [h for name in claim.sentence for h in self.hits[name]]
        return min(max(h.start - number.end, number.start - h.end, 0) for h in hits)

    def country(self, claim: Claim, number: Quantity | None, previous: Reading | None) -> tuple:
        """``(country, quote, start, end, resolved_from)`` of the claim (see the module docstring)."""
        if not claim.subject:
            return ("", "", None, None, "")
        anchor_hit = self.anchor(claim)[0]
        allowed = [  # "Only China, with 44 million tonnes, holds more": the anchor's own yardstick is not its country
            h
            for h in self.countries
            if (not claim.about or h.label in claim.about)
            and not (anchor_hit.start <= h.start and h.end <= anchor_hit.end and self.is_yardstick(h))
        ]
        anchor = number.start if number else anchor_hit.start
        before = [h for h in allowed if h.end <= anchor]
        after = [h for h in allowed if h.start >= anchor and not self.is_yardstick(h)]
        back = previous.referent(claim) if previous else None
        refers_back = any(h.end <= anchor for h in self.hits.get(REFERS_BACK, []))
        inside = [h for h in allowed if anchor_hit.start <= h.start and h.end <= anchor_hit.end]
        respective = self._respective(allowed, claim, number)
        if inside:  # "the largest ..., followed by Vietnam": the anchor names its country
            mention, source = inside[-1], IN_SENTENCE
        elif respective:
            mention, source = respective, IN_SENTENCE
        elif before and any(before[-1].end <= h.start and h.end <= anchor for h in self.hits.get(REFERS_BACK, [])):
            mention, source = before[0], IN_SENTENCE  # "Vietnam ... after China, but it has struggled": the subject
        elif before:
            mention, source = before[-1], IN_SENTENCE
        elif back and (refers_back or not (self.countries if claim.about else after)):  # "It holds ..."
            (mention, quote), source = back, IN_PREVIOUS
        else:
            mention, source = (after[0] if after else None), IN_SENTENCE
        if mention is None:
            return ("", "", None, None, UNRESOLVED)
        if source == IN_SENTENCE:
            quote = self.text[mention.start - self.start : mention.end - self.start]
        return (mention.label, quote, mention.start, mention.end, source)

    def coordinated(self, claim: Claim, number: Quantity | None, found: tuple) -> list[tuple]:
        """The countries listed with the one a claim without a number was read from, when the list
        ends in "and", "or" or "nor" ("Neither Vietnam nor the United States has the technology"
        is said of both; "Unlike China and Myanmar, Vietnam lacks ..." only of Vietnam), each as
        :meth:`country` gives it; ``found`` alone when it heads no such list."""
        mention = next((h for h in self.countries if (h.start, h.end) == (found[2], found[3])), None)
        if number is not None or mention is None or found[-1] != IN_SENTENCE:
            return [found]
        allowed = [h for h in self.countries if h.end <= mention.start and (not claim.about or h.label in claim.about)]
        listed = [mention]
        for before in reversed(allowed):
            gap = self._between(before, listed[0])
            if not (LIST_END if len(listed) == 1 else LIST_GAP).fullmatch(gap):
                break
            listed.insert(0, before)
        quote = self._quote
        return [(h.label, quote(h), h.start, h.end, IN_SENTENCE) for h in listed if h.label != mention.label] + [found]

    def is_yardstick(self, mention: Hit) -> bool:
        """Whether a country is named as what the claim is measured against, right after a word of
        the ``compared`` group ("the world's second largest after China", "more than the US")."""
        return _yardstick(self.text, self.start, mention, self.hits.get(COMPARED, []))

    def _quote(self, hit: Hit) -> str:
        return self.text[hit.start - self.start : hit.end - self.start]

    def refers_back(self, claim: Claim, number: Quantity | None) -> bool:
        """Whether words referring back to a country ("It", "the country's") stand before the
        claim's number or first cue."""
        anchor = number.start if number else self.anchor(claim)[0].start
        return any(h.end <= anchor for h in self.hits.get(REFERS_BACK, []))

    def referent(self, claim: Claim) -> tuple[Hit, str] | None:
        """The country a later sentence referring back means, for ``claim``: this sentence's subject,
        else (when the claim cannot be about it) its first mention the claim can be about."""
        if self.subject and (not claim.about or self.subject[0].label in claim.about):
            return self.subject
        hit = next((h for h in self.countries if h.label in claim.about), None)
        return (hit, self.text[hit.start - self.start : hit.end - self.start]) if hit else None

    def _respective(self, allowed: list[Hit], claim: Claim, number: Quantity | None) -> Hit | None:
        """In a sentence saying "respectively", the country that pairs with this number (or, for a
        claim without one, the first): "Vietnam and Brazil rank second and third with 22 and 21
        million tonnes respectively" pairs the list of countries before them in order."""
        if not RESPECTIVELY.search(self.text):
            return None
        mine = [n for n in self.numbers if n.unit in claim.units]
        first = mine[0].start if mine else self.anchor(claim)[0].start
        listed = [h for h in allowed if h.end <= first]
        coordinated = listed[-1:]  # the last country before them, and those listed with it
        for mention in reversed(listed[:-1]):
            if not LIST_GAP.fullmatch(self._between(mention, coordinated[0])):
                break
            coordinated.insert(0, mention)
        if len(coordinated) < 2:
            return None
        index = mine.index(number) if number in mine else 0
        return coordinated[index] if index < len(coordinated) else None

    def _between(self, left: Hit, right: Hit) -> str:
        return self.text[left.end - self.start : right.start - self.start]

    def number_columns(self, number: Quantity | None) -> tuple:
        """``(value, unit, number_quote, number_start, number_end)`` of a claim row."""
        if number is None:
            return (None, "", "", None, None)
        quote = self.text[number.start - self.start : number.end - self.start]
        return (number.value, number.unit, quote, number.start, number.end)


def _yardstick(text: str, start: int, mention: Hit, compared: list[Hit]) -> bool:
    return any(
        h.end <= mention.start and YARDSTICK_GAP.fullmatch(text[h.end - start : mention.start - start])
        for h in compared
    )


def _clause_end(text: str, start: int, end: int) -> int:
    """The raw offset where the clause around ``end`` stops: the next comma, semicolon, colon or
    dash, else the sentence's end."""
    stop = CLAUSE_END.search(text, end - start)
    return start + (stop.start() if stop else len(text))


def _countries(text: str, start: int, book: ClaimSet) -> list[Hit]:
    """The countries a sentence names (label: the country), leftmost and longest: those of the shared
    gazetteer (:mod:`xivn.cues.countries`; "the world" is no country) that no exclusion vetoes
    ("US Geological Survey" is a source), and the claims file's own ``[countries]`` (leaders and
    offices that stand for a country: "Xi", "the White House")."""
    shared = [Hit(m.start, m.end, m.country) for m in country_mentions(text, offset=start) if m.kind != "world"]
    stands = book.exclusions.keep(text, [(h.start, h.end, h.label) for h in shared], start)
    extra = find_hits(text, book.country_table, offset=start) if book.countries else []
    return leftmost_longest([*(h for h, kept in zip(shared, stands, strict=True) if kept), *extra])


def document_country(readings: list[Reading], claim: Claim) -> tuple | None:
    """``(country, quote, start, end, "document")``: the country the document's sentences name most
    often among those ``claim`` can be about (ties: the first named), at its first mention, leaving
    out the yardsticks ("after China"); None when they name none."""
    named = [
        (h, r)
        for r in readings
        for h in r.countries
        if (not claim.about or h.label in claim.about) and not r.is_yardstick(h)
    ]
    if not named:
        return None
    counts: dict[str, int] = {}
    for hit, _ in named:
        counts[hit.label] = counts.get(hit.label, 0) + 1
    best = max(counts, key=lambda label: counts[label])  # max keeps the first of equals: first named
    hit, reading = next((h, r) for h, r in named if h.label == best)
    return (best, reading.text[hit.start - reading.start : hit.end - reading.start], hit.start, hit.end, IN_DOCUMENT)
