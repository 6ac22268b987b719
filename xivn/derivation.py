"""Rewrite forensics: which text derives from which, and what the rewrite changed.

Three steps, kept apart so that candidate generation can be swapped for MinHash/LSH on large corpora:

1. :func:`candidate_pairs` proposes pairs of documents: every pair of a small corpus, and on a
   corpus of more than :data:`ALL_PAIRS_MAX` documents only the pairs that share several
   near-duplicate sentences (MinHash/LSH, :func:`xivn.near_duplicates.rewrite_candidates`);
2. :func:`score_pairs` scores each proposed pair exactly: word 5-gram and 3-gram Jaccard, 3-gram
   containment each way (Broder 1997), document TF-IDF cosine on content words, and sentence
   coverage (the share of one text's sentences with a TF-IDF match above ``tau`` in the other);
3. :func:`rewrites` flags derivations and votes on their direction from several signals (earlier
   date, attribution and specificity lost, evaluation and FAQ blocks added), saying how many
   signals agree.

A paraphrasing rewrite shares few exact 5-grams, so the decision rule rests on 3-gram containment
and sentence coverage. :func:`align` pairs the sentences of an original and its rewrite
(many-to-one: a rewrite splits and merges sentences), and :func:`rewrite_changes` reports per
aligned group what changed: tone, hedges, boosters and evaluative words, attribution.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from xivn.corpus import Corpus
from xivn.errors import ParameterError
from xivn.lexicon import per_thousand, stopwords, words
from xivn.near_duplicates import rewrite_candidates
from xivn.speakers import voices
from xivn.tonality import load_stance_lexicon, markers_in, tone

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

COVERAGE_TAU = 0.4
CONTAINMENT_MIN = 0.08
COVERAGE_MIN = 0.15
ALIGN_TAU = 0.3
REVIEW_TAU = 0.2
RELATIVE_MARGIN = 1.25
ALL_PAIRS_MAX = 50
"""Up to this many documents :func:`candidate_pairs` proposes every pair; above, MinHash/LSH candidates."""
_SPECIFIC = re.compile(
    r"\b(?:\d[\d.,]*|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|"
    r"august|september|october|november|december)\b",
    re.I,
)
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NOT_VOICES = ("documents_data", "unattributed", "other")


@dataclass
class TextModel:
    """Per-corpus features for similarity: word lists, shingles, sentence TF-IDF vectors."""

    words: dict[str, list[str]]
    sentences: pd.DataFrame
    vectors: list[dict[str, float]]
    doc_vectors: dict[str, dict[str, float]]

    @classmethod
    def build(cls, corpus: Corpus) -> TextModel:
        sentences = corpus.article_sentences()
        stop = stopwords()
        tokenised = [words(t) for t in sentences["text"]]  # once: tokenising is most of the cost
        content = [[w for w in ws if w not in stop and any(c.isalpha() for c in w)] for ws in tokenised]
        n = max(len(content), 1)
        sentence_df = Counter(term for terms in content for term in set(terms))
        idf = {term: math.log((1 + n) / (1 + df)) + 1 for term, df in sentence_df.items()}
        vectors = [_normalise({t: c * idf[t] for t, c in Counter(terms).items()}) for terms in content]
        by_doc: dict[str, list[str]] = {d: [] for d in corpus.doc_ids}
        for doc_id, terms in zip(sentences["doc_id"], content, strict=True):
            by_doc[doc_id].extend(terms)
        docs = max(len(by_doc), 1)
        doc_df = Counter(term for terms in by_doc.values() for term in set(terms))
        doc_idf = {term: math.log((1 + docs) / (1 + df)) + 1 for term, df in doc_df.items()}
        doc_vectors = {d: _normalise({t: c * doc_idf[t] for t, c in Counter(ts).items()}) for d, ts in by_doc.items()}
        all_words = {d: [] for d in corpus.doc_ids}
        for doc_id, sentence_words in zip(sentences["doc_id"], tokenised, strict=True):
            all_words[doc_id].extend(sentence_words)
        return cls(all_words, sentences, vectors, doc_vectors)

    def sentence_similarity(self, doc_a: str, doc_b: str) -> np.ndarray:
        """Cosine similarity of every sentence of ``doc_a`` (rows) with every sentence of ``doc_b``."""
        rows_a = np.flatnonzero(self.sentences["doc_id"].to_numpy() == doc_a)
        rows_b = np.flatnonzero(self.sentences["doc_id"].to_numpy() == doc_b)
        vocabulary = {t: i for i, t in enumerate(sorted({t for r in (*rows_a, *rows_b) for t in self.vectors[r]}))}
        matrix_a, matrix_b = (np.zeros((len(rows), len(vocabulary))) for rows in (rows_a, rows_b))
        for matrix, rows in ((matrix_a, rows_a), (matrix_b, rows_b)):
            for i, r in enumerate(rows):
                for term, weight in self.vectors[r].items():
                    matrix[i, vocabulary[term]] = weight
        return matrix_a @ matrix_b.T


def _normalise(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def shingles(tokens: list[str], k: int) -> set[tuple[str, ...]]:
    """The set of word k-grams of a token list."""
    return {tuple(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


def jaccard(a: set, b: set) -> float:
    """|a & b| / |a | b| (0.0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def containment(a: set, b: set) -> float:
    """|a & b| / |a|: the share of ``a`` found in ``b`` (0.0 when ``a`` is empty)."""
    return len(a & b) / len(a) if a else 0.0


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two L2-normalised sparse vectors."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return float(sum(v * large.get(t, 0.0) for t, v in small.items()))


def candidate_pairs(corpus: Corpus, *, near_duplicates: pd.DataFrame | None = None) -> pd.DataFrame:
    """Pairs of documents to score: ``doc_a``, ``doc_b`` (``doc_a`` first in corpus order; pairs
    in corpus order).

    Up to :data:`ALL_PAIRS_MAX` documents, every unordered pair. Above, scoring every pair would be
    quadratic (50 million pairs for 10,000 documents), so only the document pairs of
    :func:`xivn.near_duplicates.rewrite_candidates` (at least three near-duplicate article
    sentences) are scored; ``near_duplicates`` passes that table when it is already made (as
    :func:`xivn.pipeline.run_stages` does, from worker processes). ``attrs["candidates"]`` says
    which (``all pairs`` or ``near-duplicate sentences``).
    """
    if len(corpus) <= ALL_PAIRS_MAX:
        table = pd.DataFrame(list(combinations(corpus.doc_ids, 2)), columns=["doc_a", "doc_b"])
        table.attrs["candidates"] = "all pairs"
        return table
    found = rewrite_candidates(corpus) if near_duplicates is None else near_duplicates
    position = {doc_id: index for index, doc_id in enumerate(corpus.doc_ids)}
    oriented = (sorted(pair, key=position.__getitem__) for pair in zip(found["doc_a"], found["doc_b"], strict=True))
    pairs = sorted(oriented, key=lambda pair: (position[pair[0]], position[pair[1]]))
    table = pd.DataFrame(pairs, columns=["doc_a", "doc_b"])
    table.attrs["candidates"] = "near-duplicate sentences"
    return table


def score_pairs(
    corpus: Corpus, pairs: pd.DataFrame, *, tau: float = COVERAGE_TAU, model: TextModel | None = None
) -> pd.DataFrame:
    """Exact similarity scores of the given pairs.

    Columns: ``doc_a``, ``doc_b``, ``j5`` and ``j3`` (Jaccard of word 5- and 3-gram sets),
    ``c3_ab`` (share of a's 3-grams found in b) and ``c3_ba``, ``cos_doc`` (TF-IDF cosine of the
    documents' content words), ``coverage_ab`` (share of a's sentences whose best TF-IDF match in
    b reaches ``tau``) and ``coverage_ba``. ``attrs`` hold ``tau``.
    """
    model = model or TextModel.build(corpus)
    rows = []
    for doc_a, doc_b in pairs[["doc_a", "doc_b"]].itertuples(index=False):
        wa, wb = model.words[doc_a], model.words[doc_b]
        s3a, s3b = shingles(wa, 3), shingles(wb, 3)
        sim = model.sentence_similarity(doc_a, doc_b)
        cover_ab = float((sim.max(axis=1) >= tau).mean()) if sim.size else 0.0
        cover_ba = float((sim.max(axis=0) >= tau).mean()) if sim.size else 0.0
        rows.append(
            (doc_a, doc_b, jaccard(shingles(wa, 5), shingles(wb, 5)), jaccard(s3a, s3b), containment(s3a, s3b),
             containment(s3b, s3a), cosine(model.doc_vectors[doc_a], model.doc_vectors[doc_b]), cover_ab, cover_ba)
        )  # fmt: skip
    columns = ["doc_a", "doc_b", "j5", "j3", "c3_ab", "c3_ba", "cos_doc", "coverage_ab", "coverage_ba"]
    table = pd.DataFrame(rows, columns=columns)
    table[columns[2:]] = table[columns[2:]].round(3)
    table.attrs["tau"] = tau
    return table


def direction_evidence(corpus: Corpus, doc_a: str, doc_b: str) -> pd.DataFrame:
    """The signals on which text of a pair is the original, one row each.

    Columns: ``signal``, ``value_a``, ``value_b`` (the measurement for each text), ``original``
    (the doc_id this signal points to as the original, or "" when it abstains: missing data or a
    difference under 25%), ``rule``. Signals: an earlier full publication date; more attributions
    to sources per 1,000 words; more dates, weekdays and numbers per 1,000 words; fewer boosters
    and evaluative words per 1,000 words; no FAQ block where the other has one.
    """
    documents = corpus.documents.set_index("doc_id")
    pair = corpus.subset([doc_a, doc_b])
    spoken = voices(pair)
    spoken = spoken[~spoken["speaker_class"].isin(NOT_VOICES)]
    lexicon = load_stance_lexicon()
    n_words = {d: int(documents.loc[d, "n_words"]) for d in (doc_a, doc_b)}
    sentences = pair.article_sentences()
    text = {d: " ".join(sentences.loc[sentences["doc_id"] == d, "text"]) for d in (doc_a, doc_b)}
    evaluation = {d: sum(1 for c, _, _ in markers_in(text[d], lexicon) if c != "hedge") for d in (doc_a, doc_b)}
    faq = {d: int(((sentences["doc_id"] == d) & (sentences["kind"] == "faq_question")).sum()) for d in (doc_a, doc_b)}
    dates = {d: str(documents.loc[d, "date"] or "") for d in (doc_a, doc_b)}
    rows = []

    def vote(signal: str, a: float, b: float, higher_is_original: bool, rule: str) -> None:
        if max(a, b) == 0 or (max(a, b) < RELATIVE_MARGIN * min(a, b) and min(a, b) > 0) or a == b:
            winner = ""
        else:
            winner = doc_a if (a > b) == higher_is_original else doc_b
        rows.append((signal, round(a, 2), round(b, 2), winner, rule))

    both_full = all(_FULL_DATE.match(v) for v in dates.values())
    date_winner = min(dates, key=dates.get) if both_full and dates[doc_a] != dates[doc_b] else ""
    rule = "the earlier full date (YYYY-MM-DD) is the original"
    rows.append(("earlier date", dates[doc_a], dates[doc_b], date_winner, rule))
    vote("attributions per 1,000 words", per_thousand((spoken["doc_id"] == doc_a).sum(), n_words[doc_a]),
         per_thousand((spoken["doc_id"] == doc_b).sum(), n_words[doc_b]), True,
         "a rewrite drops named and reported sources")  # fmt: skip
    specifics = {d: per_thousand(len(_SPECIFIC.findall(text[d])), n_words[d]) for d in (doc_a, doc_b)}
    vote("dates, weekdays and numbers per 1,000 words", specifics[doc_a], specifics[doc_b], True,
         "a rewrite drops specifics")  # fmt: skip
    vote("boosters and evaluative words per 1,000 words", per_thousand(evaluation[doc_a], n_words[doc_a]),
         per_thousand(evaluation[doc_b], n_words[doc_b]), False, "a rewrite adds generic evaluation")  # fmt: skip
    vote("FAQ questions", faq[doc_a], faq[doc_b], False, "a rewrite adds FAQ or summary blocks")
    table = pd.DataFrame(rows, columns=["signal", "value_a", "value_b", "original", "rule"])
    return table.astype({"value_a": str, "value_b": str})


def rewrites(
    corpus: Corpus,
    *,
    candidates: pd.DataFrame | None = None,
    near_duplicates: pd.DataFrame | None = None,
    containment_min: float = CONTAINMENT_MIN,
    coverage_min: float = COVERAGE_MIN,
    tau: float = COVERAGE_TAU,
) -> pd.DataFrame:
    """One row per candidate pair (``candidates``, else :func:`candidate_pairs`, which is given
    ``near_duplicates``), the most likely derivation first.

    A pair is flagged (``is_derivation``) when its larger 3-gram containment reaches
    ``containment_min`` and its larger sentence coverage at ``tau`` reaches ``coverage_min``
    (thresholds set on the seeds: the rewrite pair scores 0.10-0.13 and 0.3, every other pair at
    most 0.04 and 0.1). Columns: those of :func:`score_pairs`, then ``is_derivation``,
    ``original`` and ``derived`` (doc ids, by the vote of :func:`direction_evidence`; empty when
    not flagged or when the vote is tied), ``votes_for``, ``votes_against``, ``signals``
    (non-abstaining signals), ``confidence`` (``high``: 3+ signals agree and none disagree;
    ``medium``: a majority of at least 2; ``low`` otherwise). Sorted by ``is_derivation``, then
    the larger coverage and containment, descending. ``attrs`` hold the thresholds.
    """
    pairs = candidate_pairs(corpus, near_duplicates=near_duplicates) if candidates is None else candidates
    scores = score_pairs(corpus, pairs, tau=tau)
    scores["is_derivation"] = (scores[["c3_ab", "c3_ba"]].max(axis=1) >= containment_min) & (
        scores[["coverage_ab", "coverage_ba"]].max(axis=1) >= coverage_min
    )
    extra = []
    for row in scores.itertuples(index=False):
        if not row.is_derivation:
            extra.append(("", "", 0, 0, 0, ""))
            continue
        evidence = direction_evidence(corpus, row.doc_a, row.doc_b)
        counts = evidence["original"].value_counts()
        a_votes, b_votes = int(counts.get(row.doc_a, 0)), int(counts.get(row.doc_b, 0))
        if a_votes == b_votes:
            extra.append(("", "", a_votes, b_votes, a_votes + b_votes, "low"))
            continue
        original, derived = (row.doc_a, row.doc_b) if a_votes > b_votes else (row.doc_b, row.doc_a)
        win, lose = max(a_votes, b_votes), min(a_votes, b_votes)
        confidence = "high" if win >= 3 and lose == 0 else "medium" if win >= 2 else "low"
        extra.append((original, derived, win, lose, win + lose, confidence))
    columns = ["original", "derived", "votes_for", "votes_against", "signals", "confidence"]
    table = pd.concat([scores, pd.DataFrame(extra, columns=columns, index=scores.index)], axis=1)
    table["_cover"] = table[["coverage_ab", "coverage_ba"]].max(axis=1)
    table["_contain"] = table[["c3_ab", "c3_ba"]].max(axis=1)
    table = table.sort_values(["is_derivation", "_cover", "_contain"], ascending=False, kind="stable")
    table = table.drop(columns=["_cover", "_contain"]).reset_index(drop=True)
    table.attrs.update(containment_min=containment_min, coverage_min=coverage_min, tau=tau)
    table.attrs["candidates"] = pairs.attrs.get("candidates", "given")
    return table


def similarity_matrix(scores: pd.DataFrame, doc_ids: Iterable[str], column: str = "c3_ab") -> pd.DataFrame:
    """A square documents x documents matrix of a pair score (asymmetric ``*_ab`` columns are read
    as "row in column"); the diagonal is 1."""
    ids = list(doc_ids)
    matrix = pd.DataFrame(np.eye(len(ids)), index=ids, columns=ids)
    mirror = column.replace("_ab", "_ba") if column.endswith("_ab") else column
    for row in scores.itertuples(index=False):
        matrix.loc[row.doc_a, row.doc_b] = getattr(row, column)
        matrix.loc[row.doc_b, row.doc_a] = getattr(row, mirror)
    return matrix


def align(
    corpus: Corpus, original: str, derived: str, *, tau: float = ALIGN_TAU, review: float = REVIEW_TAU
) -> pd.DataFrame:
    """Sentence alignment of a rewrite with its original (many-to-one).

    Each sentence of ``derived`` goes to its most similar sentence of ``original`` (TF-IDF cosine
    of content words): ``aligned`` at ``tau`` or above, ``review`` between ``review`` and ``tau``
    (often a partial paraphrase: check by eye), ``derived_only`` below (an addition). Sentences of
    the original that no derived sentence reaches at ``review`` are ``original_only`` (omissions).

    Columns: ``status``, ``similarity``, ``original`` and ``derived`` (doc ids), then for each side
    ``<side>_sent_id``, ``<side>_start``, ``<side>_end``, ``<side>_quote`` (empty on the missing
    side; -1 for missing ids and offsets). Rows follow the derived text, omissions last in
    original order. ``attrs`` hold ``tau`` and ``review``.
    """
    if not 0 <= review <= tau <= 1:
        raise ParameterError(f"need 0 <= review <= tau <= 1, got review={review}, tau={tau}")
    if original == derived:
        raise ParameterError(f"original and derived are the same document ({original!r})")
    model = TextModel.build(corpus.subset([original, derived]) if len(corpus) > 2 else corpus)
    sentences = model.sentences
    orig = sentences[sentences["doc_id"] == original].reset_index(drop=True)
    deri = sentences[sentences["doc_id"] == derived].reset_index(drop=True)
    sim = model.sentence_similarity(original, derived)
    rows, reached = [], set()
    missing = (-1, -1, -1, "")
    for j, d in enumerate(deri.itertuples(index=False)):
        i = int(sim[:, j].argmax()) if len(orig) else -1
        best = float(sim[i, j]) if i >= 0 else 0.0
        status = "aligned" if best >= tau else "review" if best >= review else "derived_only"
        if status == "derived_only":
            left = missing
        else:
            reached.add(i)
            o = orig.iloc[i]
            left = (int(o["sent_id"]), int(o["start"]), int(o["end"]), o["text"])
        rows.append((status, round(best, 3), original, derived, *left, d.sent_id, d.start, d.end, d.text))
    for i, o in enumerate(orig.itertuples(index=False)):
        if i not in reached:
            best = float(sim[i].max()) if sim.shape[1] else 0.0
            left = (o.sent_id, o.start, o.end, o.text)
            rows.append(("original_only", round(best, 3), original, derived, *left, *missing))
    columns = ["status", "similarity", "original", "derived"]
    for side in ("original", "derived"):
        columns += [f"{side}_sent_id", f"{side}_start", f"{side}_end", f"{side}_quote"]
    table = pd.DataFrame(rows, columns=columns)
    table.attrs.update(tau=tau, review=review)
    return table


def alignment_spans(alignment: pd.DataFrame) -> pd.DataFrame:
    """Both sides of an :func:`align` table as provenance rows: ``side``, ``status``, ``doc_id``,
    ``sent_id``, ``start``, ``end``, ``quote`` (one row per present side)."""
    parts = []
    for side in ("original", "derived"):
        present = alignment[alignment[f"{side}_sent_id"] >= 0]
        part = present[["status", side, f"{side}_sent_id", f"{side}_start", f"{side}_end", f"{side}_quote"]]
        part.columns = ["status", "doc_id", "sent_id", "start", "end", "quote"]
        parts.append(part.assign(side=side))
    table = pd.concat(parts, ignore_index=True)
    return table[["side", "status", "doc_id", "sent_id", "start", "end", "quote"]]


def order_agreement(alignment: pd.DataFrame) -> float:
    """Kendall's tau between original and derived positions of the aligned pairs (NaN under 2 pairs)."""
    pairs = alignment[alignment["status"] == "aligned"]
    x, y = pairs["original_sent_id"].to_numpy(), pairs["derived_sent_id"].to_numpy()
    if len(x) < 2:
        return float("nan")
    dx, dy = np.sign(x[:, None] - x[None, :]), np.sign(y[:, None] - y[None, :])
    upper = np.triu_indices(len(x), 1)
    products = (dx * dy)[upper]
    return float(products.sum() / len(products))


def rewrite_changes(corpus: Corpus, alignment: pd.DataFrame) -> pd.DataFrame:
    """What the rewrite changed, per original sentence with aligned (status ``aligned``) rewrites.

    Columns: ``doc_id``, ``sent_id``, ``start``, ``end``, ``quote`` (the original sentence),
    ``derived_sent_ids`` (comma-separated), ``derived_quote`` (the derived sentences joined by
    " / "), ``similarity`` (best), ``tone_original``, ``tone_derived`` (mean masked VADER compound
    of the derived sentences), ``tone_delta``, ``hedges_dropped``, ``hedges_added``,
    ``boosters_added``, ``evaluative_added`` (the marker words, ``; ``-separated; a marker kept on
    both sides is neither), ``n_hedges_dropped``, ``n_hedges_added``, ``n_boosters_added``,
    ``n_evaluative_added``, ``source_original`` (speaker classes voiced in the original sentence),
    ``source_derived``, ``attribution_dropped`` (the original reports a source, the rewrite none).
    """
    aligned = alignment[alignment["status"] == "aligned"]
    columns = ["doc_id", "sent_id", "start", "end", "quote", "derived_sent_ids", "derived_quote", "similarity"]
    columns += ["tone_original", "tone_derived", "tone_delta", "hedges_dropped", "hedges_added", "boosters_added"]
    columns += ["evaluative_added", "n_hedges_dropped", "n_hedges_added", "n_boosters_added", "n_evaluative_added"]
    columns += ["source_original", "source_derived", "attribution_dropped"]
    if aligned.empty:
        return pd.DataFrame(columns=columns)
    original, derived = alignment.attrs.get("original") or aligned["original"].iloc[0], aligned["derived"].iloc[0]
    pair = corpus.subset([original, derived])
    tones = tone(pair).set_index(["doc_id", "sent_id"])["compound"]
    spoken = voices(pair)
    spoken = spoken[~spoken["speaker_class"].isin(NOT_VOICES)]
    classes = spoken.groupby(["doc_id", "sent_id"])["speaker_class"].agg(lambda s: ", ".join(sorted(set(s))))
    lexicon = load_stance_lexicon()
    rows = []
    for sent_id, group in aligned.groupby("original_sent_id", sort=True):
        first = group.iloc[0]
        d_ids = sorted(group["derived_sent_id"])
        d_text = " / ".join(group.sort_values("derived_sent_id")["derived_quote"])
        before, after = _marker_bags(first["original_quote"], lexicon), _marker_bags(d_text, lexicon)
        t_orig = float(tones[(original, sent_id)])
        t_der = float(np.mean([tones[(derived, i)] for i in d_ids]))
        src_o = classes.get((original, sent_id), "")
        src_d = ", ".join(sorted({c for i in d_ids for c in classes.get((derived, i), "").split(", ") if c}))
        dropped, added = before["hedge"] - after["hedge"], after["hedge"] - before["hedge"]
        boosters, evaluative = after["booster"] - before["booster"], after["attitude"] - before["attitude"]
        rows.append(
            (original, int(sent_id), int(first["original_start"]), int(first["original_end"]), first["original_quote"],
             ", ".join(map(str, d_ids)), d_text, float(group["similarity"].max()), round(t_orig, 3), round(t_der, 3),
             round(t_der - t_orig, 3), _join(dropped), _join(added), _join(boosters), _join(evaluative),
             sum(dropped.values()), sum(added.values()), sum(boosters.values()), sum(evaluative.values()),
             src_o, src_d, bool(src_o) and not src_d)
        )  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def _marker_bags(text: str, lexicon) -> dict[str, Counter]:
    bags: dict[str, Counter] = {"hedge": Counter(), "booster": Counter(), "attitude": Counter()}
    for category, a, b in markers_in(text, lexicon):
        bags[category][" ".join(text[a:b].lower().split())] += 1
    return bags


def _join(bag: Counter) -> str:
    return "; ".join(word for word, count in sorted(bag.items()) for _ in range(count))


def draw_similarity(ax: Axes, matrix: pd.DataFrame, labels: dict[str, str]) -> None:
    """Draw a documents x documents similarity matrix with its values written in the cells."""
    values = matrix.to_numpy(dtype=float)
    shown = np.where(np.eye(len(values), dtype=bool), np.nan, values)
    ax.imshow(shown, cmap="Oranges", vmin=0, vmax=max(float(np.nanmax(shown)) if shown.size > 1 else 1, 0.05))
    for i in range(len(values)):
        for j in range(len(values)):
            if i != j:
                ax.text(j, i, f"{values[i, j]:.2f}", ha="center", va="center", fontsize=8)
    names = [labels.get(d, d) for d in matrix.index]
    ax.set_xticks(range(len(names)), names, rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(len(names)), names, fontsize=8)


def rewrite_summary(alignment: pd.DataFrame, changes: pd.DataFrame, tones: pd.DataFrame) -> dict[str, float]:
    """The numbers of a rewrite's story, for a computed sentence.

    From an :func:`align` table, its :func:`rewrite_changes` and a :func:`xivn.tonality.tone`
    table: ``n_original`` (article sentences of the original), ``n_kept`` (original sentences with
    an aligned rewrite), ``n_derived``, ``n_added`` (derived sentences with no counterpart),
    ``hedges_original`` (hedges in the kept original sentences), ``hedges_dropped``,
    ``hedges_added``, ``boosters_added``, ``evaluative_added``, ``attributions_dropped``,
    ``order_tau`` (Kendall's tau of the aligned positions), ``median_tone_original`` and
    ``median_tone_derived`` (masked VADER, all article sentences).
    """
    original, derived = alignment["original"].iloc[0], alignment["derived"].iloc[0]
    lexicon = load_stance_lexicon()
    kept = changes["quote"] if len(changes) else pd.Series(dtype=str)
    hedges = sum(1 for text in kept for c, _, _ in markers_in(text, lexicon) if c == "hedge")
    return {
        "n_original": int(alignment.loc[alignment["original_sent_id"] >= 0, "original_sent_id"].nunique()),
        "n_kept": len(changes),
        "n_derived": int((alignment["derived_sent_id"] >= 0).sum()),
        "n_added": int((alignment["status"] == "derived_only").sum()),
        "hedges_original": hedges,
        "hedges_dropped": int(changes["n_hedges_dropped"].sum()) if len(changes) else 0,
        "hedges_added": int(changes["n_hedges_added"].sum()) if len(changes) else 0,
        "boosters_added": int(changes["n_boosters_added"].sum()) if len(changes) else 0,
        "evaluative_added": int(changes["n_evaluative_added"].sum()) if len(changes) else 0,
        "attributions_dropped": int(changes["attribution_dropped"].sum()) if len(changes) else 0,
        "order_tau": order_agreement(alignment),
        "median_tone_original": float(tones.loc[tones["doc_id"] == original, "compound"].median()),
        "median_tone_derived": float(tones.loc[tones["doc_id"] == derived, "compound"].median()),
    }
