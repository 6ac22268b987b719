"""An HTML page as a document: every visible block of text, in reading order, one paragraph each.

Nothing visible is dropped: navigation, share bars, captions, related links and footers are part
of the text, and :mod:`~xivn.corpus.structure` gives each paragraph its ``kind`` as it does for a
text capture, so the offset invariant and "nothing lost" hold for HTML as for text. What a reader
never sees is never text: scripts, styles, the document head, embedded media and hidden elements
(the rules and tag lists are in ``data/html_blocks.toml``).

Layout of the document text: each block's text with its runs of whitespace made single spaces,
blocks separated by one blank line; a table row is written ``| cell | cell |``. Beside the text,
each block keeps its element, the page region (landmark) it sits in, and a second opinion on
whether it is article text: trafilatura's main-content extraction, matched back to the blocks. The
opinion is a column of :attr:`xivn.corpus.Corpus.html_blocks`, never a deletion. The landmark is
evidence the text classifier does not have: a block inside the page's navigation, site header,
footer, sidebar, figure or form that the classifier took for article text gets that landmark's
chrome kind (:func:`markup_kind`, ``[landmark_kinds]`` in the data file); so does one whose
element or an ancestor has a class or id naming chrome ("story-byline", "share-bar",
"related-articles": ``[markup_cues]``) when the extractor does not keep it either.

Metadata stated by the page (source ``html_meta``): the title (``og:title``, ``twitter:title``,
else ``<title>`` without the site name appended after " | "), the publication date
(``article:published_time``, ``datePublished`` in microdata or JSON-LD, and the other common date
meta tags), the site name (``og:site_name``), the canonical URL (``<link rel=canonical>``
resolved against ``og:url``, else ``og:url``), the author (never an address: templates put a
profile page's there) and the language (``<html lang>``, ``og:locale``, ``content-language``).
When the page has no date tag, htmldate's search of the page's markup (``<time>`` elements, date
patterns in the text) gives one, with source ``text``, when the page writes that day out (never a
year alone taken for 1 January).

Encoding: a byte-order mark, else the charset the page declares, else UTF-8, else Windows-1252
with a warning. The SHA-256 is that of the raw bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from xivn.corpus.reader import UNICODE_BOMS, Block, RawDocument, decode, read_bounded
from xivn.cues.datafiles import STRINGS, TEXT, Entries, Schema, Table, load_data_file
from xivn.errors import CorpusError, XivnWarning, shown

BLOCK_SEPARATOR = "\n\n"
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
CHARSET_SAMPLE = 4096
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
WHITESPACE = re.compile(r"\s+")
URL_LIKE = re.compile(r"^\s*(https?://|www\.)", re.I)
MARKUP_WORD = re.compile(r"[A-Za-z]+")
CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Meta tags that state each field, by attribute value (property=, name= or itemprop=), in order.
META_FIELDS = {
    "headline": ("og:title", "twitter:title", "dc.title", "title", "headline", "sailthru.title"),
    "date": (
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "date",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "parsely-pub-date",
        "sailthru.date",
        "article.published",
    ),
    "outlet": ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"),
    "byline": ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"),
    "url": ("og:url", "twitter:url"),
    "language": ("og:locale", "content-language", "language", "dc.language"),
}
EXTRACTOR_MIN_WORDS = 8  # a block this long counts as kept when the extractor's text contains it

BLOCKS_SCHEMA = Schema(
    "html_blocks.toml",
    Table(
        required={
            "block": STRINGS,
            "break": STRINGS,
            "skipped": STRINGS,
            "hidden_classes": STRINGS,
            "landmarks": Entries(TEXT),
            "landmark_kinds": Entries(TEXT),
            "markup_cues": Entries(STRINGS),
        }
    ),
)
"""The HTML layout file: block, break and skipped elements, hiding classes, landmarks, the chrome
kind of each landmark, and the class and id words that name chrome."""


@dataclass(frozen=True)
class Layout:
    """The element lists of ``data/html_blocks.toml``."""

    block: frozenset[str]
    breaks: frozenset[str]
    skipped: frozenset[str]
    hidden_classes: frozenset[str]
    landmarks: dict[str, str]
    landmark_kinds: dict[str, str]
    markup_cues: dict[str, str]  # cue word -> chrome kind


@cache
def layout() -> Layout:
    """Load ``data/html_blocks.toml`` (once per process)."""
    raw = load_data_file(BLOCKS_SCHEMA.file, BLOCKS_SCHEMA)
    return Layout(
        frozenset(raw["block"]),
        frozenset(raw["break"]),
        frozenset(raw["skipped"]),
        frozenset(raw["hidden_classes"]),
        dict(raw["landmarks"]),
        dict(raw["landmark_kinds"]),
        {word: kind for kind, words in raw["markup_cues"].items() for word in words},
    )


@dataclass
class _Builder:
    """Blocks as they are found: the open block's parts, its element, landmark and markup hint."""

    blocks: list[tuple[str, str, str, str]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    tag: str = ""
    landmark: str = ""
    hint: str = ""
    started: bool = False

    def add(self, text: str | None, tag: str, landmark: str, hint: str) -> None:
        """Add text to the open block; the first visible text decides the block's element,
        landmark and hint (the whitespace between tags does not)."""
        if not text:
            return
        if not self.started and not text.isspace():
            self.tag, self.landmark, self.hint, self.started = tag, landmark, hint, True
        self.parts.append(text)

    def flush(self) -> None:
        text = WHITESPACE.sub(" ", "".join(self.parts)).strip()
        if text:
            self.blocks.append((text, self.tag, self.landmark, self.hint))
        self.parts, self.started = [], False


def read_html(path: Path, doc_id: str) -> RawDocument:
    """Read one saved HTML page as a document (see the module docstring)."""
    data = read_bounded(path, CorpusError)
    if not data.strip():
        raise CorpusError(f"{shown(path)}: empty file (no text to analyse)")
    return parse_html(data, path, doc_id)


def parse_html(
    data: bytes, path: Path, doc_id: str, *, record: str = "", format: str = "html", url: str = ""
) -> RawDocument:
    """The document of one page's bytes; ``path``/``record`` say where it came from (for messages),
    ``url`` is the address it was fetched from, if known (a WARC's target URI)."""
    import lxml.html
    from lxml import etree

    where = f"{shown(path)}{', ' + record if record else ''}"
    markup, encoding = _decode_html(data, where)
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
        root = lxml.html.document_fromstring(XML_DECLARATION.sub("", markup) or "<html></html>", parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise CorpusError(f"{where}: not readable as HTML ({exc})") from None
    builder = _Builder()
    _walk(root, "", layout(), builder)
    builder.flush()
    if not builder.blocks:
        raise CorpusError(f"{where}: HTML page with no visible text")
    pieces, blocks, position = [], [], 0
    kept = _extractor_lines(markup)
    for text, tag, landmark, hint in builder.blocks:
        if pieces:
            pieces.append(BLOCK_SEPARATOR)
            position += len(BLOCK_SEPARATOR)
        pieces.append(text)
        blocks.append(Block(position, position + len(text), tag, landmark, _kept(text, kept), hint))
        position += len(text)
    stated = page_metadata(root, markup, url)
    if url and "url" not in stated:
        stated["url"] = (url, "warc")
    return RawDocument(
        doc_id,
        path,
        "".join(pieces),
        hashlib.sha256(data).hexdigest(),
        encoding,
        record=record,
        format=format,
        stated=stated,
        blocks=tuple(blocks),
    )


def markup_kind(kind: str, block: Block, chrome: dict[str, bool]) -> str:
    """The kind of an HTML paragraph: ``kind`` as the text classifier gave it, unless that is an
    article kind and the markup says chrome: the block sits in a chrome landmark (navigation,
    site header, footer, sidebar, figure, form), or a cue word of its element or an ancestor
    names a chrome kind, the main-content extractor does not keep the block and it is not the
    page's ``h1`` (extractors leave the headline out of the main text)."""
    if chrome.get(kind, True):
        return kind
    by_landmark = layout().landmark_kinds.get(block.landmark)
    if by_landmark:
        return by_landmark
    if block.markup_hint and not block.extractor_main and block.tag != "h1":
        return block.markup_hint
    return kind


def _decode_html(data: bytes, where: str) -> tuple[str, str]:
    """The page as text and its encoding: a byte-order mark, the declared charset, else as
    :func:`xivn.corpus.reader.decode` (UTF-8, else Windows-1252 with a warning)."""
    if not any(data.startswith(bom) for bom, _ in UNICODE_BOMS) and not data.startswith(b"\xef\xbb\xbf"):
        declared = DECLARED_CHARSET.search(data[:CHARSET_SAMPLE])
        if declared:
            name = declared.group(1).decode("ascii", "replace").lower()
            try:
                return data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                warnings.warn(
                    f"{where}: not valid {name} as the page declares; decoded by its bytes", XivnWarning, stacklevel=4
                )
    return decode(data, where)


def _walk(element: Any, landmark: str, rules: Layout, builder: _Builder, block_tag: str = "", hint: str = "") -> None:
    """Add the visible text of ``element`` and its descendants to ``builder``, in document order
    (each child's tail text, which follows it, is the caller's); ``block_tag`` is the innermost
    block element around it, whose name each block keeps, and ``hint`` the chrome kind that the
    innermost element with a markup cue names."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if not tag or tag in rules.skipped or _hidden(element, rules):
        return
    landmark = _landmark(element, tag, landmark, rules)
    hint = _markup_hint(element, tag, rules) or hint
    if tag == "tr":
        builder.flush()
        cells = [
            _cell_text(cell, rules)
            for cell in element
            if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")
        ]
        if any(cells):
            builder.add("| " + " | ".join(cells) + " |", "tr", landmark, hint)
        builder.flush()
        return
    is_block = tag in rules.block
    if is_block or tag in rules.breaks:
        builder.flush()
    block_tag = tag if is_block else block_tag
    builder.add(element.text, block_tag, landmark, hint)
    for child in element:
        _walk(child, landmark, rules, builder, block_tag, hint)
        builder.add(child.tail, block_tag, landmark, hint)
    if is_block:
        builder.flush()


def _markup_hint(element: Any, tag: str, rules: Layout) -> str:
    """The chrome kind named by a cue word of the element's tag, class or id ("" when none)."""
    names = f"{tag} {element.attrib.get('class', '')} {element.attrib.get('id', '')}"
    for word in MARKUP_WORD.findall(CAMEL_HUMP.sub(" ", names)):
        kind = rules.markup_cues.get(word.lower())
        if kind:
            return kind
    return ""


def _cell_text(cell: Any, rules: Layout) -> str:
    inner = _Builder()
    _walk(cell, "", rules, inner)
    inner.flush()
    return " ".join(block[0] for block in inner.blocks).replace("|", "/")


def _hidden(element: Any, rules: Layout) -> bool:
    attributes = element.attrib
    if "hidden" in attributes or attributes.get("aria-hidden", "").lower() == "true":
        return True
    if attributes.get("type", "").lower() == "hidden" or HIDDEN_STYLE.search(attributes.get("style", "")):
        return True
    return not rules.hidden_classes.isdisjoint(attributes.get("class", "").split())


def _landmark(element: Any, tag: str, outer: str, rules: Layout) -> str:
    """The landmark of ``element``: its own (by tag or ARIA role), else the one it sits in; a
    ``header`` inside an article or the main content is the article's header, not the page's."""
    role = element.attrib.get("role", "").lower()
    own = rules.landmarks.get(f"role:{role}") or rules.landmarks.get(tag, "")
    if not own:
        return outer
    if own == "header" and outer in ("article", "main"):
        return outer
    return own


def _extractor_lines(markup: str) -> tuple[set[str], str]:
    """trafilatura's main text of the page: its lines (normalised) and the whole text."""
    import trafilatura

    text = trafilatura.extract(markup, include_comments=False, include_tables=True, deduplicate=False) or ""
    lines = {_normal(line) for line in text.splitlines() if line.strip()}
    return lines, _normal(text)


def _kept(block: str, kept: tuple[set[str], str]) -> bool:
    lines, whole = kept
    normal = _normal(block.strip("| "))
    if normal in lines:
        return True
    return len(normal.split()) >= EXTRACTOR_MIN_WORDS and normal in whole


def _normal(text: str) -> str:
    return WHITESPACE.sub(" ", text.replace("|", " ")).strip().casefold()


def page_metadata(root: Any, markup: str, fetched_from: str = "") -> dict[str, tuple[str, str]]:
    """What the page states about itself, ``{field: (value, source)}`` (see the module docstring);
    a relative canonical link is resolved against ``og:url``, else ``fetched_from``."""
    found: dict[str, tuple[str, str]] = {}
    tags = _meta_tags(root)
    for field_name, names in META_FIELDS.items():
        value = next((tags[name] for name in names if tags.get(name)), "")
        if value:
            found[field_name] = (value, "html_meta")
    linked = _json_ld(root)
    for field_name, value in linked.items():
        found.setdefault(field_name, (value, "html_meta"))
    if URL_LIKE.match(found.get("byline", ("", ""))[0]):
        del found["byline"]  # templates put the author's profile address there, not a name
    canonical = root.xpath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href')
    if canonical and canonical[0].strip():
        address = urljoin(found.get("url", ("", ""))[0] or fetched_from, canonical[0].strip())
        if urlsplit(address).scheme in ("http", "https"):
            found["url"] = (address, "html_meta")
    title = root.findtext(".//title")
    if "headline" not in found and title and title.strip():
        site = found.get("outlet", ("", ""))[0]
        found["headline"] = (_without_site_name(WHITESPACE.sub(" ", title).strip(), site), "html_meta")
    language = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if language and language.strip():
        found["language"] = (language.strip(), "html_meta")
    if "language" in found:
        found["language"] = (found["language"][0].replace("_", "-").split("-")[0].lower(), "html_meta")
    if "date" not in found:
        date = _searched_date(root, markup)
        if date:
            found["date"] = (date, "text")
    return found


def _without_site_name(title: str, site: str) -> str:
    """A ``<title>`` without the site's name that pages append to it: the part after the last
    " | ", or after a dash when that part is the site name the page states."""
    head, bar, tail = title.rpartition(" | ")
    if bar and head.strip():
        return head.strip()
    for dash in (" - ", " – ", " — "):
        head, found, tail = title.rpartition(dash)
        if found and head.strip() and site and tail.strip().casefold() == site.casefold():
            return head.strip()
    return title


def _meta_tags(root: Any) -> dict[str, str]:
    tags: dict[str, str] = {}
    for meta in root.iter("meta", "time"):
        content = meta.get("content") if meta.tag == "meta" else meta.get("datetime")
        if not content or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and (meta.tag == "meta" or attribute == "itemprop"):
                tags.setdefault(key, content.strip())
    return tags


def _json_ld(root: Any) -> dict[str, str]:
    """``headline``, ``date``, ``byline`` and ``outlet`` of the first news or web page object in
    the page's JSON-LD scripts."""
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        for item in _ld_items(data):
            if "datePublished" in item or "headline" in item:
                found = {
                    "headline": _ld_name(item.get("headline")),
                    "date": _ld_name(item.get("datePublished")),
                    "byline": _ld_name(item.get("author")),
                    "outlet": _ld_name(item.get("publisher")),
                }
                return {k: v for k, v in found.items() if v}
    return {}


def _ld_items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_items(item)
    elif isinstance(data, dict):
        yield data
        yield from _ld_items(data.get("@graph", []))


def _ld_name(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(n for n in map(_ld_name, value) if n)
    if isinstance(value, dict):
        return _ld_name(value.get("name"))
    return str(value).strip() if isinstance(value, str | int | float) else ""


def _searched_date(root: Any, markup: str) -> str:
    """A publication date htmldate finds in the page's markup and text (no meta tag stated one),
    kept only when the page writes that day out: htmldate's extensive search also turns a bare
    year ("Copyright 2023") into 1 January, which the page never said."""
    import htmldate

    try:
        found = htmldate.find_date(root, original_date=True, extensive_search=True, outputformat="%Y-%m-%d") or ""
    except (ValueError, TypeError):
        return ""
    return found if found and _written_out(found, markup) else ""


def _written_out(date: str, markup: str) -> bool:
    """Whether ``markup`` writes the ISO ``date`` with its day, in one of the common notations."""
    moment = datetime.strptime(date, "%Y-%m-%d")
    y, m, d = moment.year, moment.month, moment.day
    month, short = moment.strftime("%B").lower(), moment.strftime("%b").lower()
    numeric = [f"{y}-{m:02d}-{d:02d}", f"{y}/{m:02d}/{d:02d}", f"{y}{m:02d}{d:02d}"]
    numeric += [
        f"{a}{sep}{b}{sep}{y}"
        for sep in "/.-"
        for a, b in ((d, m), (m, d), (f"{d:02d}", f"{m:02d}"), (f"{m:02d}", f"{d:02d}"))
    ]
    words = [
        f"{d} {month} {y}",
        f"{month} {d}, {y}",
        f"{month} {d} {y}",
        f"{short} {d}, {y}",
        f"{d} {short} {y}",
        f"{short}. {d}, {y}",
    ]
    text = WHITESPACE.sub(" ", markup.lower())
    return any(re.search(rf"(?<!\d){re.escape(form)}(?!\d)", text) for form in numeric + words)
