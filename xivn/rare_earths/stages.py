"""The rare-earth stages the runner offers: claims about rare earths, document by document."""

from xivn.corpus.stages import TEXT_FILES, Aggregate, Stage
from xivn.rare_earths.claims import rare_earth_claims

READS = (*TEXT_FILES, "rare_earth_claims.toml", "countries.toml", "cue_exclusions.toml")
OPTIONS = (("rare_earth_claims.toml", "claims"),)
STAGES: tuple[Stage, ...] = (Stage("rare_earth_claims", rare_earth_claims, reads=READS, options=OPTIONS),)
AGGREGATES: tuple[Aggregate, ...] = ()
