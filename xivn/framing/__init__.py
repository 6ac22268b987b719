"""Framing: how the texts frame the event — frames, tone, voices, keywords, rewrites, the slogan.

- :mod:`~xivn.framing.lexicon` — folding, tokens and named cue lists shared by the framing modules;
- :mod:`~xivn.framing.frames` — frame evidence and profiles, agreement with the hand-coded sample, the slogan;
- :mod:`~xivn.framing.tonality` — tone (VADER) and stance markers (hedges, boosters, evaluative words);
- :mod:`~xivn.framing.speakers` — who is quoted (voices);
- :mod:`~xivn.framing.keywords` — words distinctive of one group of texts (weighted log-odds keyness);
- :mod:`~xivn.framing.near_duplicates` — MinHash/LSH candidate pairs for rewrite detection at scale;
- :mod:`~xivn.framing.rewrite_detection` — which texts rewrite which, in which direction, aligned;
- :mod:`~xivn.framing.stages` — the stages and aggregates offered to the runner;
- :mod:`~xivn.framing.selection` — which rows the notebook shows (shown texts, flagged rewrites, closest
  pairs, who republished whom);
- :mod:`~xivn.framing.checks` — the notebook's invariants (quotes match their offsets);
- :mod:`~xivn.framing.prose` — the notebook's computed sentences;
- :mod:`~xivn.framing.tables` — the notebook's tables, labelled and explained;
- :mod:`~xivn.framing.plots` — the notebook's charts.
"""

from xivn.framing.checks import quote_mismatches
from xivn.framing.frames import (
    frame_agreement,
    frame_evidence,
    frame_profile,
    load_frames,
    select_sources,
    slogan_gloss,
    slogan_renderings,
    slogan_summary,
    written_for,
)
from xivn.framing.keywords import keyness, stable_share, term_occurrences, top_terms
from xivn.framing.near_duplicates import rewrite_candidates
from xivn.framing.plots import (
    draw_frame_intervals,
    draw_heatmap,
    draw_keyness,
    draw_similarity,
    draw_tone,
    draw_voice_mix,
    frame_heatmap,
    frame_intervals_chart,
    keyness_chart,
    similarity_chart,
    tone_chart,
    voice_chart,
)
from xivn.framing.prose import (
    agreement_range,
    attribution_rates,
    bottom_line,
    frame_sets,
    keyness_stability,
    lead_frames,
    own_claims,
    rewrite_story,
    slogan_intro,
    slogan_use,
    tone_and_stance,
    who_republished,
)
from xivn.framing.rewrite_detection import align, alignment_spans, rewrites, similarity_matrix, top_rewrite
from xivn.framing.selection import (
    closest_documents,
    found_rewrites,
    frame_table,
    of_documents,
    pairs_among,
    republications,
    shown_documents,
)
from xivn.framing.speakers import voice_mix, voices
from xivn.framing.tables import (
    shown_agreement,
    shown_alignment,
    shown_changes,
    shown_direction,
    shown_frame_evidence,
    shown_frames,
    shown_keyness,
    shown_pairs,
    shown_republications,
    shown_slogan,
    shown_tones,
    shown_voice_mix,
    shown_voices,
)
from xivn.framing.tonality import stance_markers, tone, tone_profile

__all__ = [
    "agreement_range",
    "align",
    "alignment_spans",
    "attribution_rates",
    "bottom_line",
    "closest_documents",
    "draw_frame_intervals",
    "draw_heatmap",
    "draw_keyness",
    "draw_similarity",
    "draw_tone",
    "draw_voice_mix",
    "found_rewrites",
    "frame_agreement",
    "frame_evidence",
    "frame_heatmap",
    "frame_intervals_chart",
    "frame_profile",
    "frame_sets",
    "frame_table",
    "keyness",
    "keyness_chart",
    "keyness_stability",
    "lead_frames",
    "load_frames",
    "of_documents",
    "own_claims",
    "pairs_among",
    "quote_mismatches",
    "republications",
    "rewrite_candidates",
    "rewrite_story",
    "rewrites",
    "select_sources",
    "shown_agreement",
    "shown_alignment",
    "shown_changes",
    "shown_direction",
    "shown_documents",
    "shown_frame_evidence",
    "shown_frames",
    "shown_keyness",
    "shown_pairs",
    "shown_republications",
    "shown_slogan",
    "shown_tones",
    "shown_voice_mix",
    "shown_voices",
    "similarity_chart",
    "similarity_matrix",
    "slogan_gloss",
    "slogan_intro",
    "slogan_renderings",
    "slogan_summary",
    "slogan_use",
    "stable_share",
    "stance_markers",
    "term_occurrences",
    "tone",
    "tone_and_stance",
    "tone_chart",
    "tone_profile",
    "top_rewrite",
    "top_terms",
    "voice_chart",
    "voice_mix",
    "voices",
    "who_republished",
    "written_for",
]
