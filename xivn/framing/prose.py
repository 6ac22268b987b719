"""The framing notebook's computed sentences, one function per sentence.

Every function takes tables (and scalars) and returns a :class:`~xivn.display.markdown.Markdown`;
corpus text (labels, quotes) and the labels of the frame dictionary go through
:func:`~xivn.display.escaping.escape_markdown`, counts through :func:`~xivn.display.wording.counted`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

from xivn.display.escaping import escape_markdown
from xivn.display.markdown import Markdown
from xivn.display.wording import counted, documents_note, name_list, rows_note
from xivn.event import EventProfile
from xivn.event.profile import Slogan
from xivn.framing.frames import Frame, Gloss
from xivn.framing.keywords import stable_share

SHOWN_WHAT = "frame sentences"
"""What the shown documents have the most of (see :func:`xivn.framing.selection.shown_documents`)."""


# ------------------------------------------------------------------------------ generic wording
def of_total(k: int, n: int, noun: str, plural: str | None = None) -> str:
    """ "``k`` of ``n`` nouns", the noun in the number of ``n``: "3 of 5 texts", "1 of 1 text"."""
    return f"{k:,} of {counted(n, noun, plural)}"


def agrees(n: float, singular: str, plural: str) -> str:
    """The verb form that agrees with a count: ``singular`` for 1, else ``plural`` ("is" / "are")."""
    return singular if n == 1 else plural


def percent(share: float | None) -> str:
    """A share as a whole percentage ("24%"), or "n/a" when it is missing."""
    return "n/a" if _missing(share) else f"{share:.0%}"


def signed(value: float | None, digits: int = 2) -> str:
    """A signed number ("+0.30", "-0.12"), or "n/a" when it is missing."""
    return "n/a" if _missing(value) else f"{value:+.{digits}f}"


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _number(value: object) -> float:
    """A count or rate read from a table, 0 when it is missing."""
    return 0.0 if _missing(value) else float(value)


def _label(labels: Mapping[str, str], doc_id: str) -> str:
    """A document's label as Markdown (escaped), its doc_id when it has no label."""
    label = labels.get(doc_id)
    return escape_markdown(doc_id if _missing(label) or label == "" else label)


def _sentences_of(k: object, n: object) -> str:
    return of_total(int(_number(k)), int(_number(n)), "sentence")


def _text(value: object) -> str:
    """A piece of corpus text (or a table value) as escaped Markdown; "" when missing."""
    return "" if _missing(value) else escape_markdown(str(value))


# ------------------------------------------------------------------------------------ sentences
def bottom_line(profile: pd.DataFrame, found: pd.DataFrame, labels: Mapping[str, str]) -> Markdown:
    """The "Bottom line": which texts use the symbolic-vs-substantive frame, and the first flagged rewrite.

    ``profile`` is a :func:`~xivn.framing.frames.frame_profile`, ``found`` the flagged rewrites
    (:func:`~xivn.framing.selection.found_rewrites`), ``labels`` doc_id -> label in corpus order.
    """
    return Markdown(f"**Bottom line.** {_symbolic_part(profile, labels)}{_rewrite_part(found, labels)}")


def _symbolic_part(profile: pd.DataFrame, labels: Mapping[str, str]) -> str:
    symbolic = profile[(profile["frame_id"] == "symbolic_outcome") & (profile["n_sentences"].fillna(0) > 0)]
    n_texts = len(labels)
    if n_texts == 0:
        return "No text is analysed."
    if symbolic.empty:
        if n_texts == 1:
            return "The text does not use the symbolic-vs-substantive frame."
        return f"None of the {n_texts:,} texts uses the symbolic-vs-substantive frame."
    users = set(symbolic["doc_id"])
    counts = name_list(
        f"{_label(labels, row.doc_id)}: {_sentences_of(row.n_sentences, row.n_article_sentences)}"
        for row in symbolic.itertuples(index=False)
    )
    absent = [_label(labels, doc_id) for doc_id in labels if doc_id not in users]
    absent_part = f"; absent from {name_list(absent)}" if absent else ""
    return (
        f"The symbolic-vs-substantive frame appears in {of_total(len(users), n_texts, 'text')} ({counts}{absent_part})."
    )


def _rewrite_part(found: pd.DataFrame, labels: Mapping[str, str]) -> str:
    if found.empty:
        return " No pair of texts passes the rewrite rule."
    top = found.iloc[0]
    votes, signals = int(_number(top["votes_for"])), int(_number(top["signals"]))
    confidence = "" if _missing(top["confidence"]) else f"; confidence {_text(top['confidence'])}"
    return (
        f" *{_label(labels, top['derived'])}* is a rewrite of *{_label(labels, top['original'])}* "
        f"({of_total(votes, signals, 'direction signal')} {agrees(votes, 'agrees', 'agree')}{confidence})."
    )


def frame_sets(frames: Sequence[Frame], written_for: str, profile: EventProfile) -> Markdown:
    """How many generic and event frames the dictionary holds, and whether its event frames were
    written for the event analysed (``written_for``: the profile id the dictionary names)."""
    n_generic = sum(frame.set == "generic" for frame in frames)
    n_event = sum(frame.set == "event" for frame in frames)
    opening = f"The dictionary holds {counted(n_generic, 'generic news frame')} and {counted(n_event, 'event frame')}"
    if n_event == 0:
        return Markdown(f"{opening}.")
    if not written_for:
        return Markdown(f"{opening}; it names no event its event frames were written for.")
    if written_for == profile.id:
        return Markdown(f"{opening}, written for this event ({escape_markdown(written_for)}).")
    return Markdown(
        f"{opening}, written for another event ({escape_markdown(written_for)}), not for this one "
        f"({escape_markdown(profile.id)}): they are applied as written, so an event frame may be absent "
        "here, or fire on wording that meant something else there."
    )


def lead_frames(shown: pd.DataFrame, n_documents: int, n_shown: int) -> Markdown:
    """ "Each text's most frequent frame: ...", for the shown rows of a frame profile."""
    present = shown[shown["n_sentences"].fillna(0) > 0]
    ranked = present.sort_values(["doc_id", "share", "frame_id"], ascending=[True, False, True])
    lead = ranked.groupby("doc_id", sort=False).head(1)
    if lead.empty:
        return Markdown("No frame cue fires in any sentence of this corpus.")
    parts = [
        f"*{escape_markdown(str(row.label))}* — {_text(row.frame_label)} "
        f"({_sentences_of(row.n_sentences, row.n_article_sentences)}, "
        f"95% Wilson interval {percent(row.wilson_low)}–{percent(row.wilson_high)})"
        for row in lead.itertuples(index=False)
    ]
    note = documents_note(n_documents, n_shown, SHOWN_WHAT)
    return Markdown("Each text's most frequent frame: " + "; ".join(parts) + "." + note)


def own_claims(symbolic_rows: pd.DataFrame, labels: Mapping[str, str], shown: Sequence[str], max_rows: int) -> Markdown:
    """How many symbolic-outcome sentences of each shown text are the author's own claim (not attributed)."""
    if symbolic_rows.empty:
        return Markdown("No sentence of this corpus carries the symbolic-vs-substantive frame.")
    attributed = symbolic_rows["attributed"].astype("boolean").fillna(False).astype(bool)
    voiced = attributed.groupby(symbolic_rows["doc_id"]).agg(["sum", "size"])
    own = voiced["size"] - voiced["sum"]
    shown_ids = set(shown)
    parts = [
        f"*{_label(labels, doc_id)}*: {of_total(int(own[doc_id]), int(size), 'symbolic-outcome sentence')} "
        f"{agrees(int(own[doc_id]), 'is', 'are')} the author's own claim"
        for doc_id, size in voiced["size"].items()
        if doc_id in shown_ids
    ]
    text = "; ".join(parts) + "." if parts else ""
    if len(parts) < len(voiced):  # some texts with the frame are not listed: the whole corpus's count
        text += f" In all {counted(len(voiced), 'text')}: {of_total(int(own.sum()), len(symbolic_rows), 'sentence')}."
    return Markdown((text + rows_note(len(symbolic_rows), max_rows, "sentences")).strip())


def agreement_range(agreement: pd.DataFrame) -> Markdown:
    """Cohen's kappa of the dictionary against the hand coding: its range and median over the frames."""
    defined = agreement.dropna(subset=["kappa"])
    if defined.empty:
        return Markdown("None of the hand-coded sentences is in this corpus, so agreement cannot be measured here.")
    n_coded = int(_number(agreement["n"].max()))
    undefined = len(agreement) - len(defined)
    undefined_part = (
        "no frame is undefined"
        if undefined == 0
        else f"{counted(undefined, 'frame')} {agrees(undefined, 'is', 'are')} undefined (absent from the sample)"
    )
    return Markdown(
        f"On {counted(n_coded, 'hand-coded sentence')}, Cohen's kappa ranges from {defined['kappa'].min():.2f} "
        f"to {defined['kappa'].max():.2f} over {counted(len(defined), 'frame')} "
        f"(median {defined['kappa'].median():.2f}); {undefined_part}."
    )


def tone_and_stance(tone_table: pd.DataFrame, n_documents: int, n_shown: int) -> Markdown:
    """Which text uses the most evaluative words, which hedges most, and whether the median tones differ."""
    if _number(tone_table["n_sentences"].sum()) == 0:
        return Markdown("This corpus has no article sentences to score.")
    table = tone_table.fillna({"attitude": 0, "attitude_per_1000": 0, "hedge": 0, "hedge_per_1000": 0})
    most_eval = table.sort_values(["attitude_per_1000", "doc_id"], ascending=[False, True]).iloc[0]
    most_hedged = table.sort_values(["hedge_per_1000", "doc_id"], ascending=[False, True]).iloc[0]
    eval_part = (
        f"*{_text(most_eval['label'])}* uses the most evaluative words ({int(most_eval['attitude']):,} in its "
        f"{counted(int(_number(most_eval['n_words'])), 'article word')}, {most_eval['attitude_per_1000']} per 1,000)"
        if most_eval["attitude"] > 0
        else "No text uses evaluative words"
    )
    hedge_part = (
        f"*{_text(most_hedged['label'])}* hedges most ({int(most_hedged['hedge']):,}, "
        f"{most_hedged['hedge_per_1000']} per 1,000)"
        if most_hedged["hedge"] > 0
        else "no text hedges"
    )
    scored = tone_table.dropna(subset=["median_tone", "ci_low", "ci_high"])
    if len(scored) < 2:
        spread = "Fewer than two texts have a median tone, so there is no difference to test."
    elif scored["ci_low"].max() <= scored["ci_high"].min():
        spread = "All median-tone intervals overlap: tone differences between these texts are within noise."
    else:
        spread = "Some median-tone intervals do not overlap: the lowest and highest medians differ beyond noise."
    return Markdown(f"{eval_part}; {hedge_part}. {spread}" + documents_note(n_documents, n_shown, SHOWN_WHAT))


def attribution_rates(
    voice_table: pd.DataFrame, mix_shown: pd.DataFrame, labels: Mapping[str, str], n_documents: int, n_shown: int
) -> Markdown:
    """Attributions per 1,000 words of each shown text, and how many quote officials (the ``official``
    column of a :func:`~xivn.framing.speakers.voices` table)."""
    if mix_shown.empty:
        return Markdown("The corpus has no texts, so nobody is quoted.")
    rates = "; ".join(
        f"*{_label(labels, row.doc_id)}* {_number(row.per_1000_words)} ({int(_number(row.total)):,})"
        for row in mix_shown.itertuples(index=False)
    )
    named = int(voice_table["official"].astype("boolean").fillna(False).sum())
    if voice_table.empty:
        rest = " No text quotes or cites a source."
    else:
        rest = (
            f" {counted(named, 'attribution')} {agrees(named, 'quotes', 'quote')} officials by office or name; "
            "the rest cite analysts, unnamed diplomats, media, documents or the publisher."
        )
    note = documents_note(n_documents, n_shown, SHOWN_WHAT)
    return Markdown(f"Attributions per 1,000 words (count): {rates}.{rest}{note}")


def keyness_stability(keys: pd.DataFrame, lighter: pd.DataFrame, n_pooled_words: int) -> Markdown:
    """How many top-10 words survive a lighter prior, and how many words per text reach z ≥ 1.96.

    ``keys`` is the :func:`~xivn.framing.keywords.keyness` table with the pooled prior, ``lighter``
    the same with a lighter one (its ``attrs["alpha0"]`` is named), ``n_pooled_words`` the pooled count.
    """
    if keys.empty:
        return Markdown("Keyness needs at least two texts with repeated words; this corpus has none.")
    alpha0 = lighter.attrs.get("alpha0", "?")
    alpha0 = f"{alpha0:g}" if isinstance(alpha0, int | float) else escape_markdown(str(alpha0))
    reaching = int((keys["z"].fillna(0) >= 1.96).groupby(keys["doc_id"]).sum().max())
    return Markdown(
        f"With a lighter prior (α0 = {alpha0} instead of the {n_pooled_words:,} pooled words), "
        f"{percent(stable_share(keys, lighter))} of each text's top-10 words stay in its top 10. "
        f"At most {counted(reaching, 'word')} per text {agrees(reaching, 'reaches', 'reach')} z ≥ 1.96: "
        "on texts this short only repeated, exclusive words stand out."
    )


def rewrite_story(
    summary: Mapping[str, float],
    original: str,
    derived: str,
    labels: Mapping[str, str],
    *,
    tau: float,
    n_pairs: int,
    max_rows: int,
) -> Markdown:
    """What the first flagged rewrite kept, added and changed (numbers of ``rewrite_detection.rewrite_summary``)."""
    note = rows_note(n_pairs, max_rows, "scored pairs").strip()
    if not summary:
        message = "No pair passes the rewrite rule, so there is no alignment to show."
        return Markdown(f"{note} {message}" if note else message)

    def count(key: str) -> int:
        return int(_number(summary.get(key)))

    message = (
        f"*{_label(labels, derived)}* keeps {of_total(count('n_kept'), count('n_original'), 'sentence')} of "
        f"*{_label(labels, original)}* (aligned at TF-IDF cosine ≥ {tau}) and adds {count('n_added'):,} of its "
        f"{count('n_derived'):,} with no counterpart. In the kept sentences it drops "
        f"{of_total(count('hedges_dropped'), count('hedges_original'), 'hedge')} (adding {count('hedges_added'):,}), "
        f"adds {counted(count('evaluative_added'), 'evaluative word')} and "
        f"{counted(count('boosters_added'), 'booster')}, "
        f"and loses the attribution of {counted(count('attributions_dropped'), 'sentence')}. Median sentence tone "
        f"moves from {signed(summary.get('median_tone_original'))} to {signed(summary.get('median_tone_derived'))}."
    )
    return Markdown(f"{note} {message}" if note else message)


def slogan_intro(profile: EventProfile, gloss: Gloss | None) -> Markdown:
    """The event's slogan, its original wording and what that wording means (from the profile and
    the slogan rules); says plainly when the profile names no slogan."""
    slogan = profile.slogan
    if slogan is None:
        return Markdown(
            f"The event profile ({escape_markdown(profile.file)}) names no slogan, so no text is searched for one."
        )
    original = f" ({escape_markdown(slogan.original)})" if slogan.original else ""
    meaning = (
        f" The key word of the original wording means *{escape_markdown(gloss.meaning)}*; "
        f"the English renderings say *{escape_markdown(gloss.rendered_as)}*."
        if gloss
        else ""
    )
    return Markdown(
        f"The slogan of {escape_markdown(profile.name)}: “{escape_markdown(slogan.text)}”{original}, "
        f"found in {counted(len(slogan.renderings), 'rendering pattern')} of its profile.{meaning}"
    )


def slogan_use(
    slogan_table: pd.DataFrame,
    slogan: pd.DataFrame,
    n_documents: int,
    n_shown: int,
    *,
    named: Slogan | None,
    gloss: Gloss | None,
) -> Markdown:
    """How many texts use the slogan (``named``: the profile's; None when it names none), how often
    in quotation marks, and which mention the meaning of its original wording (``gloss``), quoted."""
    if named is None:
        return Markdown("There is no slogan to count.")
    if slogan_table.empty:
        return Markdown("The corpus has no texts, so none uses the slogan.")
    users = int((slogan_table["mentions"].fillna(0) > 0).sum())
    mentions = int(_number(slogan_table["mentions"].sum()))
    in_quotes = int(_number(slogan_table["in_quotes"].sum()))
    opening = (
        f"{of_total(users, len(slogan_table), 'text')} {agrees(users, 'uses', 'use')} the slogan "
        f"({counted(mentions, 'rendering')}, {in_quotes:,} in quotation marks)."
    )
    note = documents_note(n_documents, n_shown, SHOWN_WHAT)
    if gloss is None:
        return Markdown(opening + note)
    meaning = escape_markdown(gloss.meaning)
    noting = slogan_table[slogan_table["meaning_note"].astype("boolean").fillna(False).astype(bool)]
    if noting.empty:
        return Markdown(f"{opening} No text mentions {meaning}." + note)
    says = slogan["meaning"].astype("boolean").fillna(False).astype(bool)
    sentences = slogan.loc[says, "sentence"].dropna().drop_duplicates().head(3)
    quotes = " / ".join(f"“{escape_markdown(str(sentence))}”" for sentence in sentences)
    who = name_list(f"*{_text(label)}*" for label in noting["label"])
    return Markdown(f"{opening} {meaning[:1].upper()}{meaning[1:]} is mentioned by {who}: {quotes}" + note)


def _source_of(row: pd.Series) -> str:
    """A group's source as Markdown: its label, then its outlet and date where the corpus states them."""
    facts = [_text(row["source_outlet"]), _text(row["source_date"]) or "undated"]
    return f"*{_text(row['source'])}* ({', '.join(f for f in facts if f)})"


def who_republished(table: pd.DataFrame, max_rows: int) -> Markdown:
    """The sentence of the "Who republished whom" section, from
    :func:`~xivn.framing.selection.republications`: how many stories were republished and by how
    many copies, the most copied story's source and who republished it, and whether the table
    (its first ``max_rows`` rows) is cut; says plainly when no text is a copy of another."""
    if table.empty:
        return Markdown("No text here is a copy of another, so no outlet republished another's story.")
    top = table.iloc[0]
    copies = int(table["n_copies"].sum())
    by = name_list(_text(o) for o in str(top["republished_by"]).split("; "))
    if len(table) == 1:
        return Markdown(f"One story was republished: {_source_of(top)}, copied by {by}.")
    return Markdown(
        f"{counted(len(table), 'story', 'stories')} were republished, in {counted(copies, 'copy', 'copies')} "
        f"in all; the most copied, {_source_of(top)}, was republished by {by}."
        + rows_note(len(table), min(len(table), max_rows), "groups")
    )
