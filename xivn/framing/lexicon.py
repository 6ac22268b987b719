"""Text helpers shared by the framing family (frames, tone, voices, keyness, rewrites).

Matching runs on a *folded* copy of a text that has exactly the raw text's length: curly quotes and
apostrophes become straight ones, dashes become ``-``, non-breaking spaces become spaces. A match
found in the folded text therefore has valid offsets into the raw text. Patterns are matched
case-insensitively; a pattern that must respect case says so inline (``(?-i:US)``).

Tokens for counting (keyness, similarity) are lowercased words with offsets: ``U.S.`` becomes
``us``, ``co-operation`` becomes ``cooperation``, other hyphenated words are split, a possessive
``'s`` is dropped, numbers keep their decimals (``175.57``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from xivn.cues.datafiles import STRINGS, Schema, Table, compile_patterns, load_data_file
from xivn.cues.engine import match_spans
from xivn.cues.prefilter import CuePattern, possible

_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\r": " ",
        "\n": " ",
    }
)

_TOKEN = re.compile(r"(?i:u\.s\.(?:a\.)?)|\d+(?:[.,]\d+)+(?![^\W_])|[^\W_]+(?:[-'][^\W_]+)*")


_QUOTATION = re.compile(r"\"([^\"]+)\"|(?<![\w'])'([^']+)'(?![\w])")


@lru_cache(maxsize=64)  # the analyses fold the same sentence several times in a row
def fold(text: str) -> str:
    """The text with quotes, apostrophes, dashes and odd spaces folded; same length as the input."""
    return text.translate(_FOLD)


def quotation_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of the words inside quotation marks (double, or single not used as apostrophes)."""
    return [m.span(1) if m.group(1) is not None else m.span(2) for m in _QUOTATION.finditer(folded)]


@dataclass(frozen=True)
class Token:
    """A lowercased word and its character span in the text it came from."""

    text: str
    start: int
    end: int


def tokens(text: str, offset: int = 0) -> Iterator[Token]:
    """Word tokens of ``text`` (offsets shifted by ``offset``), normalised for counting."""
    for match in _TOKEN.finditer(fold(text)):
        for word, start, end in _normalised(match.group().lower(), match.start() + offset, match.end() + offset):
            yield Token(word, start, end)


def words(text: str) -> list[str]:
    """Just the normalised words of :func:`tokens` (faster: most tokens need no normalising)."""
    found = []
    for token in _TOKEN.findall(fold(text)):
        token = token.lower()
        if token.isalnum():
            found.append(token)
        else:
            found.extend(word for word, _, _ in _normalised(token, 0, len(token)))
    return found


def _normalised(token: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    """``(word, start, end)`` of the counting words of one lower-cased token found at ``start``."""
    if token.startswith("u.s."):
        yield "us", start, end
        return
    if token.endswith("'s"):
        token = token[:-2]
    if token.startswith("co-") and len(token) > 3:
        yield "co" + token[3:].replace("-", ""), start, start + len(token)
        return
    position = start
    for part in token.split("-"):
        part = part.strip("'")
        if part:
            yield part, position, position + len(part)
        position += len(part) + 1


@dataclass(frozen=True)
class Cue:
    """A named regular expression from a data file."""

    name: str
    pattern: CuePattern


def compile_cues(patterns: Iterable[str], *, where: str) -> list[Cue]:
    """Compile the patterns of a data-file entry (errors name ``where``); the cue's name is its source."""
    items = list(patterns)
    return [Cue(source, compiled) for source, compiled in zip(items, compile_patterns(items, where=where), strict=True)]


def find_cues(cues: Iterable[Cue], folded: str) -> list[tuple[Cue, int, int]]:
    """Every match of every cue in a folded text, as ``(cue, start, end)``, in text order (same
    span: cue order); matching as in :mod:`xivn.cues.engine`, running only the cues that
    :func:`xivn.cues.prefilter.possible` allows."""
    maybe = possible(folded)
    hits = [
        (cue, start, end)
        for cue in cues
        if cue.pattern.uid in maybe
        for start, end in match_spans(cue.pattern.compiled, folded)
    ]
    return sorted(hits, key=lambda hit: (hit[1], hit[2]))


STOPWORDS_SCHEMA = Schema("stopwords.toml", Table(required={"words": STRINGS}))
"""English function words, left out of keyness and similarity."""


@cache
def stopwords() -> frozenset[str]:
    """English function words from ``xivn/framing/data/stopwords.toml`` (used by keyness and similarity)."""
    return frozenset(word.lower() for word in load_data_file(STOPWORDS_SCHEMA.file, STOPWORDS_SCHEMA)["words"])


def per_thousand(count: float, n_words: float) -> float:
    """A count per 1,000 words (0.0 when there are no words)."""
    return 1000.0 * count / n_words if n_words else 0.0
