"""Split a raw text into paragraphs and tell article text from page chrome.

A line ends at a line feed, a carriage return or the pair of them (``\n``, ``\r``, ``\r\n``: the
universal newlines of Python's ``open()``). Other characters that ``str.splitlines`` also breaks at
(vertical tab, form feed, ``\x1c``-``\x1e``, NEL ``\x85``, U+2028, U+2029) stay inside their line;
being whitespace, they are trimmed from its ends, and a line holding nothing else is blank.

A paragraph is a run of non-blank lines. Blank lines separate paragraphs; inside a run, every line
is its own paragraph (web captures put one paragraph per line, seed 004 has no blank lines at all)
unless the run is hard-wrapped prose, whose lines are joined back together. Every non-blank line
lands in exactly one paragraph, what lies between paragraphs is whitespace only, and the raw text
is never changed: each paragraph is a ``(start, end)`` span into it, trimmed of whitespace.

Each paragraph gets a ``kind`` from the vocabulary in ``data/paragraph_kinds.toml``. Chrome is
recognised by cues (cookie and paywall notices, credit and timestamp lines, photo credits, share
widgets, breadcrumbs, "ALSO SEE", the labels of page boxes such as "Summary" or "Key points") and
by position: short lines above the headline are navigation; title-like lines after the end of
the article are related-article links, unless the first of them (past any ad slot) is a sentence
cut off by the end of the capture; inside the article, the items under a "Related" line and runs
of title-like lines (three, or two of headline length) are links, but not a short subhead over
the text nor a list the text introduces with a colon; a bare name under the headline is a byline;
a biography sentence closing the page is the author box. Article kinds come by shape (title-like
lines, bullets, FAQ questions); a line ending in a word no title ends in ("... goods to the") is
a cut-off sentence, never a title. A short present-tense line directly above a photo credit alone
on its line is that photo's caption; links under a "Most read" label above the headline are
related links; two names joined by a dash under the headline are the byline; a one-cell table row
is read by its cell's words (a caption in a layout table). A wire dateline that opens a body
paragraph ("HANOI, Dec 12 (Reuters) - ") is marked within it rather than split off, since every
line belongs to exactly one paragraph:
:func:`lead_length` skips it, so it is in the paragraph but in none of its sentences.
``tests/gold/chrome.toml`` scores the classification line by line (``benchmarks/accuracy.py chrome``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import pairwise

from xivn.cues.datafiles import (
    FLAG,
    INTEGER,
    PATTERNS,
    TEXT,
    Entries,
    Schema,
    Table,
    compile_patterns,
    data_error,
    load_data_file,
)
from xivn.cues.engine import CueTable

LINE_BREAK = re.compile(r"\r\n|\r|\n")
TERMINAL_PUNCTUATION = ".!?:;,…"
EMPHASIS = "*_"  # Markdown bold and italics: "**Markets Wire**"
CLOSING_MARKS = "\"'”’»)]"  # may follow a sentence's final punctuation: 'he said. "That is all."'
BULLET = re.compile(r"^(?:[-*•·▪◦‣–—]|\d{1,2}[.)])\s+(?=\S)")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")
TABLE_ROW = re.compile(r"^\|.*\|$")
FAQ_HEADING = re.compile(r"^(faqs?|frequently asked questions|questions and answers|q\s*&\s*a)\b", re.I)
DATELINE_LEAD = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(\([^)]{2,30}\))?\s*[—–-]\s")
WORD_TOKEN = re.compile(r"[^\W_]\S*")
PERSON_NAME = re.compile(r"^[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){1,3}$")
BYLINE_NAME = re.compile(r"^[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){1,3}(\s+in\s+[A-Z][\w'’-]+(\s+[A-Z][\w'’-]+)?)?$")
# two reporters' names joined by a dash: "Thu Hang - Minh Duc"
BYLINE_PAIR = re.compile(r"^[A-Z][\w'’]+(\s+[A-Z][\w'’]+){1,2}\s+[-–]\s+[A-Z][\w'’]+(\s+[A-Z][\w'’]+){1,2}$")
# Lines of a hard-wrapped paragraph: long enough, and of similar length.
WRAP_MIN_CHARS = 50
WRAP_MAX_SPREAD = 30
TITLE_MAX_WORDS = 20
STANDFIRST_MAX_WORDS = 60
RELATED_RUN = 3
MENU_MIN_ITEMS = 2
INTRO_MAX_WORDS = 6  # "More on this story", "Also on The Interpreter", "Most Read from Markets Daily"
HEADLINE_MIN_WORDS = 4
CUT_MIN_WORDS = 4
CREDIT_MAX_WORDS = 4  # a photo credit alone on its line: "Photo: VNA", "Getty Images"
CAPTION_MAX_WORDS = 25  # the uncredited caption above such a credit
# Running text tells what happened (a past tense) or reports someone; a caption shows, in the present.
NARRATED = re.compile(r"[\"“”]|\b(said|says|told|according to|was|were|had|yesterday)\b|(?-i:\b[a-z]{2,}ed\b)", re.I)
ARTICLE_STARTS = ("body", "list_item", "table_row")  # kinds that show the article has begun
MARKED_KINDS = ("list_item", "heading", "headline", "faq_question")  # kinds whose marker is no text
TEXT_KINDS = ("body", "list_item", "table_row", "faq_answer", "faq_question")  # running text


@dataclass(frozen=True)
class KindVocabulary:
    """The paragraph kinds, which of them are chrome, and the cues that recognise chrome."""

    chrome: dict[str, bool]
    descriptions: dict[str, str]
    cues: dict[str, list[re.Pattern[str]]]
    max_cue_words: int
    datelines: list[re.Pattern[str]]
    labels: list[re.Pattern[str]]
    closing_bios: list[re.Pattern[str]]
    cut_endings: list[re.Pattern[str]]

    @cached_property
    def line_cues(self) -> CueTable:
        """The cues that classify a paragraph on its own words: all but ``page_title`` (which
        counts only near the top of a page), the box labels being navigation."""
        cues = {kind: patterns for kind, patterns in self.cues.items() if kind != "page_title"}
        cues["navigation"] = [*cues.get("navigation", []), *self.labels]
        return CueTable(cues)

    def is_label(self, text: str) -> bool:
        """True when ``text`` is the label of a box on the page ("Summary", "Key points")."""
        return any(pattern.search(text) for pattern in self.labels)


KINDS_SCHEMA = Schema(
    "paragraph_kinds.toml",
    Table(
        required={"kinds": Entries(Table(required={"chrome": FLAG, "description": TEXT}), nonempty=True)},
        optional={
            "cues": Entries(PATTERNS),
            "max_cue_words": INTEGER,
            "dateline": PATTERNS,
            "labels": PATTERNS,
            "closing_bio": PATTERNS,
            "cut_off": PATTERNS,
        },
    ),
)
"""The paragraph-kind file: each kind's chrome flag and description, the cues per kind, the word
limit of a cue, the shapes of a wire dateline that opens a body paragraph, the labels of page
boxes (navigation), the shapes of an author's biography that closes the page, the endings of a
line cut off mid-sentence."""


@cache
def kind_vocabulary() -> KindVocabulary:
    """Load and validate ``data/paragraph_kinds.toml`` (once per process)."""
    raw = load_data_file(KINDS_SCHEMA.file, KINDS_SCHEMA)
    kinds = raw["kinds"]
    cues = {}
    for name, patterns in raw.get("cues", {}).items():
        if name not in kinds:
            raise data_error(KINDS_SCHEMA.file, f"cues.{name}", "cue list for an unknown kind")
        cues[name] = compile_patterns(patterns, where=f"{KINDS_SCHEMA.file} [cues.{name}]")
    return KindVocabulary(
        chrome={name: entry["chrome"] for name, entry in kinds.items()},
        descriptions={name: entry["description"] for name, entry in kinds.items()},
        cues=cues,
        max_cue_words=raw.get("max_cue_words", 60),
        datelines=compile_patterns(raw.get("dateline", []), where=f"{KINDS_SCHEMA.file} [dateline]"),
        labels=compile_patterns(raw.get("labels", []), where=f"{KINDS_SCHEMA.file} [labels]"),
        closing_bios=compile_patterns(raw.get("closing_bio", []), where=f"{KINDS_SCHEMA.file} [closing_bio]"),
        cut_endings=compile_patterns(raw.get("cut_off", []), where=f"{KINDS_SCHEMA.file} [cut_off]"),
    )


@dataclass
class Paragraph:
    """A paragraph span: ``text == raw[start:end]``; ``content_start`` skips a bullet or ``#``
    (and, once classified, what :func:`lead_length` skips: the dateline of a body paragraph)."""

    start: int
    end: int
    text: str
    content_start: int
    kind: str = "body"


def split_paragraphs(raw: str) -> list[Paragraph]:
    """Split ``raw`` into paragraph spans (kinds not yet assigned)."""
    paragraphs: list[Paragraph] = []
    block: list[tuple[int, int]] = []
    for start, end in line_spans(raw):
        line_start, line_end = _strip_span(raw, start, end)
        if line_start == line_end:
            paragraphs.extend(_block_paragraphs(raw, block))
            block = []
        else:
            block.append((line_start, line_end))
    paragraphs.extend(_block_paragraphs(raw, block))
    return paragraphs


def line_spans(raw: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every line of ``raw``, its line break excluded (see the module docstring
    for what ends a line). A text ending with a line break has an empty last line."""
    start = 0
    for line_break in LINE_BREAK.finditer(raw):
        yield start, line_break.start()
        start = line_break.end()
    yield start, len(raw)


def _strip_span(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def _block_paragraphs(raw: str, lines: list[tuple[int, int]]) -> list[Paragraph]:
    if not lines:
        return []
    texts = [raw[s:e] for s, e in lines]
    groups = [lines] if _is_wrapped(texts) else [[span] for span in lines]
    paragraphs = []
    for group in groups:
        start, end = group[0][0], group[-1][1]
        text = raw[start:end]
        paragraphs.append(Paragraph(start, end, text, start + marker_length(text)))
    return paragraphs


def marker_length(text: str) -> int:
    """Length of the bullet or ``#`` marker that opens ``text`` (0 without one)."""
    marker = BULLET.match(text) or MARKDOWN_HEADING.match(text)
    return marker.end() if marker else 0


def dateline_length(text: str) -> int:
    """Length of the wire dateline with a date or an agency stamp that opens ``text``, its dash
    and the space after it included ("HANOI, Dec 12 (Reuters) - "); 0 without one. Its shapes are
    the ``dateline`` patterns of ``data/paragraph_kinds.toml``."""
    for pattern in kind_vocabulary().datelines:
        match = pattern.match(text)
        if match:
            return match.end()
    return 0


def lead_length(text: str, kind: str) -> int:
    """Length of what opens a paragraph of ``kind`` without belonging to its sentences: the
    bullet or ``#`` marker of a list item, heading or question, the dateline of a body paragraph."""
    if kind in MARKED_KINDS:
        return marker_length(text)
    return dateline_length(text) if kind == "body" else 0


def _is_wrapped(texts: list[str]) -> bool:
    """True when a block is hard-wrapped prose: its lines (all but the last) are long, of similar
    length, not bullets or table rows, and do not all end a sentence."""
    if len(texts) < 2:
        return False
    body = texts[:-1]
    if any(BULLET.match(t) or TABLE_ROW.match(t) or MARKDOWN_HEADING.match(t) for t in texts):
        return False
    lengths = [len(t) for t in body]
    if min(lengths) < WRAP_MIN_CHARS or max(lengths) - min(lengths) > WRAP_MAX_SPREAD:
        return False
    return not all(t[-1] in TERMINAL_PUNCTUATION for t in body)


def word_count(text: str) -> int:
    """Number of whitespace-separated tokens containing a letter or digit."""
    # ``[^\W_]`` is exactly ``str.isalnum``; ``\S*`` runs to the token's end: one match per such token
    return len(WORD_TOKEN.findall(text))


def is_title_like(text: str) -> bool:
    """A short line without final punctuation that starts with a capital or a digit (Markdown
    emphasis around it aside); a question in title case ("What Did the Visit Achieve?") too. A line
    ending in a word that ends no title ("... ship finished goods to the") is a sentence cut off
    by the end of the capture, not a title (the ``cut_off`` patterns of the kinds file)."""
    stripped = text.strip().strip(EMPHASIS).lstrip("\"'“‘«(")
    if not stripped or word_count(stripped) > TITLE_MAX_WORDS:
        return False
    if any(pattern.search(stripped) for pattern in kind_vocabulary().cut_endings):
        return False
    final = stripped.rstrip(CLOSING_MARKS)[-1:]
    if final in tuple(TERMINAL_PUNCTUATION) and not (final == "?" and _is_title_case(stripped)):
        return False
    return stripped[0].isupper() or stripped[0].isdigit()


def classify(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Assign a ``kind`` to every paragraph of one document, in place; returns the list."""
    vocabulary = kind_vocabulary()
    for paragraph in paragraphs:
        shape = _shape_kind(paragraph.text)
        # a table row is read by its shape, unless its one cell holds a caption or a credit of its own
        words = _single_cell(paragraph.text) if shape == "table_row" else paragraph.text
        paragraph.kind = (_cue_kind(words, vocabulary) if words else None) or shape
    _mark_author_names(paragraphs)
    _mark_page_titles(paragraphs)
    _mark_bare_bylines(paragraphs, vocabulary)
    _mark_headline_and_standfirst(paragraphs, vocabulary)
    _mark_faq(paragraphs)
    _mark_related_runs(paragraphs)
    _mark_credited_captions(paragraphs)
    _mark_closing_bio(paragraphs, vocabulary)
    _mark_trailing_chrome(paragraphs)
    _mark_datelines(paragraphs)
    return paragraphs


def _single_cell(row: str) -> str:
    """The text of a table row of one cell ("| Photo by VnExpress/Quynh Tran |"), else ""."""
    inner = row.strip()[1:-1]
    return "" if "|" in inner else inner.strip()


def _cue_kind(text: str, vocabulary: KindVocabulary) -> str | None:
    if word_count(text) > vocabulary.max_cue_words:
        return None
    for kind, pattern in vocabulary.line_cues.runnable(text):  # in kind order: the first kind that matches
        if pattern.search(text):
            return kind
    return None


def _shape_kind(text: str) -> str:
    if TABLE_ROW.match(text):
        return "table_row"
    if MARKDOWN_HEADING.match(text):
        return "heading"
    if BULLET.match(text):
        return "list_item"
    if is_title_like(text):
        return "heading"
    return "body"


def _mark_author_names(paragraphs: list[Paragraph]) -> None:
    """A bare person's name directly above an author biography is part of the author box."""
    for here, after in pairwise(paragraphs):
        if after.kind == "author_bio" and PERSON_NAME.match(here.text) and after.text.startswith(here.text):
            here.kind = "author_bio"


def _mark_bare_bylines(paragraphs: list[Paragraph], vocabulary: KindVocabulary) -> None:
    """Under the headline and before the article text starts, a person's name alone on its line
    (or with the place of writing: "Jane Doe in Hanoi"), directly above a line a cue took for
    chrome (a date, a follow button), is the byline without its "By"; so are two names joined by
    a dash ("Thu Hang - Minh Duc") wherever they stand there. (Above the headline, such a line is
    the site's name.)"""
    below_headline = False
    for here, after in pairwise(paragraphs):
        if here.kind in ARTICLE_STARTS:
            return
        name = below_headline and here.kind == "heading" and BYLINE_NAME.match(here.text)
        pair = below_headline and here.kind == "heading" and BYLINE_PAIR.match(here.text)
        if (name and vocabulary.chrome.get(after.kind, False)) or pair:
            here.kind = "byline"
        below_headline = below_headline or (here.kind == "heading" and word_count(here.text) >= HEADLINE_MIN_WORDS)


def _mark_page_titles(paragraphs: list[Paragraph]) -> None:
    """A 'Headline | Site' line before the article is the browser title of the page (a
    'Section | Subsection' line of short labels is not: it is left to the navigation)."""
    patterns = kind_vocabulary().cues.get("page_title", [])
    for paragraph in paragraphs:
        if paragraph.kind in ARTICLE_STARTS:
            break
        headline = paragraph.text.rsplit(" | ", 1)[0]
        if (
            paragraph.kind == "heading"
            and word_count(headline) >= HEADLINE_MIN_WORDS
            and any(p.search(paragraph.text) for p in patterns)
        ):
            paragraph.kind = "page_title"


def _mark_headline_and_standfirst(paragraphs: list[Paragraph], vocabulary: KindVocabulary) -> None:
    """Find the headline among the title-like lines before the article text starts, and a summary
    paragraph directly under it (the standfirst). Short lines above the headline are navigation;
    a list of links under a 'Most read' label above the headline is related, all but its last
    line, which may be the headline itself."""
    zone = []
    links: list[int] = []  # the title-like lines under a label of related links
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind in ARTICLE_STARTS:
            break
        if paragraph.kind == "heading" and (links or _introduces_links(paragraphs, index)):
            links.append(index)
            continue
        zone.extend(links[-1:])
        for link in links[:-1]:
            paragraphs[link].kind = "related"
        links = []
        if paragraph.kind == "heading":
            zone.append(index)
    zone.extend(links[-1:])
    for link in links[:-1]:
        paragraphs[link].kind = "related"
    first = _pick_headline(paragraphs, zone)
    if first is None:
        for index in zone:  # no headline among them: short lines are labels and section links
            if word_count(paragraphs[index].text) < HEADLINE_MIN_WORDS:
                paragraphs[index].kind = "navigation"
        return
    for index in zone:
        if index < first:
            paragraphs[index].kind = "navigation"
    paragraphs[first].kind = "headline"
    headline = _normalise(paragraphs[first].text)
    for index in range(first + 1, len(paragraphs)):
        duplicate = paragraphs[index]
        if duplicate.kind == "heading" and headline.startswith(_normalise(duplicate.text)):
            # a repeat of the headline: the image title above a caption, or the page title again
            above_caption = index + 1 < len(paragraphs) and paragraphs[index + 1].kind == "caption"
            duplicate.kind = "caption" if above_caption else "page_title"
    following = first + 1
    if following >= len(paragraphs):
        return
    candidate = paragraphs[following]
    rest = [p for p in paragraphs[following + 1 :] if not vocabulary.chrome.get(p.kind, False)]
    is_summary = (
        (candidate.kind == "body" or (candidate.kind == "heading" and not _is_title_case(candidate.text)))
        and word_count(candidate.text) <= STANDFIRST_MAX_WORDS
        and not DATELINE_LEAD.match(candidate.text)
        and not dateline_length(candidate.text)
        and (candidate.text[-1] not in TERMINAL_PUNCTUATION or (rest and rest[0].kind == "body"))
    )
    if is_summary:
        candidate.kind = "standfirst"


def _introduces_links(paragraphs: list[Paragraph], index: int) -> bool:
    """True when the paragraph before ``index`` is a label of related links ("Most Read")."""
    return index > 0 and paragraphs[index - 1].kind == "related" and _is_intro(paragraphs[index - 1].text)


def _pick_headline(paragraphs: list[Paragraph], zone: list[int]) -> int | None:
    """The first title-like line of the page's opening that is a real title: the first one overall
    when the article opens with it, else the first of at least ``HEADLINE_MIN_WORDS`` words that is
    not a site name sitting above a menu of short section links (at least ``MENU_MIN_ITEMS`` of them:
    one short line under a headline is a widget such as "Bookmark")."""
    if not zone:
        return None
    vocabulary = kind_vocabulary()
    opening = next((i for i, p in enumerate(paragraphs) if not vocabulary.chrome.get(p.kind, False)), None)
    for index in zone:
        long_enough = word_count(paragraphs[index].text) >= HEADLINE_MIN_WORDS
        menu = paragraphs[index + 1 : index + 1 + MENU_MIN_ITEMS]
        followed_by_menu = len(menu) == MENU_MIN_ITEMS and all(_is_menu_item(p, vocabulary) for p in menu)
        if long_enough and not followed_by_menu:
            return index
    # a short line that opens the article is its headline, unless more short lines follow it (labels)
    if zone[0] == opening and not (zone[0] + 1 in zone and _is_menu_item(paragraphs[zone[0] + 1], vocabulary)):
        return zone[0]
    return None


def _is_menu_item(paragraph: Paragraph, vocabulary: KindVocabulary) -> bool:
    """A short section link; the label of a box under the headline ("Synopsis") is not one."""
    short = word_count(paragraph.text) < HEADLINE_MIN_WORDS
    return paragraph.kind in ("heading", "navigation") and short and not vocabulary.is_label(paragraph.text)


def _is_title_case(text: str) -> bool:
    """Most longer words capitalised, as in 'Vietnam Power Cuts Hit Factory Hubs'."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip().lower()


def _mark_faq(paragraphs: list[Paragraph]) -> None:
    """Inside a section headed 'FAQ', questions and answers alternate."""
    in_faq = False
    for paragraph in paragraphs:
        if paragraph.kind in ("heading", "headline"):
            in_faq = bool(FAQ_HEADING.match(paragraph.text[paragraph.content_start - paragraph.start :]))
            continue
        if in_faq and paragraph.kind in ("body", "list_item"):
            paragraph.kind = "faq_question" if paragraph.text.rstrip().endswith("?") else "faq_answer"


def _mark_related_runs(paragraphs: list[Paragraph]) -> None:
    """Links to other articles inside the page: the items under a 'Related'/'More from' line that
    introduces a list (a link of its own, 'Read more: Headline', introduces nothing), and runs of
    title-like lines once the article has started: three or more, or two of headline length. A
    short last line directly above article text is a subhead, not part of the run (nor of a list
    of bulleted links under a 'Related' line: a heading over article text ends it); article text
    ending in a colon ("The documents include:") introduces the article's own list, not links."""
    started = False
    run: list[Paragraph] = []
    under_intro = False
    previous: Paragraph | None = None
    sequence = [*paragraphs, None]
    for paragraph, following in zip(sequence, [*sequence[1:], None], strict=True):
        if paragraph is not None and not run:
            listed = previous is not None and previous.kind == "body" and previous.text.rstrip().endswith(":")
        # a heading over article text right after a list of bulleted links is a subhead
        subhead = paragraph is not None and paragraph.kind == "heading" and previous is not None
        subhead = subhead and previous.kind == "related"
        subhead = subhead and BULLET.match(previous.text) is not None and following is not None
        subhead = subhead and following.kind == "body"
        previous = paragraph
        if paragraph is not None and under_intro and paragraph.kind in ("list_item", "heading") and not subhead:
            paragraph.kind = "related"
            continue
        under_intro = paragraph is not None and paragraph.kind == "related" and _is_intro(paragraph.text)
        if paragraph is not None and started and paragraph.kind == "heading":
            run.append(paragraph)
            continue
        if paragraph is not None and paragraph.kind == "body":
            while run and word_count(run[-1].text) < HEADLINE_MIN_WORDS:  # a subhead over the text
                run.pop()
        long_run = len(run) >= 2 and all(word_count(m.text) >= HEADLINE_MIN_WORDS for m in run)
        if (len(run) >= RELATED_RUN or long_run) and not listed:
            for member in run:
                member.kind = "related"
        run = []
        started = started or (paragraph is not None and paragraph.kind in ARTICLE_STARTS)


def _is_intro(text: str) -> bool:
    """A line that introduces a list of links: one ending in a colon, or a label of a few words
    ("Read more: Headline", with its colon inside, is a link of its own), Markdown emphasis aside."""
    stripped = text.strip().strip(EMPHASIS).rstrip()
    return stripped.endswith((":", "：")) or (word_count(stripped) <= INTRO_MAX_WORDS and ":" not in stripped)


def _mark_credited_captions(paragraphs: list[Paragraph]) -> None:
    """A photo credit alone on its line ("Photo: VNA", "Getty Images": names, no digits, so not a
    gallery counter such as "1/6") closes the caption written on the line above it: a short line
    there that shows in the present tense, telling nothing past and reporting no one, is that
    caption ("Trucks wait at the border gate in Lang Son."); "Xi arrived in Hanoi yesterday."
    above "Photo: AFP" stays text, the credit being that of a picture below it."""
    for above, credit in pairwise(paragraphs):
        is_credit = credit.kind == "caption" and word_count(credit.text) <= CREDIT_MAX_WORDS
        if (
            is_credit
            and not any(character.isdigit() for character in credit.text)
            and above.kind in ("body", "heading")
            and word_count(above.text) <= CAPTION_MAX_WORDS
            and not NARRATED.search(above.text)
        ):
            above.kind = "caption"


def _mark_closing_bio(paragraphs: list[Paragraph], vocabulary: KindVocabulary) -> None:
    """At the end of the page, running text shaped like a biography ("Jane Doe is a senior fellow
    at …") followed only by chrome is the author box: the same sentence inside the article, with
    article text after it, stays text."""
    for index in range(len(paragraphs) - 1, -1, -1):
        paragraph = paragraphs[index]
        if vocabulary.chrome.get(paragraph.kind, False):
            continue
        if paragraph.kind == "body" and any(p.search(paragraph.text) for p in vocabulary.closing_bios):
            paragraph.kind = "author_bio"
            continue
        return


def _mark_trailing_chrome(paragraphs: list[Paragraph]) -> None:
    """After the last paragraph of running text, title-like lines are links to other pages,
    unless the first of them (past any chrome such as an ad slot) is a sentence cut off where the
    capture ends; a closing heading whose
    only text is a question to the reader is a teaser for another page."""
    chrome = kind_vocabulary().chrome
    last_text = max((i for i, p in enumerate(paragraphs) if p.kind in TEXT_KINDS), default=-1)
    # the first title-like line after the text, past any chrome between them (an ad slot)
    following = next(
        (i for i in range(last_text + 1, len(paragraphs)) if not chrome.get(paragraphs[i].kind, False)), None
    )
    if last_text >= 0 and following is not None and _is_cut_off(paragraphs, following):
        paragraphs[following].kind = "body"
        last_text = following
    for paragraph in paragraphs[last_text + 1 :]:
        if paragraph.kind == "heading":
            paragraph.kind = "related"
    if last_text >= 1 and last_text == len(paragraphs) - 1:
        teaser, title = paragraphs[last_text], paragraphs[last_text - 1]
        if title.kind == "heading" and teaser.kind == "body" and teaser.text.rstrip().endswith("?"):
            title.kind = teaser.kind = "related"


def _is_cut_off(paragraphs: list[Paragraph], index: int) -> bool:
    """True when the title-like line at ``index``, right after running text, is the article's
    last sentence cut off mid-way by the end of the capture: a line in sentence case (not a
    title-case headline) of at least ``CUT_MIN_WORDS`` words, followed by no other title-like line,
    only by lines a cue has already taken for chrome (a paywall notice, a footer). (A line that
    ends in a word no sentence or title ends in is not title-like at all: see :func:`is_title_like`.)"""
    if index >= len(paragraphs) or paragraphs[index].kind != "heading":
        return False
    text = paragraphs[index].text
    if word_count(text) < CUT_MIN_WORDS or _is_title_case(text) or MARKDOWN_HEADING.match(text):
        return False
    chrome = kind_vocabulary().chrome
    return all(chrome.get(p.kind, False) for p in paragraphs[index + 1 :])


def _mark_datelines(paragraphs: list[Paragraph]) -> None:
    """Skip the dateline of each body paragraph in ``content_start``; a paragraph that holds
    nothing but a dateline is a credit line."""
    for paragraph in paragraphs:
        if paragraph.kind not in ("body", "heading"):
            continue
        lead = dateline_length(paragraph.text)
        if lead and not paragraph.text[lead:].strip():
            paragraph.kind = "byline"
        elif paragraph.kind == "body":
            paragraph.content_start = paragraph.start + lead
