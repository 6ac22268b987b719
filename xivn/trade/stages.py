"""The trade stages the runner offers: money amounts and trade flows, document by document."""

from xivn.corpus.stages import TEXT_FILES, Aggregate, Stage
from xivn.trade.figures import amounts, trade_figures

READS = (*TEXT_FILES, "trade_cues.toml", "countries.toml")
STAGES: tuple[Stage, ...] = (Stage("amounts", amounts, reads=READS), Stage("trade_figures", trade_figures, reads=READS))
AGGREGATES: tuple[Aggregate, ...] = ()
