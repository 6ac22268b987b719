"""Framing: how the texts frame the visit — frames, tone, voices, keywords, rewrites, the slogan.

- :mod:`~xivn.framing.lexicon` — folding, tokens and named cue lists shared by the framing modules;
- :mod:`~xivn.framing.frames` — frame evidence and profiles, agreement with the hand-coded sample, the slogan;
- :mod:`~xivn.framing.tonality` — tone (VADER) and stance markers (hedges, boosters, evaluative words);
- :mod:`~xivn.framing.speakers` — who is quoted (voices);
- :mod:`~xivn.framing.keywords` — words distinctive of one group of texts (weighted log-odds keyness);
- :mod:`~xivn.framing.near_duplicates` — MinHash/LSH candidate pairs for rewrite detection at scale;
- :mod:`~xivn.framing.rewrite_detection` — which texts rewrite which, in which direction, aligned;
- :mod:`~xivn.framing.stages` — the stages and aggregates offered to the runner;
- :mod:`~xivn.framing.selection` — which rows the notebook shows (shown texts, flagged rewrites, closest pairs);
- :mod:`~xivn.framing.checks` — the notebook's invariants (quotes match their offsets);
- :mod:`~xivn.framing.prose` — the notebook's computed sentences;
- :mod:`~xivn.framing.plots` — the notebook's charts.

``checks``, ``plots``, ``prose`` and ``selection`` are imported on first use (``xivn.framing.prose``), so that
the stages run on worker processes without IPython or matplotlib.
"""

from importlib import import_module
from typing import Any

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

_LAZY = ("checks", "plots", "prose", "selection")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = import_module(f"xivn.framing.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'xivn.framing' has no attribute {name!r}")
