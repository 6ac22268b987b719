"""The deal stages the runner offers: deal mentions with their status, document by document."""

from xivn.corpus.stages import Aggregate, Stage
from xivn.deals.mentions import deal_mentions

STAGES: tuple[Stage, ...] = (Stage("deal_mentions", deal_mentions),)
AGGREGATES: tuple[Aggregate, ...] = ()
