"""The numbers a mineral claim states: tonnages and shares, read with their unit.

Claims about rare earths carry two kinds of number: a tonnage ("an estimated 22 million tonnes",
"22m metric tons", "4,300 t", "22 Mt", "two million tons") and a share ("about 70%", "90 per cent",
"85 percent", "70pc", "two-thirds of").
This module reads both in a sentence and gives each in one unit — tonnes (``t``, the value in
tonnes: "22 million tonnes" is 22,000,000) or percent (``%``) — with the words as written and
their offsets. How numbers and units are written is grammar of notation, so it lives here rather
than in a data file; what a tonnage is of (coal, rice) is not, and is left to the exclusions file.
Money, years and plain counts are not quantities of a mineral claim and are not read.

A range states two numbers with one unit ("60-70%", "between 4,000 and 4,300 tonnes", "22 to 24
million tonnes"): its lower bound is read too, in the unit and scale of the upper one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TONNES = "t"
PERCENT = "%"
UNITS = (TONNES, PERCENT)
QUANTITY = "quantity"  # the label under which exclusions veto a quantity

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "a": 1, "half a": 0.5,
}  # fmt: skip
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = r"(?<![\w.,])(?P<number>" + _DIGITS + r")"
_WORDED = (  # "two million tonnes", "half a million tons": a number word needs a scale word
    r"\b(?P<word>half\s+a|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?P<wscale>thousand|million|billion)\s+"
    r"(?:(?:metric|short|long)\s+)?(?:tonnes|tonne|tons|ton)\b"
)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9}
_TONNAGE = re.compile(
    _NUMBER
    + r"(?:\s*(?P<scale>thousand|million|billion|mln|mn|bn|m|k)\b)?"
    + r"\s*(?:(?:metric|short|long)\s+)?(?P<unit>tonnes|tonne|tons|ton|mt|t)\b",
    re.IGNORECASE,
)
_WORDED_TONNAGE = re.compile(_WORDED, re.IGNORECASE)
_LOWER_BOUND = re.compile(  # the bare number just before a quantity that opens its range
    r"(?:\bbetween\s+(?P<between>" + _DIGITS + r")\s+and"
    r"|(?<![\w.,])(?P<lower>" + _DIGITS + r")\s*(?:[-–—]|\bto\b))\s*$",
    re.IGNORECASE,
)
_SHARE = re.compile(_NUMBER + r"\s*(?:%|\bper\s?cent\b|\bpercent\b|pct\b|pc\b)", re.IGNORECASE)  # "70pc": UK press
_FRACTIONS = {
    "half": 50, "third": 100 / 3, "thirds": 200 / 3, "quarter": 25, "quarters": 75, "fifth": 20, "fifths": 80,
    "tenths": 90,
}  # fmt: skip
_FRACTION = re.compile(  # "two-thirds of", "about a fifth of" (not "the first half of the year")
    r"(?<!first )(?<!second )\b(?P<fraction>half|(?:a|one)[\s-]+(?:third|quarter|fifth)|two[\s-]+thirds"
    r"|three[\s-]+quarters|four[\s-]+fifths|nine[\s-]+tenths)(?=\s+of\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number stated in a text: ``value`` in ``unit`` (:data:`TONNES` or :data:`PERCENT`), and
    ``text[start:end]`` as written."""

    value: float
    unit: str
    start: int
    end: int


def quantities(text: str, *, offset: int = 0) -> list[Quantity]:
    """Every tonnage and share in ``text``, in text order (offsets plus ``offset``).

    "Mt" after a bare number is million tonnes ("22 Mt"); after a scale word it is metric tons
    ("22 million mt"). Small numbers may be words when a scale word follows ("two million tonnes"),
    and a share may be a fraction of something ("two-thirds of" is 66.67%, "half of" 50%).
    Every tonnage is read, whatever it weighs; which are not minerals (tonnes of coal, rice or CO2)
    is data: the claims drop the quantities an exclusion with the label :data:`QUANTITY` vetoes."""
    found = []
    for match in _TONNAGE.finditer(text):
        scale_word = (match.group("scale") or "").lower()
        scale = _SCALES.get(scale_word, 1.0)
        if match.group("unit") in ("Mt", "MT") and not scale_word:
            scale = 1e6
        found.append(Quantity(_number(match) * scale, TONNES, match.start() + offset, match.end() + offset))
    for match in _WORDED_TONNAGE.finditer(text):
        word = " ".join(match.group("word").lower().split())
        value = _WORDS[word] * _SCALES[match.group("wscale").lower()]
        found.append(Quantity(value, TONNES, match.start() + offset, match.end() + offset))
    for match in _FRACTION.finditer(text):
        value = _FRACTIONS[re.split(r"[\s-]+", match.group("fraction").lower())[-1]]
        found.append(Quantity(value, PERCENT, match.start() + offset, match.end() + offset))
    for match in _SHARE.finditer(text):
        found.append(Quantity(_number(match), PERCENT, match.start() + offset, match.end() + offset))
    found.extend(_lower_bounds(text, found, offset))
    return sorted(found, key=lambda q: q.start)


def _lower_bounds(text: str, upper: list[Quantity], offset: int) -> list[Quantity]:
    """The lower bound of each range that a quantity closes ("60-70%": 60%; "between 4,000 and 4,300
    tonnes": 4,000 t), in the unit and scale of the upper bound ("22-24 million tonnes": 22 million).
    A fraction ("two-thirds of") opens no range, nor a number not below the upper one ("raise output by
    2030 to 2 million tonnes": a year)."""
    found = []
    for quantity in upper:
        words = text[quantity.start - offset : quantity.end - offset]
        digits = re.match(_DIGITS, words)
        bound = _LOWER_BOUND.search(text, 0, quantity.start - offset) if digits else None
        if bound is None:
            continue
        lower = float((bound.group("between") or bound.group("lower")).replace(",", ""))
        stated = float(digits.group().replace(",", ""))
        if lower >= stated:
            continue
        scale = quantity.value / stated
        group = "between" if bound.group("between") else "lower"
        found.append(Quantity(lower * scale, quantity.unit, bound.start(group) + offset, bound.end(group) + offset))
    return found


def _number(match: re.Match[str]) -> float:
    return float(match.group("number").replace(",", ""))
