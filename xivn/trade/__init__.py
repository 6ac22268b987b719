"""Trade: the money amounts and trade flows stated in the texts, and how they compare with official statistics.

- :mod:`~xivn.trade.money` — money amounts in news English (``parse_amounts``, ``parse_unit``);
- :mod:`~xivn.trade.figures` — :func:`amounts` and :func:`trade_figures` read from the article text
  (cue words in ``data/trade_cues.toml``);
- :mod:`~xivn.trade.checks` — totals, balances, the reference statistics and mirror gaps;
- :mod:`~xivn.trade.stages` — the stages offered to the runner.
"""

from xivn.trade.checks import fact_check_trade, mirror_gaps, trade_balances, trade_consistency, trade_reference
from xivn.trade.figures import amounts, trade_figures
from xivn.trade.money import MoneyAmount, parse_amounts, parse_unit

__all__ = [
    "MoneyAmount",
    "amounts",
    "fact_check_trade",
    "mirror_gaps",
    "parse_amounts",
    "parse_unit",
    "trade_balances",
    "trade_consistency",
    "trade_figures",
    "trade_reference",
]
