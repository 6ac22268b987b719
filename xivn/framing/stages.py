"""The framing stages the runner offers.

Frame evidence and tone work document by document. Rewrite detection needs the whole corpus, but
its two corpus-wide inputs are aggregates made on the workers: MinHash candidate pairs and the
document frequencies that weight the scores, so the main process reads only candidate documents.
"""

from xivn.corpus.stages import TEXT_FILES, Aggregate, Stage
from xivn.framing import near_duplicates, rewrite_detection
from xivn.framing.frames import frame_evidence
from xivn.framing.tonality import tone

STAGES: tuple[Stage, ...] = (
    Stage(
        "frame_evidence",
        frame_evidence,
        reads=(*TEXT_FILES, "frames.toml", "cue_exclusions.toml", "speakers.toml"),
        options=(("frames.toml", "frames"),),
    ),
    Stage("tone", tone, reads=(*TEXT_FILES, "stance_markers.toml", "tone_masks.toml")),
    Stage(
        "rewrites",
        rewrite_detection.rewrites,
        per_document=False,
        inputs=(("near_duplicates", "rewrite_candidates"), ("document_frequencies", "document_frequencies")),
        takes_jobs=True,
    ),
)

AGGREGATES: tuple[Aggregate, ...] = (
    Aggregate(
        "rewrite_candidates",
        map=near_duplicates.sentence_signatures,
        combine=near_duplicates.concat_signatures,
        finish=near_duplicates.document_candidates,
    ),
    Aggregate(
        "document_frequencies",
        map=rewrite_detection.term_counts,
        combine=rewrite_detection.add_term_counts,
        finish=rewrite_detection.frequency_table,
    ),
)
