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

from xivn.cues.datafiles import compile_patterns, load_toml, require_keys
from xivn.cues.engine import CueTable
from xivn.errors import DataFileError

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


@dataclass(frozen=True)
class Taxonomy:
    """Categories (in display order), items, and the cues that attribute an area to its parties."""

    source: str
    categories: dict[str, str]
    descriptions: dict[str, str]
    items: dict[str, DealItem]
    parties: dict[str, tuple[re.Pattern[str], ...]]
    default_parties: str

    @cached_property
    def _item_table(self) -> CueTable:
        return CueTable({item_id: item.cues for item_id, item in self.items.items()})

    def item_cues(self) -> CueTable:
        """The cues of every item, by item id (the cue table :func:`xivn.cues.engine.find_hits` takes)."""
        return self._item_table

    def table(self) -> pd.DataFrame:
        """The taxonomy as a readable table, in category order.

        Columns: ``category`` (label), ``item_id``, ``label``, ``kind`` (item or area),
        ``parties`` ("" for an area: read from the sentence), ``reference`` (doc_no in
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
    context: tuple[re.Pattern[str], ...]
    context_statuses: tuple[str, ...]
    clauses: tuple[re.Pattern[str], ...]
    counts: CountVocabulary


def load_taxonomy(path: str | Path = TAXONOMY_FILE) -> Taxonomy:
    """Load and validate the deal taxonomy (the shipped ``deal_taxonomy.toml`` or a user's file;
    an empty path means the shipped one)."""
    path = path or TAXONOMY_FILE
    raw = load_toml(path)
    where = Path(path).name
    categories = raw.get("categories", {})
    if not categories:
        raise DataFileError(f"{where}: no [categories] defined")
    for name, entry in categories.items():
        require_keys(entry, ("label",), where=f"{where} [categories.{name}]")
    parties = {
        name: tuple(compile_patterns(entry.get("cues", []), where=f"{where} [parties.{name}]"))
        for name, entry in raw.get("parties", {}).items()
    }
    default_parties = str(raw.get("default_parties", ""))
    if default_parties not in parties:
        raise DataFileError(f"{where}: default_parties {default_parties!r} is not one of [parties] {sorted(parties)}")
    items = {name: _item(name, entry, categories, parties, where) for name, entry in raw.get("items", {}).items()}
    if not items:
        raise DataFileError(f"{where}: no [items] defined")
    empty = [name for name in categories if not any(i.category == name for i in items.values())]
    if empty:
        raise DataFileError(f"{where} [categories.{empty[0]}]: no item belongs to this category")
    return Taxonomy(
        source=where,
        categories={name: str(entry["label"]) for name, entry in categories.items()},
        descriptions={name: str(entry.get("description", "")) for name, entry in categories.items()},
        items=items,
        parties=parties,
        default_parties=default_parties,
    )


def _item(name: str, entry: dict[str, Any], categories: dict, parties: dict, where: str) -> DealItem:
    here = f"{where} [items.{name}]"
    require_keys(entry, ("label", "category", "kind", "cues"), where=here)
    if entry["category"] not in categories:
        raise DataFileError(f"{here}: unknown category {entry['category']!r} (known: {', '.join(categories)})")
    if entry["kind"] not in ITEM_KINDS:
        raise DataFileError(f"{here}: kind must be one of {ITEM_KINDS}, got {entry['kind']!r}")
    item_parties = str(entry.get("parties", ""))
    if entry["kind"] == "item" and item_parties not in parties:
        raise DataFileError(f"{here}: parties must be one of {sorted(parties)}, got {item_parties!r}")
    if not isinstance(entry["cues"], list) or not entry["cues"]:
        raise DataFileError(f"{here}: cues must be a non-empty list of regular expressions")
    return DealItem(
        item_id=name,
        label=str(entry["label"]),
        category=str(entry["category"]),
        kind=str(entry["kind"]),
        parties=item_parties,
        cues=tuple(compile_patterns(entry["cues"], where=f"{here} cues")),
        needs_context=bool(entry.get("context", True)),
        reference=str(entry.get("reference", "")),
    )


def _known(names: list[str], statuses: tuple[str, ...], where: str) -> tuple[str, ...]:
    unknown = [name for name in names if name not in statuses]
    if unknown:
        raise DataFileError(f"{where}: unknown status {unknown[0]!r} (known: {', '.join(statuses)})")
    return tuple(names)


def load_deal_cues(path: str | Path = CUES_FILE) -> DealCues:
    """Load and validate the status, context, clause and count cues (``deal_cues.toml``, or a
    user's file; an empty path means the shipped one)."""
    path = path or CUES_FILE
    raw = load_toml(path)
    where = Path(path).name
    require_keys(raw, ("statuses", "default_status", "status", "context", "clauses", "counts"), where=where)
    statuses = tuple(raw["statuses"])
    if set(statuses) != set(raw["status"]):
        raise DataFileError(f"{where}: `statuses` {list(statuses)} must name exactly the [status.*] tables")
    if raw["default_status"] not in statuses:
        raise DataFileError(f"{where}: default_status {raw['default_status']!r} is not one of {list(statuses)}")
    for name in statuses:
        require_keys(raw["status"][name], ("description", "cues"), where=f"{where} [status.{name}]")
    counts = raw["counts"]
    require_keys(counts, ("nouns", "numbers", "vague", "qualifiers", "scope"), where=f"{where} [counts]")
    compile_patterns([counts["nouns"]], where=f"{where} [counts] nouns")
    bad = [kind for kind in counts["qualifiers"].values() if kind not in QUALIFIERS]
    if bad:
        raise DataFileError(f"{where} [counts] qualifiers: {bad[0]!r} is not one of {QUALIFIERS}")
    for word, bounds in counts["vague"].items():
        if not (isinstance(bounds, list) and len(bounds) == 2 and all(isinstance(b, int) for b in bounds)):
            raise DataFileError(f"{where} [counts.vague] {word}: expected [low, high] integers, got {bounds!r}")
    return DealCues(
        source=where,
        statuses=statuses,
        default_status=str(raw["default_status"]),
        descriptions={name: str(raw["status"][name]["description"]) for name in statuses},
        status={
            name: tuple(compile_patterns(raw["status"][name]["cues"], where=f"{where} [status.{name}] cues"))
            for name in statuses
        },
        weak={
            name: tuple(compile_patterns(raw["status"][name].get("weak", []), where=f"{where} [status.{name}] weak"))
            for name in statuses
        },
        context=tuple(compile_patterns(raw["context"].get("cues", []), where=f"{where} [context]")),
        context_statuses=_known(raw["context"].get("statuses", []), statuses, f"{where} [context] statuses"),
        clauses=tuple(compile_patterns(raw["clauses"].get("boundaries", []), where=f"{where} [clauses]")),
        counts=CountVocabulary(
            nouns=str(counts["nouns"]),
            numbers={str(k): int(v) for k, v in counts["numbers"].items()},
            vague={str(k): (int(v[0]), int(v[1]) or None) for k, v in counts["vague"].items()},
            qualifiers={str(k): str(v) for k, v in counts["qualifiers"].items()},
            scope=tuple(str(s) for s in counts["scope"]),
        ),
    )


def as_taxonomy(taxonomy: Taxonomy | str | Path | None) -> Taxonomy:
    """A loaded taxonomy: the given one, or the file at a path (``None`` or "": the shipped one)."""
    return taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy or TAXONOMY_FILE)


def as_cues(cues: DealCues | str | Path | None) -> DealCues:
    """Loaded deal cues: the given ones, or the file at a path (``None`` or "": the shipped ones)."""
    return cues if isinstance(cues, DealCues) else load_deal_cues(cues or CUES_FILE)
