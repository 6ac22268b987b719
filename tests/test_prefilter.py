"""The literal prefilter of cue patterns: the literal it takes is required by every match, the
case folding is sound on every Unicode code point, and wrapped patterns give exactly the results
of the compiled ones on the seeds with every cue list the package ships."""

from __future__ import annotations

import gc
import pickle
import re
import string
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import xivn
from xivn.cues.prefilter import CuePattern, caseless, required_literals


def test_caseless_maps_every_character_re_matches_to_an_ascii_character_onto_it():
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for char in string.printable:
        for match in re.finditer(re.escape(char), every, re.IGNORECASE):
            assert caseless(match.group()) == char.lower(), (char, match.group())


@pytest.mark.parametrize(
    ("pattern", "flags", "literals"),
    [
        (r"\bdisput(?:e|es|ed|ing)\b", re.I, ("disput",)),
        (r"\btensions?\b", re.I, ("tension",)),  # the optional s is not required
        (r"\b(?:mis|dis)trust\b", re.I, ("trust",)),  # after alternatives inside a group
        (r"\bat\s+odds\b", re.I, ("odds",)),  # the longest run
        (r"\b(?:trade )?(?:deficit|surplus)s?\b", re.I, ("deficit", "surplus")),  # one of a choice
        (r"cat|dogs?", re.I, ("cat", "dog")),  # top-level alternatives
        (r"cat|d", re.I, ()),  # one alternative has no run: nothing is required
        (r"abc|abd", re.I, ()),  # the parser's common prefix "ab" is too short
        (r"(?:abc|cde)?x", re.I, ()),  # an optional choice is not required
        (r"(?:abcd|wxyz)+", re.I, ("abcd", "wxyz")),  # repeated at least once
        (r"\b(?-i:BRI)\b", re.I, ("bri",)),  # a case-sensitive group: its words are required too
        (r"\bUS\b", 0, ()),  # too short to be worth a test
        (r"Customs\b", 0, ("customs",)),  # case-sensitive patterns are tested on lower case too
        (r"(?:u\.s\.)", re.I, ("u.s.",)),  # escaped punctuation is literal
        (r"Hà Nội", 0, ()),  # runs stop at non-ASCII characters: "Hà", " N" and "i" are short
        (r"year (?=\d)", re.I, ("year ",)),  # a lookahead is not part of the run
        (r"a  b c", re.X, ("abc",)),  # verbose whitespace is not literal
    ],
)
def test_required_literals(pattern, flags, literals):
    assert required_literals(re.compile(pattern, flags)) == literals


def _shipped_patterns() -> list[CuePattern]:
    from xivn.corpus import structure
    from xivn.deals import taxonomy
    from xivn.framing import frames as framing
    from xivn.framing import speakers, tonality
    from xivn.rare_earths import claims as rare_earths
    from xivn.trade import figures as trade

    framing.load_frames(), tonality.load_stance_lexicon(), trade.trade_cues(), rare_earths.load_claims()
    taxonomy.load_taxonomy(), taxonomy.load_deal_cues(), speakers.load_speaker_rules(), structure.kind_vocabulary()
    return sorted({p for p in gc.get_objects() if isinstance(p, CuePattern)}, key=lambda p: (p.pattern, p.flags))


def test_most_shipped_cue_patterns_have_a_literal():
    patterns = _shipped_patterns()
    assert len(patterns) > 400
    assert sum(bool(p.literals) for p in patterns) > 0.9 * len(patterns)


def test_wrapped_patterns_find_what_compiled_ones_find_on_the_seeds(seeds):
    texts = [*seeds.sentences["text"], "Kelvin: \u212a; long s: ſ; dotless: ı; dotted: İSTANBUL; DISPUTE"]
    for pattern in _shipped_patterns():
        for text in texts:
            found = [m.span() for m in pattern.finditer(text)]
            assert found == [m.span() for m in pattern.compiled.finditer(text)], (pattern.pattern, text)
            assert bool(pattern.search(text)) == bool(found)


@given(st.lists(st.sampled_from(["dis", "put", "e", "D", "I", "S", "ı", "ſ", "İ", " ", "-", "\u212a"])).map("".join))
def test_results_equal_the_compiled_pattern_on_any_text(text):
    for source in (r"\bdisput(?:e|ed)?\b", r"is\s*p", r"kit", r"dis|put"):
        wrapped = CuePattern(re.compile(source, re.IGNORECASE))
        compiled = wrapped.compiled
        assert [m.span() for m in wrapped.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert wrapped.findall(text) == compiled.findall(text)
        for method in ("search", "match", "fullmatch"):
            mine, theirs = getattr(wrapped, method)(text), getattr(compiled, method)(text)
            assert (mine and mine.span()) == (theirs and theirs.span())


def test_a_wrapped_pattern_pickles_and_passes_other_methods_through():
    wrapped = xivn.cues.datafiles.compile_patterns([r"\bdeal\b"], where="test")[0]
    assert pickle.loads(pickle.dumps(wrapped)) == wrapped
    assert wrapped.sub("pact", "a deal") == "a pact"
    assert wrapped.pattern == r"\bdeal\b" and wrapped.literals == ("deal",)
