"""Tone and certainty: sentence sentiment (VADER), hedges, boosters and evaluative words.

VADER (Hutto & Gilbert 2014; the ``vaderSentiment`` package ships its lexicon, so scoring works
offline) gives each sentence a ``compound`` score in [-1, 1]; the usual thresholds are +/-0.05.
Its general-purpose lexicon misreads names and policy terms ("United States" reads positive,
"critical minerals" negative), so the terms of ``xivn/framing/data/tone_masks.toml`` are blanked before
scoring; the raw score is kept beside the masked one. Hedges, boosters and attitude markers (after
Hyland's metadiscourse) come from ``xivn/framing/data/stance_markers.toml`` and are reported per 1,000 words
with their counts, because VADER does not see certainty: "analysts said X could be symbolic"
and "X is symbolic" score alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from xivn.corpus.corpus import Corpus, table_rows
from xivn.corpus.structure import word_count
from xivn.cues.datafiles import PATTERNS, TEXT, Schema, Table, load_data_file
from xivn.cues.engine import CueTable, match_spans
from xivn.errors import ParameterError
from xivn.framing.lexicon import Cue, compile_cues, find_cues, fold, per_thousand
from xivn.paths import data_path

POSITIVE, NEGATIVE = 0.05, -0.05
CATEGORIES = ("hedge", "booster", "attitude")
MARKERS = ("doc_id", "sent_id", "start", "end", "quote", "category", "marker")
"""Columns of :func:`stance_markers`."""


@dataclass(frozen=True)
class StanceLexicon:
    """Compiled stance-marker patterns per category, and the VADER masks."""

    categories: dict[str, list[Cue]]
    labels: dict[str, str]
    masks: list[Cue]

    @cached_property
    def table(self) -> CueTable:
        """The category patterns as one :class:`~xivn.cues.engine.CueTable` (label: the category)."""
        return CueTable({name: [cue.pattern for cue in cues] for name, cues in self.categories.items()})


MARKERS_SCHEMA = Schema(
    "stance_markers.toml",
    Table(
        required={
            "category": Table(
                required=dict.fromkeys(
                    CATEGORIES, Table(required={"label": TEXT, "patterns": PATTERNS}, optional={"description": TEXT})
                )
            )
        }
    ),
)
"""The stance markers: hedges, boosters and evaluative words, each with its label and patterns."""

MASKS_SCHEMA = Schema("tone_masks.toml", Table(required={"patterns": PATTERNS}))
"""The terms blanked out before tone is scored (names and terms VADER misreads)."""


@cache
def _lexicon(markers: Path, masks: Path) -> StanceLexicon:
    table = load_data_file(markers, MARKERS_SCHEMA)["category"]
    categories = {
        name: compile_cues(table[name]["patterns"], where=f"{markers.name} [category.{name}]") for name in CATEGORIES
    }
    labels = {name: table[name]["label"] for name in CATEGORIES}
    patterns = load_data_file(masks, MASKS_SCHEMA)["patterns"]
    return StanceLexicon(categories, labels, compile_cues(patterns, where=f"{masks.name} [patterns]"))


def load_stance_lexicon(
    markers: str | Path = "stance_markers.toml", masks: str | Path = "tone_masks.toml"
) -> StanceLexicon:
    """Read and validate the stance-marker and tone-mask data files."""
    return _lexicon(data_path(markers).resolve(), data_path(masks).resolve())


@cache
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_compound(text: str) -> float:
    """VADER's compound score of a text (the lexicon ships with the package: no download)."""
    return float(_analyzer().polarity_scores(text)["compound"])


def mask(text: str, masks: list[Cue]) -> str:
    """``text`` with every mask match replaced by spaces (same length)."""
    hits = find_cues(masks, fold(text))
    if not hits:
        return text
    chars = list(text)
    for _, start, end in hits:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def markers_in(text: str, lexicon: StanceLexicon) -> list[tuple[str, int, int]]:
    """Stance markers in a text: ``(category, start, end)``, in text order."""
    folded = fold(text)
    runnable = lexicon.table.runnable(folded)
    hits = [(name, a, b) for name, pattern in runnable for a, b in match_spans(pattern, folded)]
    return sorted(hits, key=lambda hit: (hit[1], hit[2]))  # same span: category order, then pattern order


def stance_markers(corpus: Corpus, lexicon: StanceLexicon | None = None) -> pd.DataFrame:
    """Every hedge, booster and attitude marker in the article sentences.

    Columns: ``doc_id``, ``sent_id``, ``start``, ``end``, ``quote`` (the marker's words and raw
    offsets), ``category`` (``hedge``, ``booster``, ``attitude``), ``marker`` (lowercased words).
    """
    lexicon = lexicon or load_stance_lexicon()
    rows = []
    for sentence in table_rows(corpus.article_sentences()):
        for category, a, b in markers_in(sentence.text, lexicon):
            words = sentence.text[a:b]
            rows.append((sentence.doc_id, sentence.sent_id, sentence.start + a, sentence.start + b, words, category,
                         " ".join(fold(words).lower().split())))  # fmt: skip
    return pd.DataFrame(rows, columns=list(MARKERS))


def tone(corpus: Corpus, lexicon: StanceLexicon | None = None) -> pd.DataFrame:
    """One row per article sentence: sentiment and stance-marker counts.

    Columns: ``doc_id``, ``sent_id``, ``start``, ``end``, ``quote`` (the sentence), ``n_words``,
    ``compound_raw`` (VADER on the sentence as written), ``compound`` (VADER after masking the
    terms of ``tone_masks.toml``), ``polarity`` (``positive`` if ``compound`` >= 0.05,
    ``negative`` if <= -0.05, else ``neutral``), ``hedge``, ``booster``, ``attitude`` (marker
    counts).
    """
    lexicon = lexicon or load_stance_lexicon()
    rows = []
    for sentence in table_rows(corpus.article_sentences()):
        counts = dict.fromkeys(CATEGORIES, 0)
        for category, _, _ in markers_in(sentence.text, lexicon):
            counts[category] += 1
        raw = vader_compound(sentence.text)
        masked_text = mask(sentence.text, lexicon.masks)
        masked = raw if masked_text == sentence.text else vader_compound(masked_text)  # most mask nothing
        polarity = "positive" if masked >= POSITIVE else "negative" if masked <= NEGATIVE else "neutral"
        rows.append((sentence.doc_id, sentence.sent_id, sentence.start, sentence.end, sentence.text,
                     word_count(sentence.text), raw, masked, polarity,
                     *counts.values()))  # fmt: skip
    columns = ["doc_id", "sent_id", "start", "end", "quote", "n_words", "compound_raw", "compound", "polarity"]
    return pd.DataFrame(rows, columns=[*columns, *CATEGORIES])


def tone_profile(table: pd.DataFrame, corpus: Corpus, *, draws: int = 1000, seed: int = 2023) -> pd.DataFrame:
    """Per document, from a :func:`tone` table: the distribution of tone and the stance rates.

    Columns: ``doc_id``, ``label``, ``n_sentences``, ``n_words`` (the document's article words, as
    counted by :attr:`~xivn.corpus.corpus.Corpus.documents` and every page), ``median_tone`` with
    ``ci_low`` / ``ci_high`` (95% percentile interval of the median from ``draws`` bootstrap
    resamples of the sentences, seeded), ``median_tone_raw`` (unmasked), ``n_positive``,
    ``n_negative``, then for each of ``hedge``, ``booster``, ``attitude`` the count and the
    rate ``<category>_per_1000``, and ``hedge_booster_ratio`` (hedges per booster; empty without
    boosters). Every document of the corpus has a row.
    """
    if draws < 1:
        raise ParameterError(f"draws must be at least 1, got {draws}")
    rng = np.random.default_rng(seed)
    labels = corpus.labels()
    words = corpus.documents.set_index("doc_id")["n_words"]
    by_doc = dict(tuple(table.groupby("doc_id", sort=False)))  # one pass, not one filter per document
    rows = []
    for doc_id in corpus.doc_ids:
        mine = by_doc.get(doc_id, table.iloc[:0])
        scores = mine["compound"].to_numpy()
        n_words = int(words.get(doc_id, 0))
        if len(scores):
            index = rng.integers(0, len(scores), size=(draws, len(scores)))
            medians = np.median(scores[index], axis=1)
            low, high = np.percentile(medians, [2.5, 97.5])
        else:
            low = high = np.nan
        row = {
            "doc_id": doc_id,
            "label": labels[doc_id],
            "n_sentences": len(mine),
            "n_words": n_words,
            "median_tone": round(float(np.median(scores)), 3) if len(scores) else np.nan,
            "ci_low": round(float(low), 3),
            "ci_high": round(float(high), 3),
            "median_tone_raw": round(float(mine["compound_raw"].median()), 3) if len(scores) else np.nan,
            "n_positive": int((mine["polarity"] == "positive").sum()),
            "n_negative": int((mine["polarity"] == "negative").sum()),
        }
        for category in CATEGORIES:
            row[category] = int(mine[category].sum())
            row[f"{category}_per_1000"] = round(per_thousand(row[category], n_words), 1)
        row["hedge_booster_ratio"] = round(row["hedge"] / row["booster"], 2) if row["booster"] else np.nan
        rows.append(row)
    columns = ["doc_id", "label", "n_sentences", "n_words", "median_tone", "ci_low", "ci_high", "median_tone_raw"]
    columns += ["n_positive", "n_negative"]
    columns += [name for category in CATEGORIES for name in (category, f"{category}_per_1000")]
    profile = pd.DataFrame(rows, columns=[*columns, "hedge_booster_ratio"])
    profile.attrs.update(draws=draws, seed=seed)
    return profile
