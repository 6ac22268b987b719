"""Trade: the money amounts and trade flows stated in the texts, and how they compare with official statistics.

- :mod:`~xivn.trade.money` — money amounts in news English (``parse_amounts``, ``parse_unit``);
- :mod:`~xivn.trade.figures` — :func:`amounts` and :func:`trade_figures` read from the article text
  (cue words in ``data/trade_cues.toml``), with :mod:`~xivn.trade.parties` (who trades with whom, from
  the grammar) and :mod:`~xivn.trade.periods` (years, fiscal years, months);
- :mod:`~xivn.trade.rates` — the Federal Reserve's annual average exchange rates (``data/usd_rates.csv``)
  that convert figures in other currencies;
- :mod:`~xivn.trade.checks` — totals, balances, the reference statistics and mirror gaps;
- :mod:`~xivn.trade.defaults` — :func:`event_defaults`: whose trade, which year and which reference
  table, the parameters left empty taken from the event profile;
- :mod:`~xivn.trade.selection` — the rows the notebook analyses, shows or charts, chosen by its parameters;
- :mod:`~xivn.trade.prose` — the notebook's computed sentences (what is analysed, bottom line, flows, figures
  not used, totals, ratios, pattern, the reference table, attribution, mirror figures);
- :mod:`~xivn.trade.tables` — its tables as shown (labelled, explained columns);
- :mod:`~xivn.trade.plots` — its charts (stated trade, balances, gaps to the official figures);
- :mod:`~xivn.trade.stages` — the stages offered to the runner.
"""

from xivn.trade import tables as tables  # the notebook reaches trade.tables
from xivn.trade.checks import (
    fact_check_trade,
    mirror_gaps,
    no_reference,
    trade_balances,
    trade_consistency,
    trade_reference,
)
from xivn.trade.defaults import TradeFocus, event_defaults
from xivn.trade.figures import amounts, trade_figures
from xivn.trade.money import MoneyAmount, parse_amounts, parse_unit
from xivn.trade.plots import balance_bars, gap_bars, stated_trade
from xivn.trade.prose import (
    attribution_sentence,
    bottom_line,
    figures_sentence,
    focus_sentence,
    mirror_sentence,
    pattern_sentence,
    ratios_sentence,
    reference_sentence,
    totals_sentence,
    unused_sentence,
)
from xivn.trade.rates import usd_rates
from xivn.trade.selection import analysed_figures, earlier_gaps, unmatched_mirrors, usable_figures, widest_gaps

__all__ = [
    "MoneyAmount",
    "TradeFocus",
    "amounts",
    "analysed_figures",
    "attribution_sentence",
    "balance_bars",
    "bottom_line",
    "earlier_gaps",
    "event_defaults",
    "fact_check_trade",
    "figures_sentence",
    "focus_sentence",
    "gap_bars",
    "mirror_gaps",
    "mirror_sentence",
    "no_reference",
    "parse_amounts",
    "parse_unit",
    "pattern_sentence",
    "ratios_sentence",
    "reference_sentence",
    "stated_trade",
    "totals_sentence",
    "trade_balances",
    "trade_consistency",
    "trade_figures",
    "trade_reference",
    "unmatched_mirrors",
    "unused_sentence",
    "usable_figures",
    "usd_rates",
    "widest_gaps",
]
