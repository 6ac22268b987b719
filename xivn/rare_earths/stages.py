"""The rare-earth stages the runner offers: claims about rare earths, document by document."""

from xivn.corpus.stages import Aggregate, Stage
from xivn.rare_earths.claims import rare_earth_claims

STAGES: tuple[Stage, ...] = (Stage("rare_earth_claims", rare_earth_claims),)
AGGREGATES: tuple[Aggregate, ...] = ()
