"""Frames: which sentences of each text carry which news frame, with the cue that fired.

Frames come from an editable dictionary (``xivn/framing/data/frames.toml``): the generic news frames of
Semetko & Valkenburg (2000) and the event frames of this visit. A sentence carries a frame when a
strong cue fires, or two different weak cues, or, in a frame that ``requires`` term lists, a weak
cue with a word of every one of them (two weak cues alone are not enough there: "upgraded" and
"status" are no rivalry unless both powers are named).
A word with several senses ("territories", "mineral", "fell short") is a cue only in its sense: a
cue may need context (``with``: words of named term lists elsewhere in the sentence, or, for a cue
with ``scope = "document"``, in any article sentence of its document: "the war" after a sentence
on the 1979 invasion, "the reserves" in a text on rare earths), and the frame's ``exclude``
patterns cancel every cue or context word they overlap ("mineral water", "countries and
territories", "the Red Sea"), so a sentence that also holds a true cue keeps it.
Frames are coded per article sentence; a document's profile is the count and share of its
sentences per frame, with bootstrap and Wilson intervals, because on texts of 20-40 sentences a
share is never more precise than that.

Also here: agreement of the dictionary with a hand-coded sample (Cohen's kappa), the renderings of
the event's slogan (from its profile), and the selection of sources by id, prefix or label.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xivn.corpus.corpus import Corpus, table_rows
from xivn.cues.datafiles import (
    PATTERNS,
    REGEX,
    STRINGS,
    TEXT,
    Entries,
    Field,
    ListOf,
    OneOf,
    Schema,
    Table,
    compile_patterns,
    data_error,
    load_csv,
    load_data_file,
)
from xivn.cues.engine import find_hits, in_order, resolve_overlaps
from xivn.cues.exclusions import NO_EXCLUSIONS, Exclusions, load_exclusions
from xivn.cues.prefilter import possible
from xivn.errors import DataFileError, ParameterError
from xivn.event.profile import Slogan
from xivn.framing.lexicon import Cue, compile_cues, find_cues, fold, quotation_spans
from xivn.framing.speakers import reported_spans, voices
from xivn.paths import data_path

FRAME_SETS = ("generic", "event")
SCOPES = ("sentence", "document")
"""Where a sensed cue's context word may be: its sentence (the default) or any article sentence of
its document."""
EVIDENCE = (
    "doc_id",
    "sent_id",
    "start",
    "end",
    "quote",
    "frame_set",
    "frame_id",
    "frame_label",
    "cue",
    "cue_start",
    "cue_end",
    "strength",
    "n_cues",
    "cues",
    "attributed",
    "context",
)
"""Columns of :func:`frame_evidence`."""

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


Context = tuple[int | None, int, int]
"""Where a context word is: the index of its sentence among the document's (``None``: the sentence
itself) and its span in that folded sentence."""

Match = tuple[Cue, int, int, str, tuple[Context, ...]]
"""One cue that puts a frame on a sentence: the cue, its span in the folded sentence, ``strong`` or
``weak``, and where the context words that gave it its sense are (empty for a cue that needs none)."""


@dataclass(frozen=True)
class Frame:
    """One frame of a frame dictionary, with compiled cues.

    ``context`` maps a cue's name (its pattern) to the term lists one of whose words it needs in
    the same sentence; ``document_scoped`` names the cues whose word may be in any sentence of the
    document; ``terms`` holds those lists and the ones the frame ``requires``."""

    id: str
    set: str
    label: str
    definition: str
    strong: list[Cue]
    weak: list[Cue]
    requires: list[list[Cue]]
    exclude: list[Cue]
    examples: list[str]
    counter_examples: list[str]
    context: dict[str, tuple[str, ...]] = field(default_factory=dict)
    terms: dict[str, list[Cue]] = field(default_factory=dict)
    document_scoped: frozenset[str] = frozenset()

    @cached_property
    def _firing_uids(self) -> frozenset[int]:
        """The pattern numbers of the strong and weak cues: a frame fires only if one can match."""
        return frozenset(cue.pattern.uid for cue in (*self.strong, *self.weak))

    def cues_in(
        self, folded: str, exclusions: Exclusions = NO_EXCLUSIONS, document: Sequence[str] = (), at: int = -1
    ) -> list[Match]:
        """The cues that put this frame on a (folded) sentence, strongest first; [] if it does not fire.

        A hit overlapping a match of the frame's ``exclude`` patterns, or of the shared
        ``exclusions`` that apply to this frame (:mod:`xivn.cues.exclusions`), is dropped, and so
        is a cue with ``with`` term lists when none of their words is elsewhere in the sentence
        (outside the cue itself, and not excluded either) nor, for a document-scoped cue, in one of
        the other folded sentences of its ``document`` (``at``: the sentence's own place there)."""
        if self._firing_uids.isdisjoint(possible(folded)):
            return []
        strong_hits, weak_hits = find_cues(self.strong, folded), find_cues(self.weak, folded)
        if not strong_hits and not weak_hits:
            return []
        vetoed = [(a, b) for _, a, b in find_cues(self.exclude, folded)]
        vetoed += [(a, b) for a, b, entry in exclusions.spans(folded) if entry.applies_to(self.id)]

        def kept(hits: list[tuple[Cue, int, int]]) -> list[tuple[Cue, int, int]]:
            return [(cue, a, b) for cue, a, b in hits if not any(x < b and a < y for x, y in vetoed)]

        found_terms: dict[str, list[tuple[Cue, int, int]]] = {}

        def terms(name: str) -> list[tuple[Cue, int, int]]:
            if name not in found_terms:
                found_terms[name] = kept(find_cues(self.terms[name], folded))
            return found_terms[name]

        def sensed(hits: list[tuple[Cue, int, int]], strength: str) -> list[Match]:
            matches = []
            for cue, a, b in kept(hits):
                names = self.context.get(cue.name)
                if names is None:
                    matches.append((cue, a, b, strength, ()))
                    continue
                around = [(x, y) for name in names for _, x, y in terms(name) if y <= a or x >= b]
                if around:  # the nearest context word speaks for the cue's sense
                    x, y = min(around, key=lambda s: abs(s[0] - a))
                    matches.append((cue, a, b, strength, ((None, x, y),)))
                elif cue.name in self.document_scoped and (where := self._in_document(names, document, at, exclusions)):
                    matches.append((cue, a, b, strength, (where,)))
            return matches

        strong = sensed(strong_hits, "strong")
        spans = {(a, b) for _, a, b, *_ in strong}
        weak = [match for match in sensed(weak_hits, "weak") if match[1:3] not in spans]  # a word counts once
        if strong:
            return strong + weak
        if self.requires:  # weak cues count only with every required term list
            return weak if weak and all(kept(find_cues(t, folded)) for t in self.requires) else []
        return weak if len({cue.name for cue, *_ in weak}) >= 2 else []

    def _in_document(
        self, names: tuple[str, ...], document: Sequence[str], at: int, exclusions: Exclusions
    ) -> Context | None:
        """The first word of the named term lists in the document's other sentences (not excluded), if any."""
        for index, other in enumerate(document):
            if index == at:
                continue
            vetoed = [(a, b) for _, a, b in find_cues(self.exclude, other)]
            vetoed += [(a, b) for a, b, entry in exclusions.spans(other) if entry.applies_to(self.id)]
            for name in names:
                for _, x, y in find_cues(self.terms[name], other):
                    if not any(a < y and x < b for a, b in vetoed):
                        return (index, x, y)
        return None


class CueEntry(Field):
    """A cue of a frame: a regular expression, or a table ``{pattern = '...', with = [term lists]}``
    for a word that is a cue only when a word of one of those lists is in the same sentence."""

    expected = "a regular expression string or a table {pattern, with}"
    plural = "regular expression strings or {pattern, with} tables"
    sensed = Table(required={"pattern": REGEX, "with": ListOf(TEXT, nonempty=True)}, optional={"scope": OneOf(SCOPES)})

    def check(self, value: Any, file: str, entry: str) -> Any:
        if isinstance(value, str):
            return REGEX.check(value, file, entry)
        if isinstance(value, dict):
            return self.sensed.check(value, file, entry)
        raise data_error(file, entry, f"expected {self.expected}, got {value!r}")


CUES = ListOf(CueEntry())


FRAMES_SCHEMA = Schema(
    "frames.toml",
    Table(
        required={
            "frame": Entries(
                Table(
                    required={
                        "id": TEXT,
                        "set": OneOf(FRAME_SETS),
                        "label": TEXT,
                        "definition": TEXT,
                        "strong": CUES,
                    },
                    optional={
                        "weak": CUES,
                        "requires": STRINGS,
                        "exclude": PATTERNS,
                        "examples": STRINGS,
                        "counter_examples": STRINGS,
                    },
                ),
                nonempty=True,
                array=True,
            )
        },
        optional={"event": TEXT, "terms": Entries(PATTERNS)},
    ),
)
"""A frame dictionary: the event its event frames were written for, term lists, and the frames with
their strong, weak and excluding cues."""


def _cue_list(
    entries: list[Any], terms: Mapping[str, list[Cue]], file: str, here: str
) -> tuple[list[Cue], dict[str, tuple[str, ...]], set[str]]:
    """Compiled cues of a ``strong`` or ``weak`` list, the term lists each sensed cue needs, and the
    sensed cues whose context may be anywhere in the document."""
    patterns = [e if isinstance(e, str) else e["pattern"] for e in entries]
    context, document_scoped = {}, set()
    for number, entry in enumerate(entries, start=1):
        if isinstance(entry, dict):
            unknown = [t for t in entry["with"] if t not in terms]
            if unknown:
                known = ", ".join(terms) or "none"
                raise data_error(file, f"{here}.{number}.with", f"unknown term list {unknown[0]!r} (known: {known})")
            context[entry["pattern"]] = tuple(entry["with"])
            if entry.get("scope") == "document":
                document_scoped.add(entry["pattern"])
    return compile_cues(patterns, where=f"{file} [{here}]"), context, document_scoped


@cache
def _frames_cached(path: Path) -> tuple[Frame, ...]:
    data = load_data_file(path, FRAMES_SCHEMA)
    where = path.name
    terms = {name: compile_cues(cues, where=f"{where} [terms.{name}]") for name, cues in data.get("terms", {}).items()}
    frames, seen = [], set()
    for number, entry in enumerate(data["frame"], start=1):
        here = f"frame.{number}"
        fid = entry["id"]
        if not _ID.match(fid) or fid in seen:
            raise data_error(where, f"{here}.id", f"{fid!r}: ids must be unique lowercase names (letters, digits, _)")
        unknown = [t for t in entry.get("requires", []) if t not in terms]
        if unknown:
            raise data_error(
                where, f"{here}.requires", f"unknown term list {unknown[0]!r} (known: {', '.join(terms) or 'none'})"
            )
        seen.add(fid)
        strong, strong_context, strong_scoped = _cue_list(entry["strong"], terms, where, f"{here}.strong")
        weak, weak_context, weak_scoped = _cue_list(entry.get("weak", []), terms, where, f"{here}.weak")
        context = strong_context | weak_context
        frames.append(
            Frame(
                id=fid,
                set=entry["set"],
                label=entry["label"],
                definition=entry["definition"],
                strong=strong,
                weak=weak,
                requires=[terms[t] for t in entry.get("requires", [])],
                exclude=compile_cues(entry.get("exclude", []), where=f"{where} [{here}.exclude]"),
                examples=entry.get("examples", []),
                counter_examples=entry.get("counter_examples", []),
                context=context,
                terms={name: terms[name] for name in {n for names in context.values() for n in names}},
                document_scoped=frozenset(strong_scoped | weak_scoped),
            )
        )
    return tuple(frames)


def load_frames(name_or_path: str | Path = "frames.toml") -> list[Frame]:
    """Read and validate a frame dictionary (a bare name means the copy in ``xivn/framing/data``)."""
    return list(_frames_cached(data_path(name_or_path).resolve()))


def written_for(name_or_path: str | Path = "frames.toml") -> str:
    """The id of the event profile a frame dictionary's event frames were written for (its
    ``event`` field; "" when it names none)."""
    return load_data_file(data_path(name_or_path), FRAMES_SCHEMA).get("event", "")


def select_sources(corpus: Corpus, sources: Sequence[str] = ()) -> Corpus:
    """The corpus restricted to ``sources``: doc ids, unique doc-id prefixes (``"000"``) or labels.

    An empty selection keeps every document. Raises :class:`~xivn.errors.ParameterError` for a
    name that matches no document or several.
    """
    if not sources:
        return corpus
    labels = corpus.labels()
    chosen = []
    for name in sources:
        matches = [d for d in corpus.doc_ids if d == name or labels[d] == name] or [
            d for d in corpus.doc_ids if d.startswith(str(name))
        ]
        if len(matches) != 1:
            problem = "matches no document" if not matches else f"is ambiguous ({', '.join(matches)})"
            raise ParameterError(f"source {name!r} {problem}; use a doc_id, a unique prefix or a label")
        chosen.append(matches[0])
    return corpus.subset(chosen)


def frame_evidence(
    corpus: Corpus, frames: str | Path = "frames.toml", *, exclusions: Exclusions | None = None
) -> pd.DataFrame:
    """One row per article sentence x frame that fires, with the cue that fired.

    ``exclusions`` are the shared sense checks of :mod:`xivn.cues.exclusions` ("mineral water",
    a figure that "fell short of" a forecast), applied besides each frame's own ``exclude``;
    ``None`` means the shipped file (``load_exclusions()``), ``NO_EXCLUSIONS`` none.

    Columns: ``doc_id``, ``sent_id``, ``start``, ``end``, ``quote`` (the sentence and its raw
    offsets), ``frame_set``, ``frame_id``, ``frame_label``, ``cue`` (the words of the first cue,
    strong cues first), ``cue_start`` / ``cue_end`` (its raw offsets), ``strength`` (``strong`` or
    ``weak``), ``n_cues`` and ``cues`` (every cue match, ``; ``-separated), ``attributed`` (the
    first cue lies inside words reported from a source, by :func:`xivn.framing.speakers.voices`: the frame
    is voiced by a source rather than asserted by the author), ``context`` (the words that gave the
    first cue its sense; a word found in another sentence of the document, for a document-scoped
    cue, is followed by that sentence's id: ``"rare earths (sentence 3)"``; empty for a cue that
    needs none). Sorted by document and sentence.
    """
    loaded = load_frames(frames)
    exclusions = load_exclusions() if exclusions is None else exclusions
    spans = reported_spans(voices(corpus))
    rows = []
    for _, sentences in corpus.article_sentences().groupby("doc_id", sort=False):
        rows += _document_evidence(list(table_rows(sentences)), loaded, exclusions, spans)
    table = pd.DataFrame(rows, columns=list(EVIDENCE))
    table.attrs.update(frames=Path(str(frames)).name, exclusions=", ".join(exclusions.sources))
    return table


def _document_evidence(
    sentences: list[Any], loaded: list[Frame], exclusions: Exclusions, spans: Mapping[str, list[tuple[int, int]]]
) -> list[tuple[Any, ...]]:
    """The rows of :func:`frame_evidence` for the article sentences of one document."""
    document = [fold(sentence.text) for sentence in sentences]

    def context_words(where: tuple[Context, ...], sentence: Any) -> str:
        words = []
        for index, x, y in where:
            source = sentence if index is None else sentences[index]
            words.append(source.text[x:y] + ("" if index is None else f" (sentence {source.sent_id})"))
        return "; ".join(words)

    rows = []
    for at, (sentence, folded) in enumerate(zip(sentences, document, strict=True)):
        for frame in loaded:
            hits = frame.cues_in(folded, exclusions, document, at)
            if not hits:
                continue
            cue_start, cue_end = sentence.start + hits[0][1], sentence.start + hits[0][2]
            attributed = any(a <= cue_start < b for a, b in spans.get(sentence.doc_id, []))
            rows.append(
                (
                    sentence.doc_id,
                    sentence.sent_id,
                    sentence.start,
                    sentence.end,
                    sentence.text,
                    frame.set,
                    frame.id,
                    frame.label,
                    sentence.text[hits[0][1] : hits[0][2]],
                    cue_start,
                    cue_end,
                    hits[0][3],
                    len(hits),
                    "; ".join(sentence.text[a:b] for _, a, b, *_ in hits),
                    attributed,
                    context_words(hits[0][4], sentence),
                )
            )
    return rows


def frame_indicators(
    corpus: Corpus, frames: str | Path = "frames.toml", *, evidence: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every article sentence with a 0/1 column per frame id (``doc_id``, ``sent_id`` first).

    ``evidence`` is :func:`frame_evidence` of the same corpus and frames when already made."""
    ids = [f.id for f in load_frames(frames)]
    sentences = corpus.article_sentences()[["doc_id", "sent_id"]]
    evidence = frame_evidence(corpus, frames) if evidence is None else evidence
    wide = pd.crosstab([evidence["doc_id"], evidence["sent_id"]], evidence["frame_id"]).clip(upper=1)
    wide = wide.reindex(columns=ids, fill_value=0).reset_index()
    table = sentences.merge(wide, on=["doc_id", "sent_id"], how="left").fillna(0)
    return table.astype({fid: "int64" for fid in ids})


def wilson_interval(k: np.ndarray, n: np.ndarray, z: float = 1.96) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for k successes in n trials (element-wise; [0, 0] when n is 0)."""
    k, n = np.asarray(k, dtype=float), np.asarray(n, dtype=float)
    safe = np.where(n > 0, n, 1.0)
    p = k / safe
    centre = (p + z * z / (2 * safe)) / (1 + z * z / safe)
    half = z * np.sqrt(p * (1 - p) / safe + z * z / (4 * safe * safe)) / (1 + z * z / safe)
    return np.where(n > 0, centre - half, 0.0), np.where(n > 0, centre + half, 0.0)


def bootstrap_means(values: np.ndarray, draws: int, rng: np.random.Generator) -> np.ndarray:
    """Means of ``draws`` resamples (with replacement) of the rows of ``values``: shape (draws, columns)."""
    values = np.asarray(values, dtype=float)
    if values.ndim == 1:
        values = values[:, None]
    if len(values) == 0:
        return np.full((draws, values.shape[1]), np.nan)
    index = rng.integers(0, len(values), size=(draws, len(values)))
    return values[index].mean(axis=1)


def frame_profile(
    corpus: Corpus,
    frames: str | Path = "frames.toml",
    *,
    draws: int = 1000,
    seed: int = 2023,
    evidence: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per document and frame: how many article sentences carry it, with intervals.

    Columns: ``doc_id``, ``label``, ``frame_set``, ``frame_id``, ``frame_label``,
    ``n_sentences`` (sentences with the frame), ``n_article_sentences``, ``share``, ``ci_low`` /
    ``ci_high`` (95% percentile interval from ``draws`` bootstrap resamples of the document's
    sentences, seeded), ``wilson_low`` / ``wilson_high`` (95% Wilson interval, which stays honest
    when a frame is absent: a bootstrap of 0 of n gives [0, 0]), ``n_words``, ``per_1000_words``
    (frame sentences per 1,000 article words), ``n_attributed`` (frame sentences whose cue is
    voiced by a source), ``first_position`` (where the frame first appears, 0 = first sentence,
    1 = last; empty when absent). One row per document x frame, zeros included; document order,
    then dictionary order. ``attrs`` hold ``draws``, ``seed`` and the dictionary name.
    ``evidence`` is :func:`frame_evidence` of the same corpus and frames when already made.
    """
    if draws < 1:
        raise ParameterError(f"draws must be at least 1, got {draws}")
    loaded = load_frames(frames)
    ids = [f.id for f in loaded]
    evidence = frame_evidence(corpus, frames) if evidence is None else evidence
    indicators = frame_indicators(corpus, frames, evidence=evidence)
    attributed = evidence[evidence["attributed"].astype(bool)].groupby(["doc_id", "frame_id"]).size()
    words = corpus.documents.set_index("doc_id")["n_words"]
    labels = corpus.labels()
    rng = np.random.default_rng(seed)
    by_doc = dict(tuple(indicators.groupby("doc_id", sort=False)))  # one pass, not one filter per document
    rows = []
    for doc_id in corpus.doc_ids:
        matrix = by_doc.get(doc_id, indicators.iloc[:0])[ids].to_numpy()
        n = len(matrix)
        counts = matrix.sum(axis=0) if n else np.zeros(len(ids))
        boot = bootstrap_means(matrix, draws, rng)
        low, high = (np.nanpercentile(boot, q, axis=0) if n else np.zeros(len(ids)) for q in (2.5, 97.5))
        w_low, w_high = wilson_interval(counts, np.full(len(ids), n))
        for j, frame in enumerate(loaded):
            positions = np.flatnonzero(matrix[:, j]) if n else []
            rows.append(
                (
                    doc_id,
                    labels[doc_id],
                    frame.set,
                    frame.id,
                    frame.label,
                    int(counts[j]),
                    n,
                    counts[j] / n if n else 0.0,
                    float(low[j]),
                    float(high[j]),
                    float(w_low[j]),
                    float(w_high[j]),
                    int(words.get(doc_id, 0)),
                    round(1000 * counts[j] / words[doc_id], 2) if words.get(doc_id, 0) else 0.0,
                    int(attributed.get((doc_id, frame.id), 0)),
                    round(positions[0] / max(n - 1, 1), 3) if len(positions) else np.nan,
                )
            )
    columns = ["doc_id", "label", "frame_set", "frame_id", "frame_label", "n_sentences", "n_article_sentences", "share"]
    columns += ["ci_low", "ci_high", "wilson_low", "wilson_high", "n_words", "per_1000_words", "n_attributed"]
    table = pd.DataFrame(rows, columns=[*columns, "first_position"])
    for column in ("share", "ci_low", "ci_high", "wilson_low", "wilson_high"):
        table[column] = table[column].round(3)
    table.attrs.update(draws=draws, seed=seed, frames=Path(str(frames)).name)
    return table


def cohen_kappa(a: Sequence[int], b: Sequence[int]) -> float:
    """Cohen's kappa of two 0/1 codings; NaN when undefined (both coders constant and equal)."""
    x, y = np.asarray(a, dtype=int), np.asarray(b, dtype=int)
    if len(x) != len(y) or len(x) == 0:
        raise ValueError("kappa needs two codings of the same, non-zero length")
    p_o = float(np.mean(x == y))
    p_e = float(x.mean() * y.mean() + (1 - x.mean()) * (1 - y.mean()))
    return math.nan if p_e == 1 else (p_o - p_e) / (1 - p_e)


def load_gold(name_or_path: str | Path = "framing_gold.csv") -> pd.DataFrame:
    """A hand-coded frame sample: ``doc_id``, ``sent_id``, ``start``, ``end``, ``quote`` and 0/1 frame columns."""
    return load_csv(name_or_path, ["doc_id", "sent_id", "start", "end", "quote"], dtype={"doc_id": str, "quote": str})


def frame_agreement(
    corpus: Corpus, gold: str | Path = "framing_gold.csv", frames: str | Path = "frames.toml"
) -> pd.DataFrame:
    """Agreement of the dictionary coder with a hand-coded sample, per frame.

    Only gold sentences found in ``corpus`` with the same offsets and words are compared.
    Columns: ``frame_id``, ``frame_label``, ``n`` (sentences compared), ``n11`` (both code the
    frame), ``n10`` (hand only), ``n01`` (dictionary only), ``n00``, ``agreement`` (share of equal
    codes), ``precision`` and ``recall`` of the dictionary against the hand codes (empty when
    undefined), ``kappa`` (Cohen's; empty when undefined), ``note`` ("undefined: frame absent in
    sample" when neither coder ever uses the frame). Dictionary order; no rows when no gold
    sentence is in the corpus.
    """
    loaded = load_frames(frames)
    sample = load_gold(gold)
    missing = [f.id for f in loaded if f.id not in sample.columns]
    if missing:
        raise DataFileError(f"{gold}: no column for frame {missing[0]!r}")
    sentences = corpus.article_sentences()[["doc_id", "sent_id", "start", "end", "text"]]
    matched = sample.merge(sentences, on=["doc_id", "sent_id", "start", "end"])
    matched = matched[matched["quote"] == matched["text"]]
    columns = ["frame_id", "frame_label", "n", "n11", "n10", "n01", "n00", "agreement", "precision", "recall", "kappa"]
    if matched.empty:
        return pd.DataFrame(columns=[*columns, "note"])
    coded = matched[["doc_id", "sent_id"]].merge(frame_indicators(corpus, frames), on=["doc_id", "sent_id"])
    rows = []
    for frame in loaded:
        hand, auto = matched[frame.id].to_numpy().astype(int), coded[frame.id].to_numpy()
        n11, n10 = int(((hand == 1) & (auto == 1)).sum()), int(((hand == 1) & (auto == 0)).sum())
        n01, n00 = int(((hand == 0) & (auto == 1)).sum()), int(((hand == 0) & (auto == 0)).sum())
        kappa = cohen_kappa(hand, auto)
        note = "undefined: frame absent in sample" if n11 + n10 + n01 == 0 else ""
        rows.append(
            (
                frame.id,
                frame.label,
                len(hand),
                n11,
                n10,
                n01,
                n00,
                round((n11 + n00) / len(hand), 3),
                round(n11 / (n11 + n01), 3) if n11 + n01 else np.nan,
                round(n11 / (n11 + n10), 3) if n11 + n10 else np.nan,
                round(kappa, 3) if not math.isnan(kappa) else np.nan,
                note,
            )
        )
    return pd.DataFrame(rows, columns=[*columns, "note"])


SLOGAN_SCHEMA = Schema(
    "slogan.toml",
    Table(
        required={"explanation": PATTERNS},
        optional={
            "gloss": Entries(
                Table(required={"original": TEXT, "meaning": TEXT, "rendered_as": TEXT, "pattern": REGEX}), array=True
            )
        },
    ),
)
"""What the slogan analysis looks for around a rendering: a text explaining the wording, and the
meaning of a slogan's original wording (the slogan itself is in the event profile)."""


@dataclass(frozen=True)
class Gloss:
    """What the key word of a slogan's original wording means (``meaning``) where its English
    renderings say ``rendered_as``, and the ``pattern`` of a mention of that meaning."""

    meaning: str
    rendered_as: str
    pattern: re.Pattern[str]


@cache
def _slogan_rules(path: Path) -> tuple[list[Cue], dict[str, Gloss]]:
    data = load_data_file(path, SLOGAN_SCHEMA)
    glosses = {}
    for n, entry in enumerate(data.get("gloss", []), start=1):
        (pattern,) = compile_patterns([entry["pattern"]], where=f"{path.name} [gloss.{n}.pattern]")
        glosses[entry["original"]] = Gloss(entry["meaning"], entry["rendered_as"], pattern)
    return compile_cues(data["explanation"], where=f"{path.name} [explanation]"), glosses


def slogan_gloss(slogan: Slogan | None, rules: str | Path = "slogan.toml") -> Gloss | None:
    """The gloss of the slogan's original wording in the slogan rules; None when the event has no
    slogan, the slogan no original wording, or the rules no gloss of it."""
    if slogan is None or not slogan.original:
        return None
    return _slogan_rules(data_path(rules).resolve())[1].get(slogan.original)


def slogan_renderings(corpus: Corpus, slogan: Slogan | None, rules: str | Path = "slogan.toml") -> pd.DataFrame:
    """Every rendering of the event's slogan (the patterns of the profile's ``slogan``; no rows when
    it has none), and how the text frames it.

    Columns: ``doc_id``, ``sent_id``, ``start``, ``end``, ``quote`` (the rendering's words and
    their raw offsets), ``rendering`` (lowercased, quotation marks removed), ``in_quotes`` (inside
    quotation marks), ``meaning`` (the sentence mentions what the original wording means, by
    :func:`slogan_gloss`: destiny or fate for "shared future"; False without a gloss), ``explains``
    (the sentence glosses the wording: translation, "in Chinese", "means", "conveys"), ``sentence``.
    """
    columns = ["doc_id", "sent_id", "start", "end", "quote", "rendering", "in_quotes", "meaning", "explains"]
    if slogan is None:
        return pd.DataFrame(columns=[*columns, "sentence"])
    explanation = _slogan_rules(data_path(rules).resolve())[0]
    gloss = slogan_gloss(slogan, rules)
    renderings = compile_cues(slogan.renderings, where="event profile [slogan.renderings]")
    cues = {cue.name: [cue.pattern] for cue in renderings}
    rows = []
    for sentence in table_rows(corpus.article_sentences()):
        folded = fold(sentence.text)
        quotes = quotation_spans(folded)
        for hit in resolve_overlaps(find_hits(folded, cues, ranks=in_order(cues))):  # the earlier rendering wins
            a, b = hit.start, hit.end
            words = re.sub(r"[^\w\s-]", "", folded[a:b].lower())
            rows.append(
                (
                    sentence.doc_id,
                    sentence.sent_id,
                    sentence.start + a,
                    sentence.start + b,
                    sentence.text[a:b],
                    " ".join(words.split()),
                    any(x < b and a < y for x, y in quotes),
                    bool(gloss and gloss.pattern.search(folded)),
                    bool(find_cues(explanation, folded)),
                    sentence.text,
                )
            )
    return pd.DataFrame(rows, columns=[*columns, "sentence"])


def slogan_summary(renderings: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Per document: ``doc_id``, ``label``, ``mentions``, ``in_quotes``, ``forms`` (distinct
    renderings, ``; ``-separated), ``meaning_note`` and ``explains`` (any sentence that does so)."""
    by_doc, labels = dict(tuple(renderings.groupby("doc_id", sort=False))), corpus.labels()
    rows = []
    for doc_id in corpus.doc_ids:
        mine = by_doc.get(doc_id, renderings.iloc[:0])
        forms = "; ".join(sorted(set(mine["rendering"])))
        rows.append(
            (doc_id, labels[doc_id], len(mine), int(mine["in_quotes"].sum()), forms,
             bool(mine["meaning"].any()), bool(mine["explains"].any()))
        )  # fmt: skip
    return pd.DataFrame(rows, columns=["doc_id", "label", "mentions", "in_quotes", "forms", "meaning_note", "explains"])
