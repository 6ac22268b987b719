"""The deal stages the runner offers: deal mentions with their status, document by document."""

from xivn.corpus.stages import TEXT_FILES, Aggregate, Stage
from xivn.deals.mentions import deal_mentions

READS = (*TEXT_FILES, "deal_taxonomy.toml", "deal_cues.toml", "deal_parties.toml", "countries.toml")
OPTIONS = (("deal_taxonomy.toml", "taxonomy"), ("deal_cues.toml", "cues"))
STAGES: tuple[Stage, ...] = (Stage("deal_mentions", deal_mentions, reads=READS, options=OPTIONS),)
AGGREGATES: tuple[Aggregate, ...] = ()
