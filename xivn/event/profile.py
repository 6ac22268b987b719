"""The event as data: one profile file says which event the notebooks narrate.

An :class:`EventProfile` holds the facts every page needs about the event: its parties (the
visiting and the host country), its dates and places, the people it is about, the words that
name it, the slogan it promotes, what it produced (the official count of documents signed) and the
reference tables the fact checks read. The 2023 state visit of Xi Jinping to Vietnam ships as
``data/xi_vietnam_2023.toml`` and is the default (:data:`DEFAULT_EVENT`); a profile of another
event of the same kind is a copy of that file with every field changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from xivn.cues.countries import countries
from xivn.cues.datafiles import (
    INTEGER,
    PATTERNS,
    REGEX,
    STRINGS,
    TEXT,
    Entries,
    Field,
    ListOf,
    Schema,
    Table,
    data_error,
    load_data_file,
)
from xivn.paths import data_path, shipped_data_files

DEFAULT_EVENT = "xi_vietnam_2023"
"""The profile shipped with xivn and used when none is given."""
ID = re.compile(r"[a-z][a-z0-9_]*")


class Day(Field):
    """A TOML date (``2023-12-12``, unquoted): a day, not a date and time."""

    expected = "a date (YYYY-MM-DD, unquoted)"
    plural = "dates"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, date) and not isinstance(value, datetime)


DAY = Day()
NONEMPTY_TEXTS = ListOf(TEXT, nonempty=True)
EVENT_SCHEMA = Schema(
    f"{DEFAULT_EVENT}.toml",
    Table(
        required={
            "id": TEXT,
            "name": TEXT,
            "kind": TEXT,
            "visitor": TEXT,
            "host": TEXT,
            "start": DAY,
            "end": DAY,
            "places": NONEMPTY_TEXTS,
            "participant": Entries(
                Table(required={"name": TEXT, "role": TEXT, "country": TEXT}, optional={"aliases": PATTERNS}),
                array=True,
                nonempty=True,
            ),
            "terms": ListOf(REGEX, nonempty=True),
        },
        optional={
            "near_days": INTEGER,
            "slogan": Table(
                required={"text": TEXT, "renderings": ListOf(REGEX, nonempty=True)}, optional={"original": TEXT}
            ),
            "outcomes": Table(required={"source": TEXT}, optional={"count": INTEGER, "list": TEXT}),
            "references": Entries(TEXT),
            "corridor": Table(required={"name": TEXT, "stations": STRINGS}),
        },
    ),
)
"""An event profile file: see the header of ``data/xi_vietnam_2023.toml`` for each field."""


@dataclass(frozen=True)
class Participant:
    """A person the event is about: ``name`` as news writes it, ``role`` at the time of the event,
    ``country`` (a gazetteer name) and ``aliases`` (case-sensitive regular expressions)."""

    name: str
    role: str
    country: str
    aliases: tuple[str, ...] = ()

    @property
    def patterns(self) -> tuple[str, ...]:
        """The regular expressions that find the person: the name as written, then the aliases."""
        return (rf"\b{re.escape(self.name)}\b", *self.aliases)


@dataclass(frozen=True)
class Slogan:
    """The formula the event promotes: its usual English ``text``, the ``original`` wording, and
    the ``renderings`` (case-insensitive regular expressions, longest first)."""

    text: str
    renderings: tuple[str, ...]
    original: str = ""


@dataclass(frozen=True)
class Outcomes:
    """What the event produced: the official ``count`` of documents signed (None when no source
    states one), the ``source`` of that count, and the data file that lists them ("" when none)."""

    source: str
    count: int | None = None
    list_file: str = ""


@dataclass(frozen=True)
class Reference:
    """The reference table one fact check reads: a file name shipped with xivn, or a path."""

    check: str
    file: str


@dataclass(frozen=True)
class Corridor:
    """A route the coverage ties to the event: its ``name`` and ``stations`` in route order."""

    name: str
    stations: tuple[str, ...]


@dataclass(frozen=True)
class EventProfile:
    """The validated contents of an event profile file (see :data:`EVENT_SCHEMA`)."""

    id: str
    name: str
    kind: str
    visitor: str
    host: str
    start: date
    end: date
    places: tuple[str, ...]
    participants: tuple[Participant, ...]
    terms: tuple[str, ...]
    near_days: int = 7
    slogan: Slogan | None = None
    outcomes: Outcomes | None = None
    references: tuple[Reference, ...] = ()
    corridor: Corridor | None = None
    file: str = ""  # the name of the file the profile was read from

    @property
    def parties(self) -> tuple[str, str]:
        """The two countries, visitor first."""
        return (self.visitor, self.host)

    @property
    def pair(self) -> str:
        """The event's country pair as every table labels a pair: sorted and joined with "-"."""
        return pair_label(self.parties)

    @property
    def window(self) -> tuple[date, date]:
        """The days that count as near the event: ``near_days`` either side of its dates."""
        margin = timedelta(days=self.near_days)
        return (self.start - margin, self.end + margin)

    @property
    def month(self) -> str:
        """The month the event began, ``YYYY-MM``: what fact checks are made as of by default."""
        return self.start.strftime("%Y-%m")

    def reference_file(self, check: str, given: str = "") -> str:
        """The reference table a check reads: ``given`` (a notebook parameter) when not empty, else
        the profile's table for ``check``, else "" (the profile names none: nothing is checked)."""
        return given or next((reference.file for reference in self.references if reference.check == check), "")

    def reference(self, check: str) -> str:
        """The reference table the fact check ``check`` reads; a :class:`~xivn.errors.DataFileError`
        naming the profile and the known checks when the profile gives none."""
        for reference in self.references:
            if reference.check == check:
                return reference.file
        known = ", ".join(r.check for r in self.references) or "none"
        problem = f"no reference table given (given: {known})"
        raise data_error(self.file or f"{self.id}.toml", f"references.{check}", problem)


def pair_label(countries: tuple[str, ...] | list[str]) -> str:
    """A pair of countries as a label: their names sorted and joined with "-" ("China-Vietnam")."""
    return "-".join(sorted(countries))


def profile_path(name_or_path: str | Path) -> Path:
    """Where a profile is: a bare name (``"xi_vietnam_2023"``, with or without ``.toml``) means a
    profile shipped with xivn, anything else is a path."""
    path = Path(name_or_path)
    if path.parent == Path(".") and path.suffix != ".toml":
        path = path.with_name(path.name + ".toml")
    return data_path(path)


def shipped_events() -> list[str]:
    """The names of the event profiles shipped with xivn: the TOML files beside the default profile
    (but the scope rules, ``scope.toml``)."""
    folder = data_path(f"{DEFAULT_EVENT}.toml").parent
    return sorted(path.stem for path in folder.glob("*.toml") if path.name != "scope.toml")


def load_event(name_or_path: str | Path = DEFAULT_EVENT) -> EventProfile:
    """Load and validate an event profile (by default the 2023 state visit shipped with xivn).

    Raises :class:`~xivn.errors.DataFileError` naming the file and the bad entry: a field missing,
    misspelt or of the wrong type, a bad regular expression, a country not in the gazetteer, an end
    before the start, a negative count, a reference table that does not exist."""
    path = profile_path(name_or_path)
    if not path.is_file():
        shipped = ", ".join(shipped_events())
        raise data_error(str(name_or_path), "", f"no such event profile (shipped with xivn: {shipped}; or give a path)")
    raw = load_data_file(path, EVENT_SCHEMA)
    where = path.name
    _check_fields(raw, where)
    return EventProfile(
        id=raw["id"],
        name=raw["name"],
        kind=raw["kind"],
        visitor=raw["visitor"],
        host=raw["host"],
        start=raw["start"],
        end=raw["end"],
        places=tuple(raw["places"]),
        participants=tuple(
            Participant(p["name"], p["role"], p["country"], tuple(p.get("aliases", []))) for p in raw["participant"]
        ),
        terms=tuple(raw["terms"]),
        near_days=raw.get("near_days", EventProfile.near_days),
        slogan=_slogan(raw.get("slogan")),
        outcomes=_outcomes(raw.get("outcomes"), path),
        references=tuple(
            Reference(check, _reference_file(file, path, f"references.{check}"))
            for check, file in raw.get("references", {}).items()
        ),
        corridor=Corridor(raw["corridor"]["name"], tuple(raw["corridor"]["stations"])) if "corridor" in raw else None,
        file=where,
    )


def _check_fields(raw: dict[str, Any], where: str) -> None:
    """What the schema cannot say: an id's form, gazetteer countries, the dates' order, counts."""
    if not ID.fullmatch(raw["id"]):
        raise data_error(where, "id", f"expected lower-case letters, digits and underscores, got {raw['id']!r}")
    _check_country(raw["visitor"], where, "visitor")
    _check_country(raw["host"], where, "host")
    if raw["visitor"] == raw["host"]:
        raise data_error(where, "host", f"the host is the visitor ({raw['host']!r}); an event has two parties")
    if raw["end"] < raw["start"]:
        raise data_error(where, "end", f"{raw['end']} is before the start {raw['start']}")
    if raw.get("near_days", 0) < 0:
        raise data_error(where, "near_days", f"expected a number of days, 0 or more, got {raw['near_days']}")
    for n, participant in enumerate(raw["participant"], start=1):
        _check_country(participant["country"], where, f"participant.{n}.country")
    if raw.get("outcomes", {}).get("count", 0) < 0:
        raise data_error(where, "outcomes.count", f"expected a count, 0 or more, got {raw['outcomes']['count']}")


def _check_country(name: str, where: str, entry: str) -> None:
    kinds = countries().kinds
    if kinds.get(name) != "country":
        near = [known for known, kind in kinds.items() if kind == "country" and known.lower() == name.lower()]
        hint = f" (did you mean {near[0]!r}?)" if near else " (see xivn/cues/data/countries.toml)"
        raise data_error(where, entry, f"{name!r} is not a country of the gazetteer{hint}")


def _slogan(raw: dict[str, Any] | None) -> Slogan | None:
    if raw is None:
        return None
    return Slogan(raw["text"], tuple(raw["renderings"]), raw.get("original", ""))


def _outcomes(raw: dict[str, Any] | None, path: Path) -> Outcomes | None:
    if raw is None:
        return None
    listed = _reference_file(raw["list"], path, "outcomes.list") if "list" in raw else ""
    return Outcomes(raw["source"], raw.get("count"), listed)


def _reference_file(file: str, profile: Path, entry: str) -> str:
    """A reference file as given when it is shipped with xivn, else its path from the profile's folder."""
    given = Path(file)
    if given.parent == Path(".") and given.name in shipped_data_files():
        return file
    resolved = given.expanduser() if given.is_absolute() else profile.parent / given
    if not resolved.is_file():
        raise data_error(profile.name, entry, f"no data file {file!r}: not shipped with xivn, not beside the profile")
    return str(resolved)
