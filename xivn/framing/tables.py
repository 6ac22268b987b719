"""The framing notebook's tables as a reader sees them: document labels instead of ids, readable
headers with notes, values formatted and missing values as words (through :func:`xivn.display.tables.table`).

Each ``shown_*`` function takes the raw table an analysis function returns (which stays as it is,
for anyone computing with it) and picks, labels and explains the columns a reader needs.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from xivn.display.tables import Column, Table, table, with_labels
from xivn.display.wording import rows_note
from xivn.framing.frames import Gloss
from xivn.framing.speakers import speaker_classes

TEXT = Column("Text")
SENTENCE = Column("Sentence", "count", note="the sentence's number in its text, from 0")
QUOTE = Column("Sentence as written", "quote")


def shown_frames(profile: pd.DataFrame, max_rows: int) -> Table:
    """The frames each text uses (frame profile rows with at least one sentence), largest share
    first within each text, the first ``max_rows`` of them: the numbers of the frame chart."""
    order = {doc_id: i for i, doc_id in enumerate(dict.fromkeys(profile["doc_id"]))}
    present = profile[profile["n_sentences"].fillna(0) > 0]
    present = present.assign(order=present["doc_id"].map(order))
    rows = present.sort_values(["order", "share", "frame_id"], ascending=[True, False, True])
    counts = rows["n_sentences"].astype(int).map("{:,}".format).astype(str)
    totals = rows["n_article_sentences"].astype(int).map("{:,}".format).astype(str)
    rows = rows.assign(k_of_n=counts + " of " + totals)
    columns = {
        "label": TEXT,
        "frame_label": Column("Frame"),
        "k_of_n": Column("Sentences", note="sentences with the frame, of the text's article sentences"),
        "share": Column("Share", "percent", digits=0),
        "wilson_low": Column("Low", "percent", digits=0, note="95% Wilson interval of the share, low end"),
        "wilson_high": Column("High", "percent", digits=0, note="95% Wilson interval of the share, high end"),
        "n_attributed": Column(
            "Voiced by a source", "count", note="frame sentences whose cue a source is reported saying"
        ),
    }
    caption = rows_note(len(rows), min(len(rows), max_rows), "text-and-frame rows").strip()
    return table(rows.head(max_rows), columns, caption=caption)


def shown_frame_evidence(rows: pd.DataFrame, labels: Mapping[str, str], max_rows: int) -> Table:
    """Frame sentences (rows of a frame evidence table): the text, the sentence, the cue that fired,
    whether a source voices it, and the sentence whole; the first ``max_rows``."""
    shown = with_labels(rows, labels, "doc_id")
    columns = {
        "doc_id_label": TEXT,
        "sent_id": SENTENCE,
        "cue": Column("Cue", note="the words of the frame dictionary that fired"),
        "attributed": Column("Voiced by a source", "flag", note="the cue sits in words the text reports from a source"),
        "quote": QUOTE,
    }
    caption = rows_note(len(shown), min(len(shown), max_rows), "sentences").strip()
    return table(shown.head(max_rows), columns, caption=caption)


def shown_agreement(agreement: pd.DataFrame) -> Table:
    """The dictionary against the hand coding, per frame; a measure that is undefined (no sentence
    of the sample has the frame) reads "undefined"."""
    undefined = "undefined"
    columns = {
        "frame_label": Column("Frame"),
        "n": Column("Sentences", "count", note="hand-coded sentences compared"),
        "n11": Column("Both", "count", note="sentences both the hand coder and the dictionary give the frame"),
        "n10": Column("Hand only", "count", note="the hand coder gives the frame, the dictionary misses it"),
        "n01": Column("Dictionary only", "count", note="the dictionary gives the frame, the hand coder does not"),
        "agreement": Column("Agreement", "percent", note="sentences coded the same way"),
        "precision": Column(
            "Precision",
            "percent",
            missing=undefined,
            note="of the dictionary's sentences, the share the hand coder also codes",
        ),
        "recall": Column(
            "Recall", "percent", missing=undefined, note="of the hand coder's sentences, the share the dictionary finds"
        ),
        "kappa": Column(
            "Cohen's kappa", "number", digits=2, missing=undefined, note="agreement beyond chance, 1 = perfect"
        ),
    }
    return table(agreement, columns)


def shown_tones(profile: pd.DataFrame) -> Table:
    """Tone and certainty per text (rows of a tone profile): the median tone with its interval and
    the stance markers per 1,000 article words."""
    per_1000 = "per 1,000 article words"
    columns = {
        "label": TEXT,
        "n_sentences": Column("Sentences", "count"),
        "median_tone": Column("Median tone", "number", digits=2, note="median VADER compound score, −1 to +1"),
        "ci_low": Column("Low", "number", digits=2, note="95% bootstrap interval of the median tone, low end"),
        "ci_high": Column("High", "number", digits=2, note="95% bootstrap interval of the median tone, high end"),
        "n_positive": Column("Positive", "count", note="sentences scoring 0.05 or more"),
        "n_negative": Column("Negative", "count", note="sentences scoring −0.05 or less"),
        "hedge_per_1000": Column("Hedges", "number", note=f"hedges ('may', 'could', 'possible') {per_1000}"),
        "booster_per_1000": Column("Boosters", "number", note=f"boosters ('clearly', 'certainly') {per_1000}"),
        "attitude_per_1000": Column("Evaluative words", "number", note=f"evaluative words {per_1000}"),
    }
    return table(profile, columns)


def shown_voice_mix(mix: pd.DataFrame, labels: Mapping[str, str]) -> Table:
    """Attributions per text and speaker class (rows of a voice mix), with the rate per 1,000 words."""
    shown = with_labels(mix, labels, "doc_id")
    fixed = ("doc_id", "doc_id_label", "total", "n_words", "per_1000_words")
    classes = {name: Column(str(name), "count") for name in shown.columns if name not in fixed}
    columns = {
        "doc_id_label": TEXT,
        **classes,
        "total": Column("All", "count"),
        "n_words": Column("Article words", "count"),
        "per_1000_words": Column("Per 1,000 words", "number", note="attributions per 1,000 article words"),
    }
    return table(shown, columns)


def shown_voices(voice_table: pd.DataFrame, labels: Mapping[str, str], max_rows: int) -> Table:
    """Who is quoted (rows of a voices table): the text, the sentence, how the words are reported,
    the speaker and their class, the sentence whole; the first ``max_rows``."""
    shown = with_labels(voice_table, labels, "doc_id")
    shown = shown.assign(form=shown["form"].str.replace("_", " "))
    columns = {
        "doc_id_label": TEXT,
        "sent_id": SENTENCE,
        "form": Column(
            "Form",
            note="direct: in quotation marks; indirect: reported; source phrase: 'according to'; "
            "nested: quoted by a medium",
        ),
        "cue": Column("Reporting words"),
        "speaker": Column("Speaker", missing="none named"),
        "speaker_label": Column("Speaker class"),
        "quote": QUOTE,
    }
    caption = rows_note(len(shown), min(len(shown), max_rows), "attributions").strip()
    return table(shown.head(max_rows), columns, caption=caption)


def shown_keyness(top: pd.DataFrame, labels: Mapping[str, str]) -> Table:
    """The words that set each text apart (rows of a keyness table), as written in the texts."""
    shown = with_labels(top, labels, "doc_id")
    columns = {
        "doc_id_label": TEXT,
        "rank": Column("Rank", "count"),
        "form": Column("Word", note="as most often written; counted without case"),
        "count": Column("In the text", "count"),
        "count_rest": Column("In the others", "count", note="uses in all the other texts together"),
        "per_1000": Column("Per 1,000 words", "number", note="uses per 1,000 counted words of the text"),
        "z": Column("z", "number", digits=2, note="weighted log-odds over its standard error: a ranking, not a test"),
    }
    return table(shown, columns)


def shown_pairs(pairs: pd.DataFrame, labels: Mapping[str, str], max_rows: int) -> Table:
    """Scored pairs of texts (rows of a rewrites table), closest first: each pair's larger
    containment and coverage, whether it is flagged and, for a flagged pair, the direction vote."""
    shown = with_labels(pairs, labels, "doc_a", "doc_b", "original")
    flagged = shown["original"].fillna("") != ""
    votes = shown["votes_for"].astype("Int64").astype(str) + " of " + shown["signals"].astype("Int64").astype(str)
    shown = shown.assign(
        containment=shown[["c3_ab", "c3_ba"]].max(axis=1),
        coverage=shown[["coverage_ab", "coverage_ba"]].max(axis=1),
        votes=votes.where(flagged),
        confidence=shown["confidence"].where(flagged),
    )
    not_flagged = "— for a pair that is not a rewrite"
    columns = {
        "doc_a_label": Column("Text"),
        "doc_b_label": Column("Other text"),
        "containment": Column(
            "3-gram containment", "percent", note="the larger share of one text's word 3-grams found in the other"
        ),
        "coverage": Column(
            "Sentence coverage",
            "percent",
            note="the larger share of one text's sentences matched in the other (TF-IDF cosine ≥ 0.4)",
        ),
        "cos_doc": Column("Cosine", "number", digits=2, note="TF-IDF cosine of the two texts' content words"),
        "is_derivation": Column(
            "Rewrite", "flag", note="passes the rewrite rule (containment ≥ 8% and coverage ≥ 15%)"
        ),
        "original_label": Column(
            "Original", note=f"the text the direction signals point to as the original; {not_flagged}"
        ),
        "votes": Column(
            "Signals agreeing",
            note="direction signals pointing to the original, of those that do not abstain",
        ),
        "confidence": Column("Confidence", note="high: 3 or more signals agree, none disagrees"),
    }
    caption = rows_note(len(shown), min(len(shown), max_rows), "scored pairs").strip()
    return table(shown.head(max_rows), columns, caption=caption)


def shown_direction(evidence: pd.DataFrame, original: str, derived: str, labels: Mapping[str, str]) -> Table:
    """The direction signals of a rewrite (a direction evidence table of ``original`` and
    ``derived``): each text's measurement, which text the signal points to, the rule."""
    shown = with_labels(evidence.assign(original=evidence["original"].replace("", None)), labels, "original")
    columns = {
        "signal": Column("Signal"),
        "value_a": Column(labels.get(original) or original or "Original"),
        "value_b": Column(labels.get(derived) or derived or "Rewrite"),
        "original_label": Column(
            "Points to as original", missing="abstains", note="abstains: data missing or a difference under 25%"
        ),
        "rule": Column("Rule"),
    }
    return table(shown, columns)


def shown_alignment(alignment: pd.DataFrame, max_rows: int) -> Table:
    """A rewrite's sentences against its original's (an alignment table), in the rewrite's order:
    "none" where a sentence has no counterpart; the first ``max_rows``."""
    ids = ["original_sent_id", "derived_sent_id"]
    shown = alignment.assign(**{c: alignment[c].where(alignment[c].astype(int) >= 0) for c in ids})
    shown = shown.assign(status=shown["status"].str.replace("_", " "))
    none = "none"
    columns = {
        "status": Column(
            "Status",
            note="aligned: kept; review: a partial match to check by eye; derived only: "
            "added by the rewrite; original only: left out of it",
        ),
        "similarity": Column("Similarity", "number", digits=2, note="TF-IDF cosine of the two sentences"),
        "original_sent_id": Column("Original sentence", "count", missing=none),
        "original_quote": Column("In the original", "quote", missing=none),
        "derived_sent_id": Column("Rewrite sentence", "count", missing=none),
        "derived_quote": Column("In the rewrite", "quote", missing=none),
    }
    caption = rows_note(len(shown), min(len(shown), max_rows), "sentence pairs").strip()
    return table(shown.head(max_rows), columns, caption=caption)


def shown_changes(changes: pd.DataFrame, max_rows: int) -> Table:
    """What the rewrite changed in each kept sentence (a rewrite changes table): tone, hedges
    dropped, evaluative words added, whose voice was lost; the first ``max_rows``."""
    classes = dict(speaker_classes().itertuples(index=False))

    def voiced(value: object) -> str | None:
        names = [classes.get(c.strip(), c.strip()) for c in str(value or "").split(",") if c.strip()]
        return ", ".join(names) or None

    dropped = changes["attribution_dropped"].astype("boolean").fillna(False).astype(bool)
    shown = changes.assign(voice_lost=changes["source_original"].map(voiced).where(dropped))
    none = "none"
    columns = {
        "sent_id": Column("Original sentence", "count"),
        "derived_sent_ids": Column("Rewrite sentences"),
        "tone_delta": Column(
            "Tone change", "number", digits=2, note="the rewrite's tone minus the original's (−2 to +2)"
        ),
        "hedges_dropped": Column("Hedges dropped", missing=none),
        "evaluative_added": Column("Evaluative words added", missing=none),
        "voice_lost": Column(
            "Voice lost", missing=none, note="the source the original reports and the rewrite does not"
        ),
        "quote": Column("Original sentence as written", "quote"),
        "derived_quote": Column("Rewritten as", "quote"),
    }
    caption = rows_note(len(shown), min(len(shown), max_rows), "kept sentences").strip()
    return table(shown.head(max_rows), columns, caption=caption)


def shown_slogan(summary: pd.DataFrame, gloss: Gloss | None) -> Table:
    """How each text renders the slogan (rows of a slogan summary); a column for the meaning of the
    slogan's original wording when there is a ``gloss`` of it (:func:`~xivn.framing.frames.slogan_gloss`)."""
    columns = {
        "label": TEXT,
        "mentions": Column("Renderings", "count"),
        "in_quotes": Column("In quotation marks", "count"),
        "forms": Column("As written", missing="not used"),
    }
    if gloss is not None:
        columns["meaning_note"] = Column(f"Mentions {gloss.meaning}", "flag")
    columns["explains"] = Column("Explains the wording", "flag", note="glosses the translation ('in Chinese', 'means')")
    return table(summary, columns)


def shown_republications(republished: pd.DataFrame, max_rows: int) -> Table:
    """Who republished whom (rows of a republications table), the first ``max_rows`` groups."""
    columns = {
        "source": Column("Source text"),
        "source_outlet": Column("Outlet", missing="not stated"),
        "source_date": Column("Date", missing="undated"),
        "republished_by": Column("Republished by"),
        "n_copies": Column("Copies", "count"),
        "match": Column("Match", note="exact: the same words; near: lightly edited"),
    }
    return table(republished.head(max_rows), columns)
