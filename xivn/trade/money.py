"""Money amounts in news English: "$175.57 billion", "US$171.9 bn", "234.9 billion U.S. dollars".

:func:`parse_amounts` finds every amount in a text and returns spans into it with the value in
billions of the stated currency (and in billions of US dollars when the currency is the dollar).
A number counts as money only when a currency is written next to it — a symbol or code before it
(``$``, ``US$``, ``USD``, ``S$``, ``€``) or a currency word after it (``dollars``, ``USD``,
``yuan``, ``dong``) — so years, ranges of years, percentages and counts are never amounts.
:func:`parse_unit` reads a unit written apart from the numbers, as in a table header
("Exports (US$ bn)") or a caption ("in billion U.S. dollars").

The grammar (currency symbols and words, scale words) lives here, not in a data file: it is the
notation of amounts, not a vocabulary an analyst would tune.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Scale words and their size in billions. Short forms (b, m, k) only count glued to the number.
SCALES_BN = {
    "trillion": 1e3, "tn": 1e3, "trn": 1e3, "tln": 1e3, "t": 1e3,
    "billion": 1.0, "bn": 1.0, "bln": 1.0, "b": 1.0,
    "million": 1e-3, "mn": 1e-3, "mln": 1e-3, "m": 1e-3,
    "thousand": 1e-6, "k": 1e-6,
}  # fmt: skip
# Currency written before the number (symbol, code or name) and after it (word or code). "¥" is
# both the yen and the yuan: it is kept as "¥" and told apart by the country of the figure.
PREFIX_CURRENCY = {"us$": "USD", "u.s.$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
                   "gbp": "GBP", "cny": "CNY", "rmb": "CNY", "¥": "¥", "jpy": "JPY", "vnd": "VND", "a$": "AUD",
                   "au$": "AUD", "aud": "AUD", "australiandollar": "AUD", "australiandollars": "AUD", "s$": "SGD",
                   "hk$": "HKD", "nz$": "NZD", "c$": "CAD", "nt$": "TWD"}  # fmt: skip
SUFFIX_CURRENCY = {"dollar": "USD", "usd": "USD", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY",
                   "dong": "VND", "vnd": "VND", "euro": "EUR", "eur": "EUR", "yen": "JPY", "jpy": "JPY",
                   "pound": "GBP", "sterling": "GBP", "gbp": "GBP", "aud": "AUD"}  # fmt: skip
# Named dollars other than the US one ("Australian dollars", "Singapore dollars") after the number.
OTHER_DOLLARS = {"australian": "AUD", "singapore": "SGD", "hong kong": "HKD", "new zealand": "NZD",
                 "canadian": "CAD", "taiwan": "TWD"}  # fmt: skip
QUALIFIERS = ("about", "around", "approximately", "approx.", "roughly", "nearly", "almost", "some", "over",
              "more than", "less than", "under", "up to", "at least", "close to", "just over", "just under",
              "an estimated", "above", "below")  # fmt: skip

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_LONG_SCALE = r"trillion|billion|million|thousand|trn|tln|tn|bln|bn|mln|mn"
_SCALE = rf"(?:\s?(?P<scale>{_LONG_SCALE})\b|(?P<short>[tbmk])\b)"
_PREFIX = (
    r"(?P<prefix>(?:US|U\.S\.)\s?\$|(?<![A-Za-z])\$|(?<![A-Za-z])[A-Z]{1,2}\$|€|£|¥|"
    r"\b(?:USD|EUR|GBP|CNY|RMB|VND|JPY|AUD)|\bAustralian dollars?(?=\s?\d))"
)
_SUFFIX = (
    r"(?P<suffix>\s(?:(?:U\.S\.|US|American|Australian|Singapore|Hong Kong|New Zealand|Canadian|Taiwan)\s+)?"
    r"dollars?\b|\s?USD\b|\s(?:Chinese\s+)?(?:yuan|renminbi|RMB|CNY)\b|\s(?:Vietnam(?:ese)?\s+)?(?:dong|VND)\b"
    r"|\s?(?:euros?|EUR)\b|\s(?:Japanese\s+)?(?:yen|JPY)\b"
    r"|\s(?:pounds?(?: sterling)?|sterling|GBP)\b|\s?AUD\b)"
)
_RANGE = rf"(?:\s?(?:-|–|to)\s?\$?(?P<high>{_NUMBER}))?"
_PLAIN_RANGE = rf"(?:\s?(?:-|–|to)\s?(?P<high>{_NUMBER}))?"  # no "$" after "to": "2000 to $175bn" is no range
# a year never starts a range: "from 28.78 billion USD in 2012 to 43.86 billion USD"
_NOT_A_YEAR = r"(?!(?:19[5-9]\d|20[0-4]\d)\s?(?:-|–|to)\s?\d)"
PREFIXED = re.compile(rf"{_PREFIX}\s?(?P<number>{_NUMBER}){_RANGE}{_SCALE}?{_SUFFIX}?")
SUFFIXED = re.compile(rf"(?<![\w$.,]){_NOT_A_YEAR}(?P<number>{_NUMBER}){_PLAIN_RANGE}{_SCALE}?{_SUFFIX}")
# A bare "117.87 billion" after an amount with a currency, followed by a word that cannot be
# what is counted ("billion in exports", "billion, and"), takes the currency of that amount.
BARE = re.compile(
    rf"(?<![\w$.,]){_NOT_A_YEAR}(?P<number>{_NUMBER}){_PLAIN_RANGE}\s?(?P<scale>{_LONG_SCALE})\b(?P<short>)(?P<suffix>)"
    r"(?=\s*(?:[^\w\s]|$)|\s+(?:in|of|for|from|to|into|and|or|with|while|worth|last|this|a|the|exports?|imports?)\b)"
)
_DIGIT = re.compile(r"\d")  # every amount pattern needs one: a text without any is skipped at once
_QUALIFIER = re.compile(r"(?:^|\W)(" + "|".join(re.escape(q) for q in QUALIFIERS) + r")\s+$", re.IGNORECASE)
_UNIT = re.compile(
    rf"(?P<cur1>US\s?\$|U\.S\.\s?\$|\$|USD|US dollars?|U\.S\. dollars?|dollars?|yuan|CNY|VND|dong|EUR|euros?)\s*"
    rf"(?P<scale1>{_LONG_SCALE})s?\b"
    rf"|\b(?P<scale2>{_LONG_SCALE})s?\s+(?:of\s+)?(?P<cur2>US\$|USD|US dollars?|U\.S\. dollars?|dollars?|yuan|CNY|VND|"
    r"dong|EUR|euros?)(?![\w$])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MoneyAmount:
    """One amount found in a text: ``text == source[start:end]``.

    ``value`` is in billions of ``currency`` (the low end of a range such as "$10-15 billion",
    whose top is ``high``); ``rounding`` is half a unit of the last stated digit, in the same
    billions (0.005 for "$175.57 billion"); ``qualifier`` is a hedge written before it ("about").
    """

    start: int
    end: int
    text: str
    value: float
    currency: str
    qualifier: str = ""
    high: float | None = None
    rounding: float = 0.0

    @property
    def value_usd_bn(self) -> float:
        """The value in billions of US dollars (NaN for other currencies: xivn converts nothing)."""
        return self.value if self.currency == "USD" else math.nan


def parse_number(text: str) -> tuple[float, int]:
    """A plain number ("1,234.5") as (value, number of decimals)."""
    digits = text.replace(",", "")
    return float(digits), len(digits.split(".")[1]) if "." in digits else 0


def parse_amounts(text: str) -> list[MoneyAmount]:
    """Every money amount in ``text``, in order of position.

    A number is money only with a currency written beside it: "$1bn", "US$171.9 billion",
    "USD 57.7bn", "$57.7 bln", "234.9 billion U.S. dollars", "1.45 trillion yuan". Years,
    "2023-2026", "24%", "37 deals" and digit runs such as phone numbers are not amounts. A bare
    "117.87 billion" takes the currency of an amount before it in the same text when the next word
    cannot be what it counts ("… $175.57 billion, with 117.87 billion in imports"). A hedge
    just before the amount ("about $60 billion") is kept in ``qualifier``, outside the span.
    A number too large for a float (hundreds of digits) is not an amount: values are always finite.
    """
    found: list[MoneyAmount] = []
    if not _DIGIT.search(text):
        return found
    matches = [*PREFIXED.finditer(text), *SUFFIXED.finditer(text), *BARE.finditer(text)]
    for match in sorted(matches, key=lambda m: (m.start(), -m.end())):
        if found and match.start() < found[-1].end:
            continue  # "$5 billion dollars": the prefixed reading already holds this span
        if match.re is BARE and not found:
            continue  # a bare "1.4 billion" with no currency before it is a count, not money
        scale_word = (match.group("scale") or match.group("short") or "").lower()
        value, decimals = parse_number(match.group("number"))
        if not scale_word and not match.groupdict().get("prefix") and decimals == 0 and 1900 <= value <= 2100:
            continue  # "in constant 2015 dollars" is a year, not an amount
        scale = SCALES_BN.get(scale_word, 1e-9)
        high = parse_number(match.group("high"))[0] * scale if match.group("high") else None
        if not math.isfinite(value * scale) or (high is not None and not math.isfinite(high)):
            continue  # hundreds of digits: too large for a float, not a figure anyone states
        found.append(
            MoneyAmount(
                start=match.start(),
                end=match.end(),
                text=match.group(0),
                value=value * scale,
                currency=found[-1].currency
                if match.re is BARE
                else _currency_code(match.groupdict().get("prefix") or match.group("suffix")),
                qualifier=_qualifier(text[max(0, match.start() - 24) : match.start()]),
                high=high,
                rounding=0.5 * 10.0**-decimals * scale,
            )
        )
    return found


def parse_unit(text: str) -> tuple[str, float] | None:
    """A unit written apart from the numbers — "(US$ bn)", "billion U.S. dollars", "USD million" —
    as (currency, size of one unit in billions); None when the text names no money unit."""
    match = _UNIT.search(text)
    if match is None:
        return None
    scale = (match.group("scale1") or match.group("scale2")).lower()
    return _currency_code(match.group("cur1") or match.group("cur2")), SCALES_BN[scale]


def _currency_code(token: str) -> str:
    """ISO-like code of a currency symbol, code or word; another dollar ("S$") keeps its symbol."""
    key = token.replace(" ", "").lower()
    if key in PREFIX_CURRENCY:
        return PREFIX_CURRENCY[key]
    words = token.strip().lower()
    for name, code in OTHER_DOLLARS.items():
        if words.startswith(name):
            return code
    word = words.split()[-1]
    for candidate in (word, word.removesuffix("s")):
        if candidate in SUFFIX_CURRENCY:
            return SUFFIX_CURRENCY[candidate]
    return token.strip().upper()


def _qualifier(before: str) -> str:
    """The hedge that ends ``before`` (which needs to hold only the last 24 characters)."""
    match = _QUALIFIER.search(before[-24:])
    return match.group(1).lower() if match else ""
