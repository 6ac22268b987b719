"""Sentence segmentation with character offsets into the raw text.

Segmentation uses ``sentencex`` (Wikimedia's rule-based segmenter, a compiled extension): with
10,000-document corpora in view, speed decides, and pysbd, the most accurate rule-based segmenter,
runs two orders of magnitude slower. Three mends after sentencex put right what it gets wrong, each
a rule of English punctuation rather than a list of cases:

- a split right after an abbreviation that cannot end the sentence there is undone (a title before
  a name, "Ms. Nguyen"; a month or "No." before a number, "Jan.-Nov. 2023"; any abbreviation or
  initial before a lower-case word, "$171.9 bn. in 2023"). The abbreviations are a data file,
  ``data/abbreviations.toml``;
- an enumeration written inline ("1. The first item 2. The second item", "a. … b. …") is split
  before each of its markers and never right after one, when its first marker opens the text or
  follows a colon and the next one follows in sequence (1 then 2, a then b);
- a word's full stop followed by a spaced ellipsis and a capital (". . . The practice") ends the
  sentence at the full stop: the ellipsis opens the next one, marking words left out there.

``benchmarks/segmentation.py`` scores this on the 48 English Golden Rules of the Pragmatic
Segmenter (``tests/gold/sentences.toml``) beside plain sentencex and pysbd, and times them: on the
seeds' paragraphs (Dec 2026) sentencex alone got 43 right at 160 MB/s, xivn 48 at 40 MB/s, pysbd
47 at 0.4 MB/s. Each paragraph is segmented on its own, so a heading or a bullet is never glued to
the next line, and a bullet marker or ``#`` is left out of the sentence. Table rows are one
sentence each.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import sentencex

from xivn.cues.datafiles import STRINGS, Schema, Table, load_data_file

LANGUAGE = "en"
Span = tuple[int, int]

ABBREVIATIONS_SCHEMA = Schema(
    "abbreviations.toml",
    Table(required={"titles": STRINGS, "before_numbers": STRINGS, "abbreviations": STRINGS}),
)
"""The abbreviation file: words that never end a sentence, words before a number, other abbreviations."""

# The word (letters and inner full stops) that a part ends with, before its final full stop.
FINAL_WORD = re.compile(r"([^\W\d_][^\W\d_.]*(?:\.[^\W\d_]+)*)\.$")
FINAL_WORD_REACH = 24  # characters before a split that are searched for that word
NUMBER_START = re.compile(r"[\d$€£¥₫]|US\$")
# An inline list marker: "1.", "2.)", "9)", "• 9.", "⁃10.", or a letter "a." before a capital.
NUMBER_MARKER = re.compile(r"(?:^|(?<=\s))[•⁃]?\s?(\d{1,2})(?:\.\)|\.|\))(?=\s+\S)")
LETTER_MARKER = re.compile(r"(?:^|(?<=\s))([a-z])\.(?=\s+[A-Z])")
# Whether a part opens or ends with something shaped like a marker: cheap checks that decide
# whether the text is searched for an inline list at all.
OPENS_WITH_MARKER = re.compile(r"[•⁃]?\s?(?:\d{1,2}|[a-z])(?:\.\)|\.|\))\s")
ENDS_WITH_MARKER = re.compile(r"(?<!\S)[•⁃]?\d{1,2}(?:\.\)|\.|\))$")
MARKER_REACH = 6
MARKER_BULLETS = "•⁃"
# A part that ends with a word's full stop and then a spaced ellipsis (". . .", "... ." is not one).
SPACED_ELLIPSIS = " . . ."
STOP_THEN_ELLIPSIS = re.compile(r"[^\W_][.!?](\s+\.\s\.\s\.)$")


@dataclass(frozen=True)
class Abbreviations:
    """The abbreviation lists of ``data/abbreviations.toml``, lower-cased, without the final full stop."""

    titles: frozenset[str]
    before_numbers: frozenset[str]
    others: frozenset[str]

    def keeps_going(self, word: str, following: str) -> bool:
        """True when ``word.`` followed by the text ``following`` cannot end a sentence."""
        word = word.lower()
        if word in self.titles:
            return True
        if word in self.before_numbers and NUMBER_START.match(following):
            return True
        known = len(word) == 1 or word in self.others or word in self.before_numbers
        return known and following[:1].islower()


@cache
def abbreviations() -> Abbreviations:
    """Load and validate ``data/abbreviations.toml`` (once per process)."""
    raw = load_data_file(ABBREVIATIONS_SCHEMA.file, ABBREVIATIONS_SCHEMA)
    words = {key: frozenset(word.lower().rstrip(".") for word in raw[key]) for key in raw}
    return Abbreviations(words["titles"], words["before_numbers"], words["abbreviations"])


def sentence_spans(raw: str, start: int, end: int, *, whole: bool = False) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` spans of the sentences in ``raw[start:end]``, whitespace trimmed.

    With ``whole=True`` the span is one sentence (used for table rows).
    """
    if whole:
        yield start, end
        return
    # Line breaks inside a wrapped paragraph become spaces: same length, so offsets still hold.
    text = raw[start:end].replace("\r", " ").replace("\n", " ")
    for s, e in segment(text):
        yield start + s, start + e


def segment(text: str) -> list[Span]:
    """The sentence spans of ``text``: sentencex's, mended as the module docstring says."""
    spans = []
    for boundary in sentencex.get_sentence_boundaries(LANGUAGE, text):
        s, e = _trimmed(text, boundary["start_index"], boundary["end_index"])
        if e > s:
            spans.append((s, e))
    if len(spans) > 1:
        spans = _rejoin_after_abbreviations(text, spans)
        spans = _split_before_ellipsis(text, spans)
    if any(_marker_at_edge(text, s, e) for s, e in spans):
        spans = _split_inline_lists(text, spans)
    return spans


def _marker_at_edge(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` opens or ends with something shaped like a list marker (the
    character tests first: most sentences open with a capital and end with a word)."""
    first, last = text[start], text[end - 1]
    marker_like = first.isdigit() or first.islower() or first in MARKER_BULLETS
    opens = marker_like and OPENS_WITH_MARKER.match(text, start, end)
    ends = (
        last in ".)"
        and any(c.isdigit() for c in text[max(start, end - 3) : end - 1])
        and ENDS_WITH_MARKER.search(text, max(start, end - MARKER_REACH), end)
    )
    return bool(opens or ends)


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _rejoin_after_abbreviations(text: str, spans: list[Span]) -> list[Span]:
    """Undo each split made right after an abbreviation that cannot end the sentence there."""
    words = abbreviations()
    mended = [spans[0]]
    for s, e in spans[1:]:
        previous_start, previous_end = mended[-1]
        final = text[previous_end - 1] == "." and FINAL_WORD.search(
            text, max(previous_start, previous_end - FINAL_WORD_REACH), previous_end
        )
        if final and words.keeps_going(final.group(1), text[s : s + 3]):
            mended[-1] = (previous_start, e)
        else:
            mended.append((s, e))
    return mended


def _split_before_ellipsis(text: str, spans: list[Span]) -> list[Span]:
    """Move a split that follows "word. . . ." before a capital back to the word's full stop."""
    mended = list(spans)
    for index in range(len(mended) - 1):
        s, e = mended[index]
        following_start, following_end = mended[index + 1]
        ellipsis = text.endswith(SPACED_ELLIPSIS, s, e) and STOP_THEN_ELLIPSIS.search(text, s, e)
        if ellipsis and text[following_start].isupper():
            cut = ellipsis.start(1)
            mended[index] = (s, cut)
            mended[index + 1] = (_trimmed(text, cut, e)[0], following_end)
    return mended


def _split_inline_lists(text: str, spans: list[Span]) -> list[Span]:
    """Split before every marker of an inline enumeration and never right after one.

    An enumeration opens the text or follows a colon, and runs on in sequence (1 then 2, a then b):
    "No. 1. The U.S. is No. 2." or a lone "a." is no list.
    """
    markers = _list_markers(text, NUMBER_MARKER, int) or _list_markers(text, LETTER_MARKER, ord)
    if not markers:
        return spans
    cuts = {e for _, e in spans[:-1]}
    for marker_start, marker_end in markers:
        cuts = {cut for cut in cuts if not marker_start < cut <= marker_end}  # never right after a marker
        if marker_start > 0:
            cuts.add(marker_start)
    bounds = [0, *sorted(cuts), len(text)]
    trimmed = (_trimmed(text, a, b) for a, b in pairwise(bounds))
    return [(s, e) for s, e in trimmed if e > s]


def _list_markers(text: str, pattern: re.Pattern[str], rank: Callable[[str], int]) -> list[Span]:
    """Spans of the markers of ``pattern`` that make up enumerations: runs of at least two markers
    in sequence whose first one opens ``text`` or follows a colon."""
    markers: list[Span] = []
    run: list[Span] = []
    last = None
    for match in pattern.finditer(text):
        value = rank(match.group(1))
        if run and value == last + 1:
            run.append(match.span())
        else:
            markers += run if len(run) > 1 else []
            opens = not text[: match.start()].strip() or text[: match.start()].rstrip().endswith(":")
            run = [match.span()] if opens else []
        last = value
    return markers + (run if len(run) > 1 else [])
