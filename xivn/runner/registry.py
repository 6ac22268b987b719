"""The one place where analyses are registered: every stage and aggregate the runner can run.

Each analysis package offers its steps in its ``stages`` module; adding an analysis means adding
its ``stages`` module to :data:`ANALYSES`. Stage names are unique across the registry.
"""

from __future__ import annotations

from types import ModuleType

from xivn.corpus import stages as corpus_stages
from xivn.corpus.stages import Aggregate, Stage
from xivn.deals import stages as deal_stages
from xivn.errors import ParameterError
from xivn.framing import stages as framing_stages
from xivn.rare_earths import stages as rare_earth_stages
from xivn.trade import stages as trade_stages

ANALYSES: tuple[ModuleType, ...] = (corpus_stages, trade_stages, deal_stages, framing_stages, rare_earth_stages)
"""The ``stages`` modules of the corpus layer and of every analysis, in the order their stages run."""

STAGES: tuple[Stage, ...] = tuple(entry for module in ANALYSES for entry in module.STAGES)
AGGREGATES: tuple[Aggregate, ...] = tuple(entry for module in ANALYSES for entry in module.AGGREGATES)
REPLACEABLE_FILES: tuple[str, ...] = tuple(sorted({name for entry in STAGES for name, _ in entry.options}))
"""The shipped data files a run may replace by a user's own (``Stage.options``)."""


def stage(name: str) -> Stage:
    """The registered stage called ``name``; raises :class:`~xivn.errors.ParameterError` naming the known ones."""
    for entry in STAGES:
        if entry.name == name:
            return entry
    raise ParameterError(f"unknown stage {name!r} (known: {', '.join(s.name for s in STAGES)})")


def aggregate(name: str) -> Aggregate:
    """The registered aggregate called ``name``; raises :class:`~xivn.errors.ParameterError` naming the known ones."""
    for entry in AGGREGATES:
        if entry.name == name:
            return entry
    raise ParameterError(f"unknown aggregate {name!r} (known: {', '.join(a.name for a in AGGREGATES)})")
