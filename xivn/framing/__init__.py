"""Framing: how the texts frame the visit — frames, tone, voices, keywords, rewrites, the slogan.

- :mod:`~xivn.framing.lexicon` — folding, tokens and named cue lists shared by the framing modules;
- :mod:`~xivn.framing.frames` — frame evidence and profiles, agreement with the hand-coded sample, the slogan;
- :mod:`~xivn.framing.tonality` — tone (VADER) and stance markers (hedges, boosters, evaluative words);
- :mod:`~xivn.framing.speakers` — who is quoted (voices);
- :mod:`~xivn.framing.keywords` — words distinctive of one group of texts (weighted log-odds keyness);
- :mod:`~xivn.framing.near_duplicates` — MinHash/LSH candidate pairs for rewrite detection at scale;
- :mod:`~xivn.framing.rewrite_detection` — which texts rewrite which, in which direction, aligned;
- :mod:`~xivn.framing.stages` — the stages and aggregates offered to the runner.
"""

from xivn.framing.frames import frame_agreement, frame_evidence, frame_profile, select_sources, slogan_renderings
from xivn.framing.keywords import keyness
from xivn.framing.near_duplicates import rewrite_candidates
from xivn.framing.rewrite_detection import align, rewrites
from xivn.framing.speakers import voices
from xivn.framing.tonality import stance_markers, tone

__all__ = [
    "align",
    "frame_agreement",
    "frame_evidence",
    "frame_profile",
    "keyness",
    "rewrite_candidates",
    "rewrites",
    "select_sources",
    "slogan_renderings",
    "stance_markers",
    "tone",
    "voices",
]
