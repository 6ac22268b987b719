"""Reading a web archive (``.warc`` or ``.warc.gz``, as crawlers and the Internet Archive write it).

Each ``response`` record with HTTP status 200 and an HTML content type becomes a document, read as
a saved page (:func:`xivn.corpus.html.parse_html`), with the record's ``WARC-Target-URI`` as its URL
(source ``warc``, unless the page names its canonical URL) and its ``WARC-Date`` as
``captured_at`` (when the crawler fetched it, which is not the publication date). Every other
record is listed as skipped with the reason (a request, a redirect, an image, a revisit); an HTML
page with no visible text is listed as rejected.

The archive is streamed record by record. A record's payload is read up to
:data:`MAX_RECORD_BYTES` and the archive up to :data:`MAX_ARCHIVE_BYTES` of decompressed payload,
so a gzip bomb stops with a one-line :class:`~xivn.errors.CorpusError` naming the limit; a
truncated or corrupt file stops with one naming the record it broke in.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Iterator
from pathlib import Path

from xivn.corpus.html import parse_html
from xivn.corpus.reader import MAX_FILE_BYTES, RawDocument, Reject
from xivn.errors import CorpusError, shown

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_RECORD_BYTES = MAX_FILE_BYTES
MAX_ARCHIVE_BYTES = 4 * 1024**3
READ_CHUNK = 1024 * 1024


def read_warc(path: Path) -> Iterator[RawDocument | Reject]:
    """The documents of a web archive, in record order, and a :class:`~xivn.corpus.reader.Reject`
    for every record that is not one."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    # A record is named by its number in the archive: warcio's record offset is known only
    # once the record has been read, and a record too large to read still needs a name.
    stem = path.name[: -len(".warc.gz")] if path.name.lower().endswith(".warc.gz") else path.stem
    total, number, index = 0, 0, 0
    try:
        with path.open("rb") as handle:
            for index, record in enumerate(ArchiveIterator(handle), start=1):
                where = f"record {index}"
                reason = _skip_reason(record)
                payload = b"" if reason else _bounded_payload(record, path, where)
                _drain(record, path, where)
                if reason:
                    yield Reject(str(path), where, "skipped", reason)
                    continue
                total += len(payload)
                if total > MAX_ARCHIVE_BYTES:
                    raise CorpusError(
                        f"{shown(path)}: more than {MAX_ARCHIVE_BYTES:,} bytes of decompressed payload, above the "
                        "archive limit (a gzip bomb, or split the archive)"
                    )
                number += 1
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                try:
                    document = parse_html(payload, path, f"{stem}_{number:05d}", record=where, format="warc", url=url)
                except CorpusError as exc:
                    yield Reject(str(path), where, "rejected", str(exc).split(": ", 2)[-1])
                    continue
                yield dataclasses.replace(document, captured_at=record.rec_headers.get_header("WARC-Date") or "")
    except OSError as exc:
        raise CorpusError(f"{shown(path)}: cannot read the file ({exc.strerror or exc})") from None
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as exc:
        raise CorpusError(
            f"{shown(path)}: truncated or corrupt web archive at record {index + 1} ({_one_line(exc)})"
        ) from None


def _skip_reason(record: object) -> str:
    """Why a record is not a document, or "" when it is an HTML page to read."""
    kind = record.rec_type  # type: ignore[attr-defined]
    if kind != "response":
        return f"{kind} record, not a response"
    http = record.http_headers  # type: ignore[attr-defined]
    if http is None:
        return "response without HTTP headers"
    status = http.get_statuscode()
    if status != "200":
        return f"HTTP status {status}"
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return f"content type {content_type or 'not stated'}, not HTML"
    return ""


def _bounded_payload(record: object, path: Path, where: str) -> bytes:
    stream = record.content_stream()  # type: ignore[attr-defined]
    chunks, size = [], 0
    while chunk := stream.read(READ_CHUNK):
        size += len(chunk)
        if size > MAX_RECORD_BYTES:
            raise CorpusError(
                f"{shown(path)}, {where}: record payload above the limit of {MAX_RECORD_BYTES:,} bytes "
                "(a gzip bomb, or a page too large to be an article)"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _drain(record: object, path: Path, where: str) -> None:
    """Read what is left of the record's block and fail when the file ends before its declared
    length (a truncated download)."""
    block = record.raw_stream  # type: ignore[attr-defined]
    while block.read(READ_CHUNK):
        pass
    if block.limit > 0:
        raise CorpusError(f"{shown(path)}: truncated web archive, {where} ends {block.limit:,} bytes early")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
