"""Who trades with whom, read from the grammar around a trade cue.

A trade figure's reporter (whose exports, imports or balance it is) and partner come from the
words that link a country to the trade cue governing the figure, never from an assumption about
the event:

- a country right before the cue, as a possessive, an adjective or a name used as one, with at
  most three words between ("Vietnam's durian exports", "Chinese imports", "the US goods trade
  deficit", "Vietnam posted a trade gap") is the reporter;
- two countries joined by a dash, a comma or "and" before the cue ("China-Vietnam trade",
  "Japan–China total trade", "Vietnam, China trade") are reporter and partner, in the order
  written, and so are the two of "trade between X and Y";
- a country after the cue takes its role from the preposition before it (``direction`` in
  ``trade_cues.toml``: "exports to China", "imports into Vietnam", "deficit with China");
- "worldwide" right after the cue, or "the world" after its partner preposition ("exports to the
  world"), make the World the partner; "the world's" and "the largest in the world" do not;
  "total", "overall" or "foreign" before the cue or in it ("Vietnam's foreign trade", "its total
  farm exports", "Vietnam's total trade") make it the World when no partner is named after it.

:func:`sentence_parties` adds what the rest of the sentence says: "X's (largest) trading partner"
makes X the reporter and the other country the partner; otherwise the countries named, in order.
What a party is is :func:`xivn.cues.countries.country_mentions`; a country that only names an
institution ("China's General Department of Customs") is a source, not a party.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from xivn.cues.countries import Mention, country_mentions

WORLD = "World"
_MODIFIERS = re.compile(r"^(?:['’]s?)?((?:\s+(?:[a-z][\w-]*|\d[\d.,]*%?)){0,4}?)\s*$")
_PREPOSITIONS = {"to", "from", "with", "of", "in", "into", "for", "by", "than", "and", "at", "on", "as", "over"}
_TOTAL_WORDS = {"total", "overall", "global", "foreign", "external", "overseas", "import-export", "export-import"}
# in the cue itself or before it: "total trade", "Vietnam's import-export turnover", "its overseas shipments"
_TOTAL_BEFORE = re.compile(
    r"\b(?:total|overall|global|foreign|external|overseas)\s+(?:[a-z][\w-]*\s+){0,2}$", re.IGNORECASE
)
# after the cue, in its clause: "shipped rice worth $4.4 billion abroad", "sales to overseas markets"
_ABROAD = re.compile(r"\b(?:abroad|overseas|(?:foreign|overseas|international|global) markets)\b", re.IGNORECASE)
_SPENT_ON = re.compile(r"\b(?:spen(?:d|ds|ding|t)|paid|pays?|paying)\b[^.;]*\bon\s+$", re.IGNORECASE)
_JOINED = re.compile(r"^\s?(?:[-–—/&,]|\band\b)\s?$")  # "China-Vietnam", "Vietnam, China", "Vietnam and China"
_BETWEEN = re.compile(r"^\s+between\s+(?:the\s+)?$")
_AND = re.compile(r"^\s+(?:and|&)\s+(?:the\s+)?$")
_PARTNER_OF = re.compile(
    r"^['’]s?\s+(?:[\w-]+\s+){0,3}?(?:trading partner|trade partner|export market|import (?:source|market)|"
    r"(?:biggest|largest|main|top) (?:market|buyer|supplier|customer|source))",
    re.IGNORECASE,
)
SINGULAR = re.compile(
    r"\b(?:the (?:country|nation|Southeast Asian (?:nation|country|economy))(?:['’]s)?|its|it)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
"""A reporter named by a pronoun or "the country" just before the trade cue: the subject of the
sentence before."""
ANAPHOR = re.compile(
    r"\b(?:the two (?:countries|nations|sides|neighbours|neighbors|economies)|both (?:countries|nations|sides)|"
    r"bilateral|two-way|(?:its|the) (?:(?:northern|southern|giant|big) )?neighbou?r(?:ing country)?|the bloc|"
    r"(?:this|that) (?:market|country)|the foreign country)\b",
    re.IGNORECASE,
)
"""Words that speak of a pair, or of the other party, without naming it ("two-way trade", "imports
from that country", "exports to the northern neighbour"): the pair is read from the sentences
before, the heading or the document."""


def party_mentions(text: str) -> list[Mention]:
    """The country mentions of ``text`` that can be a party: not an institution's name, and not
    the World as a possessive ("the world's second-largest grower")."""
    return [m for m in country_mentions(text) if not m.institution and not (m.kind == "world" and m.possessive)]


def _world(mention: Mention) -> bool:
    return mention.kind == "world"


def stated_parties(
    text: str,
    clause: tuple[int, int],
    cue: tuple[int, int],
    flow: str,
    direction: Mapping[str, Sequence[str]],
    later_cues: Sequence[int] = (),
) -> dict[str, str]:
    """Reporter and partner that the grammar of ``text[clause]`` links to the trade cue at
    ``cue``; ``direction`` holds the prepositions that make a country after the cue the partner
    or the reporter; ``later_cues`` are the starts of the clause's other trade cues after this one
    (a country after them belongs to them)."""
    start, end = clause
    everywhere = party_mentions(text)
    mentions = [m for m in everywhere if start <= m.start < end]
    roles: dict[str, str] = {}
    stop = min((c for c in later_cues if c > cue[1]), default=end)
    after = [m for m in mentions if cue[1] <= m.start < stop]
    for k, mention in enumerate(after):
        between = text[cue[1] : mention.start]
        if _BETWEEN.match(between) and k + 1 < len(after) and _AND.match(text[mention.end : after[k + 1].start]):
            return {"reporter": mention.country, "partner": after[k + 1].country}
        if _world(mention):  # "exports worldwide", "trade with the rest of the world"; not "the largest in the world"
            if "partner" not in roles and (not between.strip() or _ends_with(between, direction.get("partner", ()))):
                roles["partner"] = WORLD
            continue
        for role in ("partner", "reporter"):
            if _ends_with(between, direction.get(role, ())) and mention.country not in roles.values():
                roles.setdefault(role, mention.country)
                break
    before = [m for m in mentions if m.end <= cue[0]]
    spent_on = before and flow == "imports" and not text[before[-1].end : cue[0]].strip()
    if spent_on and "partner" not in roles and _SPENT_ON.search(text[: before[-1].start]):
        roles["partner"] = before[-1].country  # "spent $55.5 billion on Chinese imports": their origin
        before = before[:-1]
    if before and "reporter" not in roles:
        last = before[-1]
        words = _MODIFIERS.match(text[last.end : cue[0]])
        # a country governed by a preposition ("exports to China were …") is no subject of a later cue
        governed = words and words.group(1).strip() and not _subject(text, last)
        if words and not _PREPOSITIONS & set(words.group(1).split()) and not governed:
            # "China-Vietnam trade", "Vietnam – China bilateral trade", "Vietnam, China trade"
            pair = [m for m in everywhere if m.end <= last.start and _JOINED.match(text[m.end : last.start])]
            if pair and flow != "balance" and "partner" not in roles:
                roles.update(reporter=pair[-1].country, partner=last.country)
            elif not _world(last) and last.country != roles.get("partner"):
                roles["reporter"] = last.country
                if "partner" not in roles and _TOTAL_WORDS & set(text[cue[0] : cue[1]].lower().split()):
                    roles["partner"] = WORLD  # "Vietnam's total trade", with no partner named after it
    pair_cue = ANAPHOR.search(text[cue[0] : cue[1]])  # "two-way trade" is between two parties
    if "partner" not in roles and _TOTAL_BEFORE.search(text[start : cue[0]]) and not pair_cue:
        roles["partner"] = WORLD  # "its total farm exports": to every market
    if "partner" not in roles and flow in ("exports", "imports") and _ABROAD.search(text, cue[1], stop):
        roles["partner"] = WORLD
    return roles


def _ends_with(text: str, words: Sequence[str]) -> bool:
    """True when ``text`` (the words between a trade cue and a country) ends with one of the
    prepositions ``words``, optionally followed by "the"."""
    if not words:
        return False
    pattern = r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?:the\s+)?$"
    return re.search(pattern, text, re.IGNORECASE) is not None


def sentence_parties(
    text: str, known: Mapping[str, str], taken: Collection[str] = (), partner_of_only: bool = False
) -> dict[str, str]:
    """The parties ``known`` from the clause, completed from the rest of the sentence ``text``:
    "X's largest trading partner" makes X the reporter and the other country named the partner;
    else (unless ``partner_of_only``) a missing party is the first other country named (both
    missing: the first two, in order). ``taken`` are the partners of the sentence's other trade
    cues ("… with shipments to the US up 30%"): they fill no missing partner, nor a pair. A World
    mention never fills a party here."""
    roles = dict(known)
    mentions = [m for m in party_mentions(text) if not _world(m)]
    partner_of = next((m for m in mentions if m.possessive and _PARTNER_OF.match(text[m.end :])), None)
    other = partner_of and next((m.country for m in mentions if m.country != partner_of.country), None)
    if partner_of and other:
        owner = partner_of.country
        if "reporter" not in roles:
            roles["reporter"] = other if roles.get("partner") == owner else owner
        if "partner" not in roles:
            roles["partner"] = other if roles["reporter"] == owner else owner
    if partner_of_only:
        return roles
    named = list(dict.fromkeys(m.country for m in mentions))
    if "reporter" not in roles and "partner" not in roles:
        free = [c for c in named if c not in taken]
        if len(free) >= 2:
            return {"reporter": free[0], "partner": free[1]}
        return {"reporter": named[0]} if named and _subject(text, mentions[0]) else {}
    for role in ("reporter", "partner"):
        if role not in roles:
            other = next((c for c in named if c not in roles.values() and (role == "reporter" or c not in taken)), None)
            if other is not None:
                roles[role] = other
    return roles


def _subject(text: str, mention: Mention) -> bool:
    """True when ``mention`` can be a subject: no preposition right before it ("In October,
    Vietnam's exports", not "trade with Japan")."""
    before = text[: mention.start].split()
    return not (before and before[-1].lower() in _PREPOSITIONS)


def pair_of(texts: Sequence[str]) -> list[str]:
    """The first two countries (not the World) named in ``texts``, read in order."""
    named: list[str] = []
    for text in texts:
        for mention in party_mentions(text):
            if not _world(mention) and mention.country not in named:
                named.append(mention.country)
        if len(named) >= 2:
            return named[:2]
    return named
