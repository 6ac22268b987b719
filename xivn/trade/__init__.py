"""Trade: the money amounts and trade flows stated in the texts, and how they compare with official statistics.

- :mod:`~xivn.trade.money` — money amounts in news English (``parse_amounts``, ``parse_unit``);
- :mod:`~xivn.trade.figures` — :func:`amounts` and :func:`trade_figures` read from the article text
  (cue words in ``data/trade_cues.toml``);
- :mod:`~xivn.trade.checks` — totals, balances, the reference statistics and mirror gaps;
- :mod:`~xivn.trade.selection` — the rows a notebook analyses, shows or charts, chosen by its parameters;
- :mod:`~xivn.trade.prose` and :mod:`~xivn.trade.plots` — the notebook's computed sentences and charts
  (imported on first use: ``xivn.trade.prose.bottom_line(...)``);
- :mod:`~xivn.trade.stages` — the stages offered to the runner.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from xivn.trade.checks import fact_check_trade, mirror_gaps, trade_balances, trade_consistency, trade_reference
from xivn.trade.figures import amounts, trade_figures
from xivn.trade.money import MoneyAmount, parse_amounts, parse_unit
from xivn.trade.selection import analysed_figures, earlier_gaps, unmatched_mirrors, widest_gaps

if TYPE_CHECKING:  # pragma: no cover
    from xivn.trade import plots, prose  # noqa: F401

__all__ = [
    "MoneyAmount",
    "amounts",
    "analysed_figures",
    "earlier_gaps",
    "fact_check_trade",
    "mirror_gaps",
    "parse_amounts",
    "parse_unit",
    "trade_balances",
    "trade_consistency",
    "trade_figures",
    "trade_reference",
    "unmatched_mirrors",
    "widest_gaps",
]

_LAZY = ("plots", "prose")
"""Modules reachable as attributes without an import statement (they load IPython and matplotlib)."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = import_module(f"xivn.trade.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'xivn.trade' has no attribute {name!r}")
