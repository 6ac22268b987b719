"""The trade stages the runner offers: money amounts and trade flows, document by document."""

from xivn.corpus.stages import Aggregate, Stage
from xivn.trade.figures import amounts, trade_figures

STAGES: tuple[Stage, ...] = (Stage("amounts", amounts), Stage("trade_figures", trade_figures))
AGGREGATES: tuple[Aggregate, ...] = ()
