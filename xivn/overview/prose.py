"""The overview notebook's computed sentences, one function per sentence.

Each takes the tables of :mod:`xivn.overview.tables` (or ``corpus.documents``) and returns a
:class:`~xivn.display.markdown.Markdown`; every piece of corpus text in it (labels, kinds, quotes)
is escaped, so a label such as ``*Evil* $x$ <b>`` shows as those characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from xivn.corpus.language import is_read
from xivn.display.escaping import escape_markdown
from xivn.display.markdown import Markdown
from xivn.display.wording import counted, is_missing, label_of, name_list, verb
from xivn.event import TIMINGS, EventProfile, Selection

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

CLEAN_NAMES_SHOWN = 5
"""Documents without chrome named one by one in :func:`chrome_sentence`; the rest are counted."""


def _labels(table: pd.DataFrame) -> list[str]:
    """The ``label`` column of a per-document table, escaped; a missing label falls back to the ``doc_id``."""
    labels = dict(zip(table["doc_id"], table["label"], strict=True))
    return [label_of(labels, doc_id) for doc_id in table["doc_id"]]


def _chrome_text(composition: pd.DataFrame) -> str:
    if composition.empty:
        return "There are no documents, so no page chrome."
    total = int(composition[["article_chars", "chrome_chars"]].fillna(0).to_numpy().sum())
    chrome = int(composition["chrome_chars"].fillna(0).sum())
    if chrome == 0:
        return "No document has page chrome: every paragraph is article text."
    worst = composition.sort_values(["chrome_share", "doc_id"], ascending=[False, True]).head(1)
    clean = composition[composition["chrome_paragraphs"].fillna(0) == 0]
    sentence = (
        f"Page chrome is {chrome / total:.0%} of all paragraph characters; it is heaviest in "
        f"*{_labels(worst)[0]}* ({float(worst['chrome_share'].iloc[0]):.0%}), and "
    )
    if clean.empty:
        return sentence + "every document has some."
    return sentence + (
        f"{counted(len(clean), 'document')} {verb(len(clean), 'has', 'have')} none "
        f"({name_list(_labels(clean), limit=CLEAN_NAMES_SHOWN)})."
    )


def chrome_sentence(composition: pd.DataFrame) -> Markdown:
    """The sentence on how much of the corpus is page chrome, from :func:`~xivn.overview.tables.composition`:
    its share of all characters, the document with the largest share and those with none."""
    return Markdown(_chrome_text(composition))


def bottom_line(documents: pd.DataFrame, composition: pd.DataFrame) -> Markdown:
    """The "Bottom line" sentence: documents and words of article text, then :func:`chrome_sentence`."""
    words = int(documents["n_words"].fillna(0).sum()) if "n_words" in documents else 0
    return Markdown(
        f"**Bottom line.** The corpus holds {counted(len(documents), 'document')} and "
        f"{counted(words, 'word')} of article text. " + _chrome_text(composition)
    )


def dates_sentence(documents: pd.DataFrame, profile: EventProfile) -> Markdown:
    """The sentence on the documents' dates: how many are inferred, how many were written before,
    during and after the event of ``profile`` (``timing``, :func:`~xivn.overview.tables.with_timing`)."""
    if documents.empty:
        return Markdown("There are no documents, so no publication dates.")
    inferred = int(documents["date_basis"].astype("string").str.startswith("inferred").fillna(False).sum())
    before, during, after = ((documents["timing"] == when).fillna(False).sum() for when in TIMINGS)
    unplaced = len(documents) - before - during - after
    unknown = f"; for {unplaced:,} it is not known" if unplaced else ""
    return Markdown(
        f"{inferred:,} of {counted(len(documents), 'publication date')} {verb(inferred, 'is', 'are')} inferred "
        f"from the text rather than stated; {counted(before, 'document')} {verb(before, 'was', 'were')} written "
        f"before the {profile.kind}, {during:,} during it and {after:,} after{unknown}."
    )


def scope_sentence(chosen: Selection) -> Markdown:
    """How many documents are about the event (:func:`~xivn.event.select` with scope "event"), and
    why the others are not."""
    total, about = len(chosen.table), len(chosen.corpus)
    if total == 0:
        return Markdown("There are no documents, so none is about the event.")
    reasons = f"; {chosen.reasons()}" if about < total else ""
    return Markdown(
        f"{about:,} of {counted(total, 'document')} {chosen.what(about)}{reasons}. The other notebooks "
        "analyse only the documents about the event unless their `scope` parameter says otherwise."
    )


def chrome_kinds_sentence(chrome_kinds: pd.Series, kinds: pd.DataFrame) -> Markdown:
    """The sentence on page chrome by kind, from :func:`~xivn.overview.tables.chrome_kind_counts` and
    :func:`~xivn.overview.tables.kind_counts`: the most frequent kind and the chrome paragraphs in all."""
    total = int(kinds.fillna(0).to_numpy().sum())
    if total == 0:
        return Markdown("The corpus has no paragraphs, so no page chrome.")
    counts = chrome_kinds.dropna()
    chrome = int(counts.sum())
    in_all = f"in all, {chrome:,} of {counted(total, 'paragraph')} {verb(chrome, 'is', 'are')} chrome."
    if chrome == 0:
        return Markdown("No paragraph was recognised as page chrome; " + in_all)
    kind = escape_markdown(str(counts.index[0]))
    return Markdown(
        f"The most frequent kind of chrome is *{kind}* ({counted(int(counts.iloc[0]), 'paragraph')}); " + in_all
    )


def quote_sentence(example: pd.Series | None, quote: str | None) -> Markdown:
    """The sentence showing what ``corpus.quote`` returns for the provenance example's offsets, quoted."""
    if example is None or example.empty or is_missing(quote) or quote == "":
        return Markdown("The corpus has no sentence to quote.")
    call = f"corpus.quote({str(example['doc_id'])!r}, {int(example['start'])}, {int(example['end'])})"
    quoted = escape_markdown(str(quote)).replace("\n", "\n> ")
    return Markdown(f"`{call.replace('`', '')}` returns:\n\n> {quoted}")


def _languages_text(documents: pd.DataFrame) -> str:
    detected = documents["detected_language"].fillna("").astype(str)
    counts = detected[detected != ""].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    missing = int((detected == "").sum())
    parts = [f"{escape_markdown(language)} ({n:,})" for language, n in counts.items()]
    if not parts:
        return f"No document has a detected language ({counted(missing, 'document')} in all)"
    text = f"By their detected language, the documents are in {name_list(parts, limit=len(parts))}"
    if missing:
        text += f"; {counted(missing, 'document')} {verb(missing, 'has', 'have')} no detected language"
    return text


def _unread_text(documents: pd.DataFrame) -> str:
    """How many documents no analysis reads for their language (``language`` of ``corpus.documents``,
    stated else detected, known and not English: ``corpus.unread_documents``); "" when none."""
    languages = documents["language"].fillna("").astype(str)
    unread = languages[~languages.map(is_read)]
    if unread.empty:
        return ""
    counts = unread.value_counts().sort_index().sort_values(ascending=False, kind="stable")
    parts = [f"{escape_markdown(language)} {n:,}" for language, n in counts.items()]
    return (
        f" {len(unread):,} of {counted(len(documents), 'document')} {verb(len(unread), 'is', 'are')} not in "
        f"English ({name_list(parts, limit=len(parts))}) and no analysis reads {verb(len(unread), 'it', 'them')}."
    )


def languages_and_copies(documents: pd.DataFrame, syndication: pd.DataFrame) -> Markdown:
    """The sentence on what languages the documents are in (``detected_language`` of
    ``corpus.documents``; those with none counted) and how many syndication groups
    ``corpus.syndication`` found, i.e. how many stories have several copies; then, when some
    documents are known not to be in English (``language``, stated else detected), how many no
    analysis reads, by language."""
    if documents.empty:
        return Markdown("There are no documents, so no languages and no copies.")
    groups = syndication["group_id"].nunique()
    if groups == 0:
        copies = "no document is a copy of another (no syndication group)."
    else:
        copies = (
            f"{counted(len(syndication), 'document')} are copies of "
            f"{counted(groups, 'story', 'stories')} ({counted(groups, 'syndication group')})."
        )
    return Markdown(f"{_languages_text(documents)}; {copies}{_unread_text(documents)}")
