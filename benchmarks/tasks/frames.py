"""Frames: the dictionary coder against the hand coding of ``tests/gold/frames.toml``, per sentence.

A gold row names a sentence by a snippet of its words and one frame it carries; every other
sentence x frame is coded 0. Rows are keyed on ``doc_id``, ``sentence`` (the snippet, or for a
sentence no gold row names, its own text) and ``frame``, so the ``all`` row is precision and
recall over sentence x frame pairs and each misread is one pair missed or found in excess. Then,
per frame over every article sentence of the set, the confusion counts give precision, recall and
Cohen's kappa (``kappa`` column; empty when undefined, the frame absent from both codings), and a
last row gives the mean kappa over the frames where it is defined.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
from scoring import SCORE_COLUMNS, corpus_of, field_scores, gold_rows, load_gold, misreads

from xivn.framing.frames import cohen_kappa, frame_evidence, load_frames

TASK = "frames"
SENTENCE = ["doc_id", "sentence"]
KEY = [*SENTENCE, "frame"]


def sentence_keys(sentences: pd.DataFrame, documents: list[dict]) -> dict[tuple[str, int], str]:
    """``(doc_id, sent_id)`` -> the gold snippet lying in that sentence, or the sentence's own text.

    Raises ``ValueError`` when a snippet lies in no article sentence or in several, or when two
    snippets name one sentence: the gold file must name each sentence once and unambiguously."""
    keys = {(row.doc_id, row.sent_id): row.text for row in sentences.itertuples()}
    named: dict[tuple[str, int], str] = {}
    for document in documents:
        mine = sentences[sentences["doc_id"] == document["id"]]
        for snippet in dict.fromkeys(row["sentence"] for row in document["expect"]):
            hits = [(row.doc_id, row.sent_id) for row in mine.itertuples() if snippet in row.text]
            if len(hits) != 1:
                raise ValueError(f"{document['id']}: snippet {snippet!r} lies in {len(hits)} article sentences")
            if hits[0] in named:
                raise ValueError(f"{document['id']}: {snippet!r} and {named[hits[0]]!r} name one sentence")
            named[hits[0]] = snippet
    return keys | named


def kappa_rows(hand: pd.DataFrame, auto: pd.DataFrame, frame_ids: list[str]) -> pd.DataFrame:
    """Per frame: confusion counts as ``gold`` (hand 1), ``found`` (dictionary 1), ``correct``
    (both 1), with precision, recall, F1 and Cohen's kappa over every sentence; then the mean kappa."""
    rows = []
    for frame_id in frame_ids:
        h, a = hand[frame_id].to_numpy(), auto[frame_id].to_numpy()
        n11, n_hand, n_auto = int((h & a).sum()), int(h.sum()), int(a.sum())
        precision = n11 / n_auto if n_auto else math.nan
        recall = n11 / n_hand if n_hand else math.nan
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        kappa = cohen_kappa(h, a)
        rows.append((TASK, f"frame {frame_id}", n_hand, n_auto, n11, precision, recall, f1, kappa))
    table = pd.DataFrame(rows, columns=[*SCORE_COLUMNS, "kappa"])
    mean = table["kappa"].mean()  # NaN (undefined) kappas are left out
    defined = int(table["kappa"].notna().sum())
    mean_row = (TASK, f"mean kappa ({defined} frames)", *[math.nan] * (len(SCORE_COLUMNS) - 2), mean)
    return pd.concat([table, pd.DataFrame([mean_row], columns=table.columns)], ignore_index=True)


def evaluate(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores (per-pair rows, then one row per frame and the mean kappa) and misreads on the gold set."""
    documents = load_gold(TASK)
    corpus = corpus_of(documents, folder)
    frame_ids = [frame.id for frame in load_frames()]
    sentences = corpus.article_sentences()[["doc_id", "sent_id", "text"]]
    keys = sentence_keys(sentences, documents)
    gold = gold_rows(documents, ["sentence", "frame"])
    evidence = frame_evidence(corpus)
    found = pd.DataFrame(
        {
            "doc_id": evidence["doc_id"],
            "sentence": [keys[d, s] for d, s in zip(evidence["doc_id"], evidence["sent_id"], strict=True)],
            "frame": evidence["frame_id"],
        }
    )
    pairs = zip(sentences["doc_id"], sentences["sent_id"], strict=True)
    universe = pd.DataFrame({"doc_id": sentences["doc_id"], "sentence": [keys[pair] for pair in pairs]})

    def coded(rows: pd.DataFrame) -> pd.DataFrame:
        wide = pd.crosstab([rows["doc_id"], rows["sentence"]], rows["frame"]).clip(upper=1)
        wide = wide.reindex(columns=frame_ids, fill_value=0).reset_index()
        return universe.merge(wide, on=SENTENCE, how="left").fillna(0).astype({f: bool for f in frame_ids})

    unknown = sorted(set(gold["frame"]) - set(frame_ids))
    if unknown:
        raise ValueError(f"gold rows name unknown frame {unknown[0]!r}")
    scores = pd.concat(
        [field_scores(TASK, gold, found, KEY, []), kappa_rows(coded(gold), coded(found), frame_ids)],
        ignore_index=True,
    )
    return scores, misreads(gold, found, KEY, [])
