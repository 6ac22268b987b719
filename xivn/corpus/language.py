"""The language of a document's article text, detected with py3langid.

py3langid (a maintained, faster fork of langid.py) ships its model inside the package, knows 97
languages, and classifies a 2,000-character article in about half a millisecond (the model takes
about a second to load, once per process, and only when a table asks for languages). A text with
fewer than :data:`MIN_LETTERS` letters, or whose best language has a probability below
:data:`MIN_PROBABILITY`, gets no language ("") rather than a guess.
"""

from __future__ import annotations

from functools import cache
from typing import Any

MIN_LETTERS = 20
MIN_PROBABILITY = 0.5
SAMPLE_CHARS = 5000  # the start of a long article decides as well as the whole of it


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language of ``text`` (``en``, ``vi``, ``zh``…), or "" when the
    text is too short or too mixed to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(character.isalpha() for character in sample) < MIN_LETTERS:
        return ""
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= MIN_PROBABILITY else ""


ENGLISH = frozenset({"en", "eng", "english"})  # a stated "en-GB", "EN_us", "eng" or "English" is English


def is_read(language: str) -> bool:
    """Whether an analysis reads a document of this language: English (any region tag) or unknown
    (""), since an unknown language is more often a short English text than a foreign one."""
    code = language.strip().lower().replace("_", "-").split("-")[0]
    return code == "" or code in ENGLISH
