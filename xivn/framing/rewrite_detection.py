"""Rewrite forensics: which text derives from which, and what the rewrite changed.

Three steps, kept apart so that candidate generation can be swapped for MinHash/LSH on large corpora:

1. :func:`candidate_pairs` proposes pairs of documents: every pair of a small corpus, and on a
   corpus of more than :data:`ALL_PAIRS_MAX` documents only the pairs that share several
   near-duplicate sentences (MinHash/LSH, :func:`xivn.framing.near_duplicates.rewrite_candidates`);
2. :func:`score_pairs` scores each proposed pair exactly: word 5-gram and 3-gram Jaccard, 3-gram
   containment each way (Broder 1997), document TF-IDF cosine on content words, and sentence
   coverage (the share of one text's sentences with a TF-IDF match above ``tau`` in the other).
   The IDF weights are corpus-wide counts (:func:`document_frequencies`) that add up over
   partitions, so :func:`xivn.runner.run_stages` makes them on the workers and only the
   documents of candidate pairs are read here;
3. :func:`rewrites` flags derivations and votes on their direction from several signals (earlier
   date, attribution and specificity lost, evaluation and FAQ blocks added), saying how many
   signals agree. The signals are measured once per flagged document (:func:`direction_measures`).

A paraphrasing rewrite shares few exact 5-grams, so the decision rule rests on 3-gram containment
and sentence coverage. :func:`align` pairs the sentences of an original and its rewrite
(many-to-one: a rewrite splits and merges sentences), and :func:`rewrite_changes` reports per
aligned group what changed: tone, hedges, boosters and evaluative words, attribution.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations, compress

import numpy as np
import pandas as pd

from xivn.corpus.corpus import Corpus
from xivn.corpus.parallel import Workers, concat_parts, map_partitions
from xivn.errors import ParameterError
from xivn.framing.lexicon import per_thousand, stopwords, words
from xivn.framing.near_duplicates import rewrite_candidates
from xivn.framing.speakers import voices
from xivn.framing.tonality import load_stance_lexicon, markers_in, tone

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


@dataclass(frozen=True)
class TermCounts:
    """The corpus-wide side of the TF-IDF weights: how many article sentences and documents there
    are, and how many of each contain every content word. Counts of disjoint partitions add up
    (:func:`add_term_counts`), so :func:`xivn.runner.run_stages` makes them on the workers."""

    n_sentences: int
    n_documents: int
    sentences: dict[str, int]
    documents: dict[str, int]


def _content_words(tokenised: Iterable[list[str]]) -> list[list[str]]:
    """The content words of each word list: stop words and words without a letter dropped."""
    stop = stopwords()
    return [[w for w in ws if w not in stop and (w.isalpha() or any(c.isalpha() for c in w))] for ws in tokenised]


def _count_terms(doc_ids: Iterable[str], sentence_doc_ids: Iterable[str], content: list[list[str]]) -> TermCounts:
    by_doc: dict[str, set[str]] = {d: set() for d in doc_ids}
    for doc_id, terms in zip(sentence_doc_ids, content, strict=True):
        by_doc[doc_id].update(terms)
    sentence_df = Counter(term for terms in content for term in set(terms))
    doc_df = Counter(term for terms in by_doc.values() for term in terms)
    return TermCounts(len(content), len(by_doc), dict(sentence_df), dict(doc_df))


def term_counts(corpus: Corpus) -> TermCounts:
    """Content-word counts of a (sub-)corpus's article sentences (aggregate map)."""
    sentences, tokenised = article_words(corpus)
    return _count_terms(corpus.doc_ids, sentences["doc_id"], _content_words(tokenised))


def add_term_counts(parts: Sequence[TermCounts]) -> TermCounts:
    """The counts of several disjoint partitions as one (aggregate combine)."""
    sentences: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    for part in parts:
        sentences.update(part.sentences)
        documents.update(part.documents)
    n_sentences, n_documents = sum(p.n_sentences for p in parts), sum(p.n_documents for p in parts)
    return TermCounts(n_sentences, n_documents, dict(sentences), dict(documents))


def frequency_table(counts: TermCounts) -> pd.DataFrame:
    """:class:`TermCounts` as a table (aggregate finish): one row per content word, ``term``,
    ``sentences`` and ``documents`` (how many article sentences and documents contain it),
    sorted by term; ``attrs`` hold the totals ``n_sentences`` and ``n_documents``."""
    terms = sorted(counts.sentences)
    table = pd.DataFrame(
        {
            "term": pd.Series(terms, dtype=object),
            "sentences": pd.Series([counts.sentences[t] for t in terms], dtype="int64"),
            "documents": pd.Series([counts.documents[t] for t in terms], dtype="int64"),
        }
    )
    table.attrs.update(n_sentences=counts.n_sentences, n_documents=counts.n_documents)
    return table


def document_frequencies(corpus: Corpus) -> pd.DataFrame:
    """In how many article sentences and documents each content word of the corpus occurs: the
    IDF weights of :class:`TextModel`. Columns as in :func:`frequency_table`;
    :func:`xivn.runner.run_stages` makes this table on the workers (the ``document_frequencies``
    aggregate) and passes it to :func:`rewrites`."""
    return frequency_table(term_counts(corpus))


def article_words(corpus: Corpus) -> tuple[pd.DataFrame, list[list[str]]]:
    """The article sentences of a (sub-)corpus and the words of each (:func:`xivn.framing.lexicon.words`)."""
    sentences = corpus.article_sentences()
    return sentences, [words(text) for text in sentences["text"]]


def _counts_from_table(table: pd.DataFrame) -> TermCounts:
    if not {"n_sentences", "n_documents"} <= set(table.attrs):
        raise ParameterError("document_frequencies needs the attrs n_sentences and n_documents (see frequency_table)")
    terms = table["term"].tolist()
    return TermCounts(
        int(table.attrs["n_sentences"]),
        int(table.attrs["n_documents"]),
        dict(zip(terms, table["sentences"].tolist(), strict=True)),
        dict(zip(terms, table["documents"].tolist(), strict=True)),
    )


@dataclass
class TextModel:
    """Features for similarity of some documents of a corpus: word lists, sentence TF-IDF vectors
    and document TF-IDF vectors, weighted by IDF over the whole corpus (sentence IDF over its
    article sentences, document IDF over its documents)."""

    words: dict[str, list[str]]
    sentences: pd.DataFrame
    vectors: list[dict[str, float]]
    doc_vectors: dict[str, dict[str, float]]

    def __post_init__(self) -> None:
        self._rows = self.sentences.groupby("doc_id", sort=False).indices  # doc_id -> row positions

    @classmethod
    def build(
        cls,
        corpus: Corpus,
        *,
        doc_ids: Iterable[str] | None = None,
        frequencies: pd.DataFrame | None = None,
        jobs: int | Workers = 1,
    ) -> TextModel:
        """The features of ``doc_ids`` (default: every document of ``corpus``).

        IDF comes from ``frequencies``, the :func:`document_frequencies` table of ``corpus`` (made on
        the workers by :func:`xivn.runner.run_stages`): then only ``doc_ids`` are structured and
        tokenised, on ``jobs`` processes when they are many. Without it the counts are made here,
        from every article sentence of the corpus.
        """
        wanted = set(corpus.doc_ids if doc_ids is None else doc_ids)
        if frequencies is None:
            sentences, tokenised = article_words(corpus)  # once: tokenising is most of the cost
            content = _content_words(tokenised)
            counts = _count_terms(corpus.doc_ids, sentences["doc_id"], content)
            if len(wanted) < len(corpus):
                keep = sentences["doc_id"].isin(wanted).to_numpy()
                sentences = sentences[keep].reset_index(drop=True)
                tokenised, content = list(compress(tokenised, keep)), list(compress(content, keep))
        else:
            counts = _counts_from_table(frequencies)
            part = corpus if len(wanted) == len(corpus) else corpus.subset(wanted)
            pieces = map_partitions(article_words, part, jobs)
            sentences = concat_parts([table for table, _ in pieces])
            tokenised = [sentence for _, part_words in pieces for sentence in part_words]
            content = _content_words(tokenised)
        vocabulary = {term for terms in content for term in terms}
        missing = vocabulary - counts.sentences.keys()
        if missing:
            raise ParameterError(f"document_frequencies lack {len(missing)} words of this corpus: not made from it?")
        n, docs = max(counts.n_sentences, 1), max(counts.n_documents, 1)
        idf = {term: math.log((1 + n) / (1 + counts.sentences[term])) + 1 for term in vocabulary}
        doc_idf = {term: math.log((1 + docs) / (1 + counts.documents[term])) + 1 for term in vocabulary}
        vectors = [_normalise({t: c * idf[t] for t, c in Counter(terms).items()}) for terms in content]
        ids = [d for d in corpus.doc_ids if d in wanted]
        by_doc: dict[str, list[str]] = {d: [] for d in ids}
        all_words: dict[str, list[str]] = {d: [] for d in ids}
        for doc_id, sentence_words, terms in zip(sentences["doc_id"], tokenised, content, strict=True):
            by_doc[doc_id].extend(terms)
            all_words[doc_id].extend(sentence_words)
        doc_vectors = {d: _normalise({t: c * doc_idf[t] for t, c in Counter(ts).items()}) for d, ts in by_doc.items()}
        return cls(all_words, sentences, vectors, doc_vectors)

    def sentence_similarity(self, doc_a: str, doc_b: str) -> np.ndarray:
        """Cosine similarity of every sentence of ``doc_a`` (rows) with every sentence of ``doc_b``."""
        empty = np.zeros(0, dtype=np.int64)
        rows_a, rows_b = self._rows.get(doc_a, empty), self._rows.get(doc_b, empty)
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
    :func:`xivn.framing.near_duplicates.rewrite_candidates` (at least three near-duplicate article
    sentences) are scored; ``near_duplicates`` passes that table when it is already made (as
    :func:`xivn.runner.run_stages` does, from worker processes). ``attrs["candidates"]`` says
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
    corpus: Corpus,
    pairs: pd.DataFrame,
    *,
    tau: float = COVERAGE_TAU,
    model: TextModel | None = None,
    frequencies: pd.DataFrame | None = None,
    jobs: int | Workers = 1,
) -> pd.DataFrame:
    """Exact similarity scores of the given pairs.

    Columns: ``doc_a``, ``doc_b``, ``j5`` and ``j3`` (Jaccard of word 5- and 3-gram sets),
    ``c3_ab`` (share of a's 3-grams found in b) and ``c3_ba``, ``cos_doc`` (TF-IDF cosine of the
    documents' content words), ``coverage_ab`` (share of a's sentences whose best TF-IDF match in
    b reaches ``tau``) and ``coverage_ba``. ``attrs`` hold ``tau``. Without a ``model``, one is
    built for the documents of the pairs, with IDF from ``frequencies``, on ``jobs`` processes (see
    :meth:`TextModel.build`).
    """
    if model is None:
        wanted = set(pairs["doc_a"]) | set(pairs["doc_b"])
        model = TextModel.build(corpus, doc_ids=wanted, frequencies=frequencies, jobs=jobs)
    grams: dict[str, tuple[set, set]] = {}  # a document is in many pairs: its 3- and 5-grams once

    def shingled(doc_id: str) -> tuple[set, set]:
        if doc_id not in grams:
            grams[doc_id] = (shingles(model.words[doc_id], 3), shingles(model.words[doc_id], 5))
        return grams[doc_id]

    rows = []
    for doc_a, doc_b in pairs[["doc_a", "doc_b"]].itertuples(index=False):
        (s3a, s5a), (s3b, s5b) = shingled(doc_a), shingled(doc_b)
        sim = model.sentence_similarity(doc_a, doc_b)
        cover_ab = float((sim.max(axis=1) >= tau).mean()) if sim.size else 0.0
        cover_ba = float((sim.max(axis=0) >= tau).mean()) if sim.size else 0.0
        rows.append(
            (doc_a, doc_b, jaccard(s5a, s5b), jaccard(s3a, s3b), containment(s3a, s3b), containment(s3b, s3a),
             cosine(model.doc_vectors[doc_a], model.doc_vectors[doc_b]), cover_ab, cover_ba)
        )  # fmt: skip
    columns = ["doc_a", "doc_b", "j5", "j3", "c3_ab", "c3_ba", "cos_doc", "coverage_ab", "coverage_ba"]
    table = pd.DataFrame(rows, columns=columns)
    table[columns[2:]] = table[columns[2:]].round(3)
    table.attrs["tau"] = tau
    return table


def direction_measures(corpus: Corpus) -> dict[str, dict[str, float | str]]:
    """What :func:`direction_evidence` compares, per document of ``corpus``: ``date``,
    ``n_words``, ``attributions`` (to sources), ``specifics`` (dates, weekdays and numbers),
    ``evaluation`` (boosters and evaluative words), ``faq`` (FAQ questions). Each is a property of
    the document alone, so one pass over the documents of many pairs serves every pair."""
    documents = corpus.documents.set_index("doc_id")
    spoken = voices(corpus)
    attributions = spoken.loc[~spoken["speaker_class"].isin(NOT_VOICES), "doc_id"].value_counts()
    lexicon = load_stance_lexicon()
    sentences = corpus.article_sentences()
    texts = sentences.groupby("doc_id", sort=False)["text"].agg(" ".join)
    faqs = sentences.loc[sentences["kind"] == "faq_question", "doc_id"].value_counts()
    measures = {}
    for doc_id in corpus.doc_ids:
        text = texts.get(doc_id, "")
        measures[doc_id] = {
            "date": str(documents.loc[doc_id, "date"] or ""),
            "n_words": int(documents.loc[doc_id, "n_words"]),
            "attributions": int(attributions.get(doc_id, 0)),
            "specifics": len(_SPECIFIC.findall(text)),
            "evaluation": sum(1 for c, _, _ in markers_in(text, lexicon) if c != "hedge"),
            "faq": int(faqs.get(doc_id, 0)),
        }
    return measures


def direction_evidence(
    corpus: Corpus, doc_a: str, doc_b: str, *, measures: dict[str, dict[str, float | str]] | None = None
) -> pd.DataFrame:
    """The signals on which text of a pair is the original, one row each.

    Columns: ``signal``, ``value_a``, ``value_b`` (the measurement for each text), ``original``
    (the doc_id this signal points to as the original, or "" when it abstains: missing data or a
    difference under 25%), ``rule``. Signals: an earlier full publication date; more attributions
    to sources per 1,000 words; more dates, weekdays and numbers per 1,000 words; fewer boosters
    and evaluative words per 1,000 words; no FAQ block where the other has one. ``measures``
    (:func:`direction_measures` of documents including both) saves measuring them again.
    """
    if measures is None:
        measures = direction_measures(corpus.subset([doc_a, doc_b]))
    a, b = measures[doc_a], measures[doc_b]
    rows = []

    def vote(signal: str, value_a: float, value_b: float, higher_is_original: bool, rule: str) -> None:
        low, high = min(value_a, value_b), max(value_a, value_b)
        if high == 0 or (high < RELATIVE_MARGIN * low and low > 0) or value_a == value_b:
            winner = ""
        else:
            winner = doc_a if (value_a > value_b) == higher_is_original else doc_b
        rows.append((signal, round(value_a, 2), round(value_b, 2), winner, rule))

    dates = {doc_a: a["date"], doc_b: b["date"]}
    both_full = all(_FULL_DATE.match(v) for v in dates.values())
    date_winner = min(dates, key=dates.get) if both_full and dates[doc_a] != dates[doc_b] else ""
    rule = "the earlier full date (YYYY-MM-DD) is the original"
    rows.append(("earlier date", dates[doc_a], dates[doc_b], date_winner, rule))

    def rate(measure: str) -> tuple[float, float]:
        return per_thousand(a[measure], a["n_words"]), per_thousand(b[measure], b["n_words"])

    vote("attributions per 1,000 words", *rate("attributions"), True, "a rewrite drops named and reported sources")
    vote("dates, weekdays and numbers per 1,000 words", *rate("specifics"), True, "a rewrite drops specifics")
    vote(
        "boosters and evaluative words per 1,000 words", *rate("evaluation"), False, "a rewrite adds generic evaluation"
    )
    vote("FAQ questions", a["faq"], b["faq"], False, "a rewrite adds FAQ or summary blocks")
    table = pd.DataFrame(rows, columns=["signal", "value_a", "value_b", "original", "rule"])
    return table.astype({"value_a": str, "value_b": str})


def rewrites(
    corpus: Corpus,
    *,
    candidates: pd.DataFrame | None = None,
    near_duplicates: pd.DataFrame | None = None,
    document_frequencies: pd.DataFrame | None = None,
    containment_min: float = CONTAINMENT_MIN,
    coverage_min: float = COVERAGE_MIN,
    tau: float = COVERAGE_TAU,
    jobs: int | Workers = 1,
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

    ``document_frequencies`` (:func:`document_frequencies` of the corpus, as
    :func:`xivn.runner.run_stages` passes it from the workers) gives the IDF weights, so that
    only the documents of candidate pairs are tokenised here; without it they are counted here.
    ``jobs`` processes share the per-document work (tokenising the candidate documents, measuring
    the flagged ones) when there are many documents; the result is the same.
    """
    pairs = candidate_pairs(corpus, near_duplicates=near_duplicates) if candidates is None else candidates
    scores = score_pairs(corpus, pairs, tau=tau, frequencies=document_frequencies, jobs=jobs)
    scores["is_derivation"] = (scores[["c3_ab", "c3_ba"]].max(axis=1) >= containment_min) & (
        scores[["coverage_ab", "coverage_ba"]].max(axis=1) >= coverage_min
    )
    flagged = scores[scores["is_derivation"]]
    flagged_ids = set(flagged["doc_a"]) | set(flagged["doc_b"])
    measures: dict[str, dict[str, float | str]] = {}  # once per document
    for part in map_partitions(direction_measures, corpus.subset(flagged_ids), jobs) if flagged_ids else []:
        measures.update(part)
    extra = []
    for row in scores.itertuples(index=False):
        if not row.is_derivation:
            extra.append(("", "", 0, 0, 0, ""))
            continue
        evidence = direction_evidence(corpus, row.doc_a, row.doc_b, measures=measures)
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


ALIGNMENT_COLUMNS = ["status", "similarity", "original", "derived"] + [
    f"{side}_{what}" for side in ("original", "derived") for what in ("sent_id", "start", "end", "quote")
]
"""The columns of an :func:`align` table."""
DIRECTION_COLUMNS = ["signal", "value_a", "value_b", "original", "rule"]
"""The columns of a :func:`direction_evidence` table."""


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
    table = pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS)
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


def rewrite_summary(alignment: pd.DataFrame, changes: pd.DataFrame, tones: pd.DataFrame) -> dict[str, float]:
    """The numbers of a rewrite's story, for a computed sentence.

    From an :func:`align` table, its :func:`rewrite_changes` and a :func:`xivn.framing.tonality.tone`
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


@dataclass(frozen=True)
class RewriteStory:
    """The first flagged rewrite of a corpus, told: which text rewrites which, the direction signals,
    the sentence alignment, what changed and the numbers of :func:`rewrite_summary`.

    With no flagged rewrite, ``original`` and ``derived`` are "", the tables are empty (with their
    columns) and ``summary`` is empty.
    """

    original: str
    derived: str
    evidence: pd.DataFrame
    alignment: pd.DataFrame
    changes: pd.DataFrame
    summary: dict[str, float]


def top_rewrite(corpus: Corpus, found: pd.DataFrame, tones: pd.DataFrame) -> RewriteStory:
    """The story of the first row of ``found`` (flagged pairs with a direction, closest first;
    see :func:`xivn.framing.selection.found_rewrites`), ``tones`` a :func:`~xivn.framing.tonality.tone` table."""
    if found.empty:
        alignment = pd.DataFrame(columns=ALIGNMENT_COLUMNS)
        alignment.attrs.update(tau=ALIGN_TAU, review=REVIEW_TAU)
        empty = pd.DataFrame(columns=DIRECTION_COLUMNS)
        return RewriteStory("", "", empty, alignment, rewrite_changes(corpus, alignment), {})
    original, derived = str(found.iloc[0]["original"]), str(found.iloc[0]["derived"])
    evidence = direction_evidence(corpus, original, derived)
    alignment = align(corpus, original, derived)
    changes = rewrite_changes(corpus, alignment)
    return RewriteStory(original, derived, evidence, alignment, changes, rewrite_summary(alignment, changes, tones))
