"""Countries named in news text, with the form of each mention.

Every analysis that reads parties from the text (who exports to whom, who signed what, whose
reserves) starts from :func:`country_mentions`: the countries and groupings of
``data/countries.toml`` found in a text, each with its form — the name ("Vietnam", "the US"), the
adjective or demonym ("Vietnamese", "Chinese"), or the capital used for the government ("Hanoi")
— and two facts the grammar of parties needs: whether the mention is possessive ("Vietnam's
exports") and whether it only names an institution ("China's General Department of Customs",
"the Vietnamese Ministry of Industry"), which makes it a source, not a party. What a mention means
in its sentence (reporter, partner, signatory) is for each analysis to read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from xivn.cues.datafiles import PATTERNS, STRINGS, Entries, OneOf, Schema, Table, compile_patterns, load_data_file
from xivn.cues.engine import CueTable, find_hits, in_order, leftmost_longest

FORMS = ("name", "adjective", "capital")
KINDS = ("country", "grouping", "world")
ARTICLES = ("the",)
COUNTRIES_SCHEMA = Schema(
    "countries.toml",
    Table(
        required={
            "countries": Entries(
                Table(
                    required={"names": PATTERNS, "adjectives": PATTERNS},
                    optional={"capitals": PATTERNS, "kind": OneOf(KINDS), "article": OneOf(ARTICLES)},
                ),
                nonempty=True,
            ),
            "institutions": Table(required={"words": STRINGS}),
        }
    ),
)
"""The country file: names, adjectives and capitals per country, and institution words."""
POSSESSIVE = re.compile(r"^['’]s?(?!\w)")


@dataclass(frozen=True)
class Mention:
    """One country mention: ``text[start:end]`` names ``country`` (of ``kind`` country, grouping or
    world) in the given ``form``."""

    start: int
    end: int
    country: str
    form: str
    possessive: bool = False
    institution: bool = False
    kind: str = "country"


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: cached results are keyed on it
class Countries:
    """The validated contents of ``countries.toml``."""

    table: CueTable  # label: "<country>\x1f<form>"
    kinds: dict[str, str]
    institution: re.Pattern[str]
    articles: dict[str, str]

    @property
    def names(self) -> list[str]:
        """Every country and grouping, in file order."""
        return list(self.kinds)


@cache
def countries(name_or_path: str | Path = COUNTRIES_SCHEMA.file) -> Countries:
    """Load and validate the country file (by default the one shipped in ``xivn/cues/data``)."""
    raw = load_data_file(name_or_path, COUNTRIES_SCHEMA)
    where = Path(name_or_path).name
    cues: dict[str, list[re.Pattern[str]]] = {}
    keys = {"name": "names", "adjective": "adjectives", "capital": "capitals"}
    for country, entry in raw["countries"].items():
        for form, key in keys.items():
            patterns = entry.get(key, [])
            if patterns:
                cues[f"{country}\x1f{form}"] = compile_patterns(
                    patterns, where=f"{where} [countries.{country}.{key}]", flags=0
                )
    words = "|".join(re.escape(word) for word in sorted(raw["institutions"]["words"], key=len, reverse=True))
    return Countries(
        table=CueTable(cues),
        kinds={country: entry.get("kind", "country") for country, entry in raw["countries"].items()},
        institution=re.compile(rf"^(?:['’]s)?\s+(?:(?:[A-Z][\w-]*|of|and|for)\s+){{0,3}}?(?:{words})\b"),
        articles={country: entry["article"] for country, entry in raw["countries"].items() if "article" in entry},
    )


def country_name(name: str, table: Countries | None = None) -> str:
    """A country's name as a sentence needs it: "the United States", "the Philippines", "China" (the
    gazetteer's ``article`` field says which take one); a name it does not know is returned as given."""
    article = (table or countries()).articles.get(name)
    return f"{article} {name}" if article else name


def country_mentions(text: str, *, offset: int = 0, table: Countries | None = None) -> list[Mention]:
    """The countries named in ``text``, in text order, the longest mention at each place ("South
    Korea" holds no "Korea"). Offsets are relative to ``text`` plus ``offset``."""
    return [replace(m, start=m.start + offset, end=m.end + offset) for m in _mentions(text, table or countries())]


@lru_cache(maxsize=64)  # analyses ask about the same sentence once per figure or deal in it
def _mentions(text: str, table: Countries) -> tuple[Mention, ...]:
    hits = leftmost_longest(find_hits(text, table.table, ranks=in_order(table.table)))
    found = []
    for hit in hits:
        country, form = hit.label.split("\x1f")
        after = text[hit.end :]
        found.append(
            Mention(
                hit.start,
                hit.end,
                country,
                form,
                possessive=bool(POSSESSIVE.match(after)),
                institution=bool(table.institution.match(after)),
                kind=table.kinds[country],
            )
        )
    return tuple(found)
