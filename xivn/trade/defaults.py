"""What the trade notebook analyses for an event: whose trade, which year, checked against which table.

:func:`event_defaults` turns the notebook's parameters into a :class:`TradeFocus`, filling each one
left empty from the event profile: the reporter is the event's host, the year the last full year
before the event, the reference table the profile's ``trade`` reference (none when the profile
names none: the checks then compare nothing, and say so).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from xivn.event import EventProfile
from xivn.trade.checks import no_reference, trade_reference

REFERENCE_CHECK = "trade"
"""The name of the trade check in an event profile's ``[references]``."""


@dataclass(frozen=True, eq=False)  # a table is no value to compare
class TradeFocus:
    """Whose trade the notebook analyses (``reporter``), in which calendar ``year``, for which event
    (``profile``), and the official statistics its figures are checked against (``reference``, read
    from ``reference_file``; empty, with ``reference_file`` "", when the event has none)."""

    profile: EventProfile
    reporter: str
    year: int
    reference_file: str
    reference: pd.DataFrame

    @property
    def year_before(self) -> bool:
        """Whether ``year`` is the last full year before the event (the default)."""
        return self.year == self.profile.start.year - 1


def event_defaults(profile: EventProfile, reporter: str = "", year: int = 0, reference_file: str = "") -> TradeFocus:
    """The notebook's ``reporter``, ``year`` and ``reference_file`` with each one left empty (``""``,
    ``0``) taken from ``profile``: its host, the year before it starts, its ``trade`` reference (a
    profile without one gives an empty reference table, never an error)."""
    reference_file = profile.reference_file(REFERENCE_CHECK, reference_file)
    return TradeFocus(
        profile=profile,
        reporter=reporter or profile.host,
        year=year or profile.start.year - 1,
        reference_file=reference_file,
        reference=trade_reference(reference_file) if reference_file else no_reference(),
    )
