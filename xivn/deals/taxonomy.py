"""The deal taxonomy and the deal cues: loading and validating ``deal_taxonomy.toml`` and
``deal_cues.toml`` (or a user's edited copies).

Every malformed entry fails with a :class:`~xivn.errors.DataFileError` naming the file and the
entry, e.g. ``deal_taxonomy.toml [items.rail]: unknown category 'trains'``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xivn.cues.datafiles import (
    FLAG,
    INTEGER,
    PATTERNS,
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
from xivn.cues.engine import CueTable

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

TAXONOMY_FILE = "deal_taxonomy.toml"
CUES_FILE = "deal_cues.toml"
ITEM_KINDS = ("item", "area")
QUALIFIERS = ("above", "at_least", "at_most", "about")


@dataclass(frozen=True)
class DealItem:
    """One canonical deal item (or sector area) of the taxonomy."""

    item_id: str
    label: str
    category: str
    kind: str
    parties: str
    cues: tuple[re.Pattern[str], ...]
    needs_context: bool
    reference: str
    general: bool = False  # a kind of deal for any project ("funding for a railway"): a named project's cue beats it


@dataclass(frozen=True)
class Taxonomy:
    """Categories (in display order), items, and the partnerships whose packages the items document
    (never given to a mention: parties are read from the text; the pair reported on is the event's)."""

    source: str
    categories: dict[str, str]
    descriptions: dict[str, str]
    items: dict[str, DealItem]
    partnerships: tuple[str, ...]

    @cached_property
    def _item_table(self) -> CueTable:
        return CueTable({item_id: item.cues for item_id, item in self.items.items()})

    def item_cues(self) -> CueTable:
        """The cues of every item, by item id (the cue table :func:`xivn.cues.engine.find_hits` takes)."""
        return self._item_table

    def table(self) -> pd.DataFrame:
        """The taxonomy as a readable table, in category order.

        Columns: ``category`` (label), ``item_id``, ``label``, ``kind`` (item or area),
        ``parties`` (the partnership the item documents, "" for an area; a mention's parties are
        always read from its text), ``reference`` (doc_no in
        ``deals_official.csv``), ``cues`` (the patterns, joined with " | ").
        """
        import pandas as pd

        order = list(self.categories)
        rows = [
            (
                self.categories[item.category],
                item.item_id,
                item.label,
                item.kind,
                item.parties,
                item.reference,
                " | ".join(p.pattern for p in item.cues),
            )
            for item in sorted(self.items.values(), key=lambda i: (order.index(i.category), i.kind == "area"))
        ]
        return pd.DataFrame(rows, columns=["category", "item_id", "label", "kind", "parties", "reference", "cues"])


@dataclass(frozen=True)
class CountVocabulary:
    """Words of number claims: deal nouns, number words, vague quantities, qualifiers, scope words."""

    nouns: str
    numbers: dict[str, int]
    vague: dict[str, tuple[int, int | None]]
    qualifiers: dict[str, str]
    scope: tuple[str, ...]


@dataclass(frozen=True)
class DealCues:
    """Status cues (explicit and weak), deal-context words, clause boundaries, count vocabulary."""

    source: str
    statuses: tuple[str, ...]
    default_status: str
    descriptions: dict[str, str]
    status: dict[str, tuple[re.Pattern[str], ...]]
    weak: dict[str, tuple[re.Pattern[str], ...]]
    governing: tuple[str, ...]
    bullet_overrides: tuple[str, ...]
    context: tuple[re.Pattern[str], ...]
    context_statuses: tuple[str, ...]
    topic_heads: re.Pattern[str]
    topic_settings: re.Pattern[str]
    clauses: tuple[re.Pattern[str], ...]
    contents: tuple[re.Pattern[str], ...]
    listings: tuple[re.Pattern[str], ...]
    counts: CountVocabulary


TAXONOMY_SCHEMA = Schema(
    TAXONOMY_FILE,
    Table(
        required={
            "partnerships": ListOf(TEXT, nonempty=True),
            "categories": Entries(Table(required={"label": TEXT}, optional={"description": TEXT}), nonempty=True),
            "items": Entries(
                Table(
                    required={"label": TEXT, "category": TEXT, "kind": OneOf(ITEM_KINDS), "cues": ListOf(REGEX, True)},
                    optional={"parties": TEXT, "context": FLAG, "reference": TEXT, "general": FLAG},
                ),
                nonempty=True,
            ),
        }
    ),
)
"""The deal taxonomy: the partnerships its items document, the categories, and the items with their cues."""

CUES_SCHEMA = Schema(
    CUES_FILE,
    Table(
        required={
            "statuses": ListOf(TEXT, nonempty=True),
            "default_status": TEXT,
            "bullet_overrides": STRINGS,
            "status": Entries(
                Table(required={"description": TEXT, "cues": PATTERNS}, optional={"weak": PATTERNS, "governs": FLAG})
            ),
            "context": Table(optional={"statuses": STRINGS, "cues": PATTERNS}),
            "topics": Table(optional={"heads": PATTERNS, "settings": STRINGS}),
            "clauses": Table(optional={"boundaries": PATTERNS, "contents": PATTERNS, "listings": PATTERNS}),
            "counts": Table(
                required={
                    "nouns": REGEX,
                    "numbers": Entries(INTEGER),
                    "vague": Entries(ListOf(INTEGER)),
                    "qualifiers": Entries(OneOf(QUALIFIERS)),
                    "scope": STRINGS,
                }
            ),
        }
    ),
)
"""The deal cues: the statuses with their cues, the deal-word context, the words that make a topic word
no deal topic, clause boundaries, the count vocabulary."""


def load_taxonomy(path: str | Path = TAXONOMY_FILE) -> Taxonomy:
    """Load and validate the deal taxonomy (the shipped ``deal_taxonomy.toml`` or a user's file;
    an empty path means the shipped one)."""
    path = path or TAXONOMY_FILE
    raw = load_data_file(path, TAXONOMY_SCHEMA)
    where = Path(path).name
    categories = raw["categories"]
    partnerships = tuple(raw["partnerships"])
    items = {name: _item(name, entry, categories, partnerships, where) for name, entry in raw["items"].items()}
    empty = [name for name in categories if not any(i.category == name for i in items.values())]
    if empty:
        raise data_error(where, f"categories.{empty[0]}", "no item belongs to this category")
    return Taxonomy(
        source=where,
        categories={name: entry["label"] for name, entry in categories.items()},
        descriptions={name: entry.get("description", "") for name, entry in categories.items()},
        items=items,
        partnerships=partnerships,
    )


def _item(name: str, entry: dict[str, Any], categories: dict, parties: tuple[str, ...], where: str) -> DealItem:
    here = f"items.{name}"
    if entry["category"] not in categories:
        raise data_error(where, here, f"unknown category {entry['category']!r} (known: {', '.join(categories)})")
    item_parties = entry.get("parties", "")
    if entry["kind"] == "item" and item_parties not in parties:
        raise data_error(where, here, f"parties must be one of {list(parties)}, got {item_parties!r}")
    return DealItem(
        item_id=name,
        label=entry["label"],
        category=entry["category"],
        kind=entry["kind"],
        parties=item_parties,
        cues=tuple(compile_patterns(entry["cues"], where=f"{where} [{here}.cues]")),
        needs_context=entry.get("context", True),
        reference=entry.get("reference", ""),
        general=entry.get("general", False),
    )


def load_deal_cues(path: str | Path = CUES_FILE) -> DealCues:
    """Load and validate the status, context, clause and count cues (``deal_cues.toml``, or a
    user's file; an empty path means the shipped one)."""
    path = path or CUES_FILE
    raw = load_data_file(path, CUES_SCHEMA)
    where = Path(path).name
    statuses = tuple(raw["statuses"])
    if set(statuses) != set(raw["status"]):
        raise data_error(where, "statuses", f"{list(statuses)} must name exactly the [status.*] tables")
    if raw["default_status"] not in statuses:
        raise data_error(where, "default_status", f"{raw['default_status']!r} is not one of {list(statuses)}")
    for entry, names in (
        ("context.statuses", raw["context"].get("statuses", [])),
        ("bullet_overrides", raw["bullet_overrides"]),
    ):
        unknown = [name for name in names if name not in statuses]
        if unknown:
            raise data_error(where, entry, f"unknown status {unknown[0]!r} (known: {', '.join(statuses)})")
    counts = raw["counts"]
    for word, bounds in counts["vague"].items():
        if len(bounds) != 2:
            raise data_error(where, f"counts.vague.{word}", f"expected [low, high] integers, got {bounds!r}")

    def patterns(values: list[str], entry: str) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_patterns(values, where=f"{where} [{entry}]"))

    status = raw["status"]
    topics = raw.get("topics", {})
    heads = "|".join(p.pattern for p in patterns(topics.get("heads", []), "topics.heads")) or "(?!)"
    settings = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in topics.get("settings", [])) or "(?!)"
    return DealCues(
        source=where,
        statuses=statuses,
        default_status=raw["default_status"],
        descriptions={name: status[name]["description"] for name in statuses},
        status={name: patterns(status[name]["cues"], f"status.{name}.cues") for name in statuses},
        weak={name: patterns(status[name].get("weak", []), f"status.{name}.weak") for name in statuses},
        governing=tuple(name for name in statuses if status[name].get("governs", False)),
        bullet_overrides=tuple(raw["bullet_overrides"]),
        context=patterns(raw["context"].get("cues", []), "context.cues"),
        context_statuses=tuple(raw["context"].get("statuses", [])),
        topic_heads=re.compile(rf"^[’'s]*\s+(?:{heads})\b", re.IGNORECASE),
        topic_settings=re.compile(rf"\b(?:{settings})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE),
        clauses=patterns(raw["clauses"].get("boundaries", []), "clauses.boundaries"),
        contents=patterns(raw["clauses"].get("contents", []), "clauses.contents"),
        listings=patterns(raw["clauses"].get("listings", []), "clauses.listings"),
        counts=CountVocabulary(
            nouns=counts["nouns"],
            numbers=dict(counts["numbers"]),
            vague={word: (low, high or None) for word, (low, high) in counts["vague"].items()},
            qualifiers=dict(counts["qualifiers"]),
            scope=tuple(counts["scope"]),
        ),
    )


def as_taxonomy(taxonomy: Taxonomy | str | Path | None) -> Taxonomy:
    """A loaded taxonomy: the given one, or the file at a path (``None`` or "": the shipped one)."""
    return taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy or TAXONOMY_FILE)


def as_cues(cues: DealCues | str | Path | None) -> DealCues:
    """Loaded deal cues: the given ones, or the file at a path (``None`` or "": the shipped ones)."""
    return cues if isinstance(cues, DealCues) else load_deal_cues(cues or CUES_FILE)
