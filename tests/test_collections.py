"""The collections researchers hold: news-archive exports, saved HTML pages, web archives; the
metadata each states (with its source), detected languages and syndication groups."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import pytest
from conftest import REPO
from hypothesis import example, given
from hypothesis import strategies as st

import xivn
from xivn.corpus import warc
from xivn.corpus.checks import offset_mismatches, unaccounted_text
from xivn.corpus.html import parse_html
from xivn.corpus.metadata import iso_date, url_facts

PAGES = REPO / "tests" / "fixtures" / "collections" / "pages"
STORY = (
    "HANOI, Dec 12 - China and Vietnam signed a set of cooperation documents on Tuesday, including plans "
    "for a railway link, as Chinese President Xi Jinping began a two-day visit to Hanoi.\n\n"
    "The two sides agreed to study a standard-gauge line from Lao Cai to Haiphong."
)


def _csv(tmp_path, text: str, name: str = "export.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


# --- exports ---------------------------------------------------------------------------------


def test_csv_export_in_an_archive_layout(tmp_path):
    path = _csv(
        tmp_path,
        "stories_id,publish_date,title,url,media_name,language,text\n"
        f'101,2023-12-12 08:30:00,Rail pacts signed,https://www.example.com/a,Global Wire,en,"{STORY}"\n'
        '102,2023-12-13,Empty one,https://www.example.com/b,Mekong Daily,en,"   "\n'
        "103,,No date,https://www.example.org/news/2023/12/14/c,,,Short text about trade with Laos.\n"
        "101,2023-12-12,Twice,https://www.example.com/a,Global Wire,en,Again the same id.\n",
    )
    corpus = xivn.load_corpus(path)
    docs = corpus.documents.set_index("doc_id")
    assert list(docs.index) == ["101", "103"]
    assert corpus.text("101") == STORY  # the quoted multi-line text, unchanged
    assert docs.loc["101", ["headline", "date", "outlet", "url", "language"]].tolist() == [
        "Rail pacts signed",
        "2023-12-12",
        "Global Wire",
        "https://www.example.com/a",
        "en",
    ]
    assert docs.loc["101", "date_basis"] == "export: 2023-12-12 08:30:00"
    assert set(docs.loc["101", ["headline_source", "date_source", "outlet_source"]]) == {"export"}
    assert docs.loc["101", "byline_source"] == "none"
    # the URL says the outlet and the date when the export does not
    assert docs.loc["103", ["outlet", "outlet_source", "date", "date_source"]].tolist() == [
        "example.org",
        "url",
        "2023-12-14",
        "url",
    ]
    assert docs.loc["101", ["path", "record", "format"]].tolist() == [str(path), "line 2", "csv"]
    rejects = corpus.rejects
    assert rejects[["record", "action"]].values.tolist() == [["line 5", "rejected"], ["line 7", "rejected"]]
    assert "no visible characters" in rejects["reason"].iloc[0]
    assert rejects["reason"].iloc[1] == "duplicate id '101' (first used at line 2)"  # the story's text spans lines 2-4
    assert offset_mismatches(corpus.sentences, corpus).empty


def test_csv_without_a_text_column_names_its_columns(tmp_path):
    path = _csv(tmp_path, "id,headline,summary\n1,A,B\n")
    with pytest.raises(xivn.errors.CorpusError) as info:
        xivn.load_corpus(path)
    message = str(info.value)
    assert message == f"{path}: no text column (columns: 'id', 'headline', 'summary'; name one with text_column=)"
    assert xivn.load_corpus(path, text_column="summary").text("1") == "B"


def test_column_options_override_the_spellings(tmp_path):
    path = _csv(tmp_path, "key,story,when,paper,writer\nk1,The story text.,2023-12-12,Nhan Dan,BY Hoa Le\n")
    corpus = xivn.load_corpus(path, text_column="story", id_column="key", date_column="when", outlet_column="paper")
    row = corpus.documents.iloc[0]
    assert (row["doc_id"], row["date"], row["outlet"]) == ("k1", "2023-12-12", "Nhan Dan")
    assert xivn.load_corpus(path, author_column="writer").documents.iloc[0]["byline"] == "Hoa Le"
    with pytest.raises(xivn.errors.CorpusError, match=r"no column 'nope' for the text \(columns: 'key', 'story'"):
        xivn.load_corpus(path, text_column="nope")


def test_jsonl_broken_line_is_rejected_and_the_rest_load(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "a",
                "content": STORY,
                "source": {"id": None, "name": "Global Wire"},
                "publishedAt": "2023-12-12T01:00:00Z",
            }
        ),
        '{"id": "b", "content": "cut off',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c", "headline": "No text field here"}),
        json.dumps({"id": "d", "text": "Vietnam's exports to China rose.", "lang": "en"}),
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = xivn.load_corpus(path)
    assert corpus.doc_ids == ["a", "d"]
    docs = corpus.documents.set_index("doc_id")
    assert docs.loc["a", ["outlet", "date"]].tolist() == ["Global Wire", "2023-12-12"]
    assert corpus.rejects["record"].tolist() == ["line 2", "line 4", "line 5"]
    assert corpus.rejects["reason"].iloc[0].startswith("not valid JSON (Unterminated string")
    assert corpus.rejects["reason"].iloc[2] == "no text field (fields: 'id', 'headline')"
    assert set(corpus.rejects["path"]) == {str(path)}


def test_an_export_of_which_nothing_loads_is_an_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("{oops\n", encoding="utf-8")
    with pytest.raises(xivn.errors.CorpusError, match=r"bad.jsonl: no documents; 1 record\(s\) rejected .*line 1"):
        xivn.load_corpus(path)


def test_mixed_encodings_in_an_export_are_decoded_with_one_warning(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "id,text\n1,Hà Nội welcomes the visit.\n".encode() + "2,Café talks in Hà Nội.\n".encode("cp1252", "replace")
    )
    with pytest.warns(xivn.errors.XivnWarning, match=r"mixed.csv: 1 line\(s\) not valid UTF-8 \(first: line 3\)"):
        corpus = xivn.load_corpus(path)
    assert corpus.text("2").startswith("Café talks")


def test_parquet_export_streams_in_batches(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "article_id": [f"p{i}" for i in range(2500)],
            "body": [f"Story number {i} on the visit." for i in range(2500)],
            "published": ["2023-12-12"] * 2500,
        }
    )
    path = tmp_path / "export.parquet"
    pq.write_table(table, path, row_group_size=700)
    progress = io.StringIO()
    corpus = xivn.load_corpus(path, progress=progress)
    assert len(corpus) == 2500
    assert corpus.text("p2499") == "Story number 2499 on the visit."
    assert corpus.documents["record"].iloc[-1] == "row 2500"
    assert progress.getvalue().splitlines() == ["loaded 1,000 documents", "loaded 2,000 documents"]


# --- HTML ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages():
    return xivn.load_corpus(PAGES)


def test_html_text_is_every_visible_block_one_paragraph_each(pages):
    text = pages.text("wire_hanoi")
    for hidden in ("dataLayer", "font-family", "Hidden teaser", "Advertisement fallback", "Skip to main", "renderAd"):
        assert hidden not in text
    for visible in ("We use cookies", "Markets", "Share on Facebook", "Noi Bai airport", "Related stories", "© 2023"):
        assert visible in text
    blocks = pages.html_blocks
    paragraphs = pages.paragraphs
    assert len(blocks) == len(paragraphs)  # every block is one paragraph, and nothing else is
    assert (blocks["par_id"] >= 0).all()
    assert offset_mismatches(paragraphs, pages).empty
    assert offset_mismatches(pages.sentences, pages).empty
    assert unaccounted_text(pages).empty
    assert "| Transport | 4 |" in pages.text("state_media_deals")


def test_html_chrome_is_flagged_not_deleted(pages):
    paragraphs = pages.paragraphs.set_index(["doc_id", "text"])
    wire = paragraphs.loc["wire_hanoi"]
    assert wire.loc["World", "kind"] == "navigation"  # inside <nav>
    assert wire.loc["Vietnam's exports rebound in November", "kind"] == "related"  # inside <aside>
    assert wire.loc["© 2023 Global Wire. All rights reserved.", "is_chrome"]
    assert wire.loc["China and Vietnam sign rail pacts as Xi visits Hanoi", "kind"] == "headline"
    assert wire.loc[wire.index.str.startswith("Chinese President Xi Jinping is welcomed"), "kind"].tolist() == [
        "caption"
    ]
    body = wire.loc[wire.index.str.startswith("Trade between the neighbours")]
    assert body["kind"].tolist() == ["body"]


def test_the_extractor_is_a_second_opinion_column(pages):
    blocks = pages.html_blocks.merge(pages.paragraphs, on=["doc_id", "par_id", "start", "end"])
    wire = blocks[blocks["doc_id"] == "wire_hanoi"].set_index("text")
    assert wire.loc["World", "extractor_main"] == False  # noqa: E712 (a numpy bool)
    assert wire.loc[wire.index.str.startswith("Trade between the neighbours"), "extractor_main"].all()
    assert wire.loc["World", "landmark"] == "nav"
    assert wire.loc["Related stories", ["tag", "landmark"]].tolist() == ["h2", "aside"]


def test_html_metadata_from_meta_tags_with_sources(pages):
    docs = pages.documents.set_index("doc_id")
    wire = docs.loc["wire_hanoi"]
    assert wire["headline"] == "China and Vietnam sign rail pacts as Xi visits Hanoi"
    assert (wire["date"], wire["outlet"], wire["byline"], wire["language"]) == (
        "2023-12-12",
        "Global Wire",
        "Mai Tran",
        "en",
    )
    assert wire["url"] == "https://www.globalwire.example/world/asia-pacific/china-vietnam-rail-pacts-2023-12-12/"
    assert {wire[f"{f}_source"] for f in ("headline", "date", "outlet", "byline", "url", "language")} == {"html_meta"}
    reprint = docs.loc["reprint_hanoi"]  # JSON-LD only
    assert (reprint["headline"], reprint["date"], reprint["outlet"]) == (
        "China, Vietnam sign rail pacts during Xi visit",
        "2023-12-12",
        "Mekong Daily",
    )
    assert (reprint["url"], reprint["url_source"]) == ("", "none")
    state = docs.loc["state_media_deals"]
    assert (state["date"], state["outlet"], state["byline"], state["byline_source"]) == (
        "2023-12-13",
        "Asia News Network Online",
        "",
        "none",
    )
    assert (state["language"], state["language_source"], state["detected_language"]) == ("en", "text", "en")
    assert all(len(sha) == 64 for sha in docs["sha256"])


def test_metadata_csv_overrides_what_the_page_states(make_corpus):
    page = (PAGES / "wire_hanoi.html").read_bytes()
    folder = make_corpus({"page.html": page, "metadata.csv": "file,outlet,date\npage.html,GW (curated),2023-12-11\n"})
    row = xivn.load_corpus(folder).documents.iloc[0]
    assert (row["outlet"], row["outlet_source"], row["date"], row["date_source"]) == (
        "GW (curated)",
        "metadata.csv",
        "2023-12-11",
        "metadata.csv",
    )
    assert row["headline_source"] == "html_meta"


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (
            b"<html><head><title>Only a title</title><script>var a = 1;</script></head><body> </body></html>",
            "no visible text",
        ),
        (b"", "empty file"),
    ],
)
def test_html_without_visible_text_is_an_error(make_corpus, page, message):
    folder = make_corpus({"blank.html": page})
    with pytest.raises(xivn.errors.CorpusError, match=f"blank.html: .*{message}"):
        xivn.load_corpus(folder)


def test_declared_charset_is_obeyed(make_corpus):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Café in Hà Nội – talks</p></body></html>'
    folder = make_corpus({"cp.html": page.encode("cp1252", "replace")})
    corpus = xivn.load_corpus(folder)
    assert corpus.text("cp").startswith("Café in H")
    assert corpus.documents["encoding"].iloc[0] == "windows-1252"


def test_duplicate_stems_across_text_and_html_are_an_error(make_corpus):
    folder = make_corpus({"a.txt": "Text.", "a.html": "<p>Text.</p>"})
    with pytest.raises(xivn.errors.MetadataError, match="duplicate doc_id 'a'"):
        xivn.load_corpus(folder)


# --- WARC ------------------------------------------------------------------------------------


def _warc(path, pages, *, gz=True, extra=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-01-05T10:00:00Z"},
            )
            writer.write_record(record)
        if extra:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    "https://x.example/a.jpg", "response", payload=io.BytesIO(b"\xff\xd8"), http_headers=image
                )
            )
            moved = StatusAndHeaders("301 Moved", [("Location", "/b")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    "https://x.example/old", "response", payload=io.BytesIO(b""), http_headers=moved
                )
            )
            writer.write_record(
                writer.create_warc_record(
                    "https://x.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
                )
            )
    return path


def test_warc_html_responses_become_documents(tmp_path):
    wire = (PAGES / "wire_hanoi.html").read_bytes()
    reprint = (PAGES / "reprint_hanoi.html").read_bytes()
    path = _warc(
        tmp_path / "crawl.warc.gz",
        [("https://w.example/x", wire), ("https://mekong.example/news/2023/12/12/r", reprint)],
    )
    corpus = xivn.load_corpus(path)
    docs = corpus.documents.set_index("doc_id")
    assert list(docs.index) == ["crawl_00001", "crawl_00002"]
    first, second = docs.loc["crawl_00001"], docs.loc["crawl_00002"]
    assert first["url"].startswith("https://www.globalwire.example/")  # the page's canonical URL wins
    assert (second["url"], second["url_source"]) == ("https://mekong.example/news/2023/12/12/r", "warc")
    assert set(docs["captured_at"]) == {"2024-01-05T10:00:00Z"}
    assert set(docs["date"]) == {"2023-12-12"}  # the page's date, not the crawl's
    assert corpus.text("crawl_00001") == xivn.load_corpus(PAGES).text("wire_hanoi")
    assert corpus.rejects["action"].tolist() == ["skipped"] * 3
    assert corpus.rejects["reason"].tolist() == [
        "content type image/jpeg, not HTML",
        "HTTP status 301",
        "request record, not a response",
    ]
    assert offset_mismatches(corpus.sentences, corpus).empty


def test_truncated_warc_gz_is_a_clear_error(tmp_path):
    pages = [(f"https://w.example/{i}", (PAGES / "wire_hanoi.html").read_bytes()) for i in range(3)]
    whole = _warc(tmp_path / "whole.warc.gz", pages, extra=False).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 500])
    with pytest.raises(
        xivn.errors.CorpusError, match=r"cut.warc.gz: truncated web archive, record 3 ends [\d,]+ bytes early"
    ):
        xivn.load_corpus(cut)


def test_gzip_bomb_stops_at_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(warc, "MAX_RECORD_BYTES", 100_000)
    bomb = b"<html><body><p>" + b"a" * 5_000_000 + b"</p></body></html>"
    path = _warc(tmp_path / "bomb.warc.gz", [("https://w.example/bomb", bomb)], extra=False)
    assert path.stat().st_size < 100_000  # the compressed file is small
    with pytest.raises(
        xivn.errors.CorpusError, match=r"bomb.warc.gz, record 1: record payload above the limit of 100,000 bytes"
    ):
        xivn.load_corpus(path)


# --- language and syndication ------------------------------------------------------------------


def test_each_document_gets_a_detected_language(tmp_path):
    path = _csv(
        tmp_path,
        "id,text\n"
        "en,Chinese President Xi Jinping arrived in Hanoi on Tuesday for a two-day state visit.\n"
        "vi,Chủ tịch Trung Quốc Tập Cận Bình đến Hà Nội hôm thứ Ba trong chuyến thăm cấp nhà nước.\n"
        "zh,中国国家主席习近平12日抵达河内，对越南进行国事访问，这是他六年来首次访问越南。\n"
        "short,OK 12.\n",
    )
    docs = xivn.load_corpus(path).documents.set_index("doc_id")
    assert docs["detected_language"].to_dict() == {"en": "en", "vi": "vi", "zh": "zh", "short": ""}
    assert docs.loc["short", ["language", "language_source"]].tolist() == ["", "none"]


def test_syndicated_copies_form_a_group_with_the_earliest_as_source(pages):
    groups = pages.syndication.set_index("doc_id")
    assert set(groups.index) == {"wire_hanoi", "reprint_hanoi"}  # the state-media story is not a copy
    assert set(groups["group_id"]) == {"wire_hanoi"}  # 14:05 +07:00 before 16:30 +07:00
    assert groups.loc["wire_hanoi", "is_source"] and not groups.loc["reprint_hanoi", "is_source"]
    assert groups.loc["reprint_hanoi", "match"] == "near"
    assert 0.4 <= groups.loc["reprint_hanoi", "similarity"] < 1


def test_exact_copies_and_undated_groups(tmp_path):
    other = (
        "Rice exports from the Mekong delta rose sharply this autumn as buyers in the Philippines and "
        "Indonesia stocked up ahead of the new year."
    )
    path = _csv(tmp_path, f'id,text\nb,"{STORY}"\na,"{STORY.upper()}"\nc,"{other}"\n')
    groups = xivn.load_corpus(path).syndication
    assert groups[["doc_id", "group_id", "is_source", "match", "similarity"]].values.tolist() == [
        ["b", "b", True, "exact", 1.0],
        ["a", "b", False, "exact", 1.0],
    ]


# --- metadata helpers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-12-12T14:05:00+07:00", "2023-12-12"),
        ("2023/12/13", "2023-12-13"),
        ("Tue, 12 Dec 2023 07:05:00 GMT", "2023-12-12"),
        ("December 12, 2023", "2023-12-12"),
        ("12th December 2023", "2023-12-12"),
        ("12/13/2023", "2023-12-13"),  # month first: 13 is no month
        ("13/12/2023 20:15", "2023-12-13"),
        ("05.06.2023", "2023-06-05"),  # dots: the European day-first notation
        ("05/06/2023", ""),  # 5 June or 6 May: the notation does not say
        ("2023-02-30", ""),  # no such day
        ("last Tuesday", ""),
    ],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_url_facts():
    assert url_facts("https://www.vnexpress.example/news/2023/12/12/xi-visit.html") == {
        "outlet": "vnexpress.example",
        "date": "2023-12-12",
    }
    assert url_facts("http://en.example.cn/20231213/abc.html") == {"outlet": "en.example.cn", "date": "2023-12-13"}
    assert url_facts("") == {}


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("<p>Talks went on in Hanoi, no day given.</p><footer>Copyright 2023 Example News</footer>", ""),  # a year
        ("<p>Talks in 2023 went on in Hanoi and will go on in 2024.</p>", ""),
        ("<p>Posted 13/12/2023 by staff.</p><p>Talks went on in Hanoi.</p>", "2023-12-13"),
        ("<p class='date'>December 12, 2023</p><p>Talks went on in Hanoi.</p>", "2023-12-12"),
        ("<p>Updated: 2024-01-05</p><p>Published: 2023-12-12</p><p>Talks went on.</p>", "2023-12-12"),
        ("<time datetime='2023-12-12'>Tuesday</time><p>Talks went on in Hanoi.</p>", "2023-12-12"),
    ],
)
def test_a_date_found_in_the_page_must_be_written_out(make_corpus, body, date):
    folder = make_corpus({"page.html": f"<html><body>{body}</body></html>"})
    row = xivn.load_corpus(folder).documents.iloc[0]
    assert (row["date"], row["date_source"]) == (date, "text" if date else "none")


def _page(make_corpus, head: str, body: str = "<p>Vietnam and China signed rail agreements on Tuesday.</p>"):
    folder = make_corpus({"page.html": f"<html lang='en'><head>{head}</head><body>{body}</body></html>"})
    return xivn.load_corpus(folder)


def test_title_author_and_canonical_are_read_as_a_reader_would(make_corpus):
    row = _page(make_corpus, "<title>Coal imports climb | Mekong Post</title>").documents.iloc[0]
    assert row["headline"] == "Coal imports climb"
    dashed = "<title>Vietnam - China trade rises</title>"  # a dash inside a headline is kept
    assert _page(make_corpus, dashed).documents.iloc[0]["headline"] == "Vietnam - China trade rises"
    named = "<title>Trade rises - Mekong Post</title><meta property='og:site_name' content='Mekong Post'>"
    assert _page(make_corpus, named).documents.iloc[0]["headline"] == "Trade rises"
    profile = "<meta property='article:author' content='https://www.facebook.com/somepaper'>"
    assert _page(make_corpus, profile).documents.iloc[0][["byline", "byline_source"]].tolist() == ["", "none"]
    relative = (
        "<link rel='canonical' href='/a/2023/12/12/x'><meta property='og:url' content='https://m.site.example/a'>"
    )
    row = _page(make_corpus, relative).documents.iloc[0]
    assert (row["url"], row["outlet"], row["date"]) == (
        "https://m.site.example/a/2023/12/12/x",
        "site.example",
        "2023-12-12",
    )


def test_a_byline_paragraph_gives_the_byline_when_nothing_states_one(make_corpus):
    body = (
        "<h1>Fishermen wary of new patrols</h1><p>By Duc Anh</p><p>Fishermen in Quang Ngai said they were worried.</p>"
    )
    row = _page(make_corpus, "", body).documents.iloc[0]
    assert (row["byline"], row["byline_source"]) == ("Duc Anh", "text")


def test_markup_names_chrome_only_where_the_extractor_agrees(make_corpus):
    body = (
        "<div class='story share-enabled'><h1>Japan and Vietnam upgrade ties</h1>"
        "<p>Japan and Vietnam raised their relationship to the highest level in Hanoi's ranking on Monday.</p>"
        "<p>The two governments said they would cooperate on semiconductors and clean energy.</p></div>"
        "<div class='story-byline'><span>Reporting by Ken Mori</span></div>"
    )
    corpus = _page(make_corpus, "", body)
    blocks = corpus.html_blocks.merge(corpus.paragraphs, on=["doc_id", "par_id", "start", "end"]).set_index("text")
    assert not blocks.loc[blocks.index.str.startswith("Japan and Vietnam"), "is_chrome"].any()
    assert blocks.loc["Reporting by Ken Mori", ["markup_hint", "is_chrome"]].tolist() == ["byline", True]
    assert blocks.loc["Japan and Vietnam upgrade ties", "markup_hint"] == "navigation"  # "share", a hint only


def test_a_site_slogan_or_logo_is_named_navigation_by_the_markup(make_corpus):
    body = (
        "<div class='site-brand'><span class='slogan'>Notes on trade across the Mekong region</span></div>"
        "<h1>Durian trucks queue at Lang Son</h1><p>Hundreds of trucks waited at the border gate on Sunday.</p>"
    )
    corpus = _page(make_corpus, "", body)
    blocks = corpus.html_blocks.merge(corpus.paragraphs, on=["doc_id", "par_id", "start", "end"]).set_index("text")
    assert blocks.loc["Notes on trade across the Mekong region", "markup_hint"] == "navigation"
    assert blocks.loc["Hundreds of trucks waited at the border gate on Sunday.", "markup_hint"] == ""


def test_loading_benchmark_writes_every_input_kind_with_the_same_texts(tmp_path):
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    import loading

    paths = loading.write_inputs(6, 4, tmp_path)
    plain = xivn.load_corpus(paths["text (export rows)"])
    for kind in ("csv", "jsonl", "parquet"):
        export = xivn.load_corpus(paths[kind])
        assert [export.text(d) for d in export.doc_ids] == [plain.text(d) for d in plain.doc_ids], kind
    assert len(xivn.load_corpus(paths["html"])) == len(xivn.load_corpus(paths["warc.gz"])) == 4
    documents, seconds, megabytes, _ = loading.measure(paths["html"], groups=False)
    assert documents == 4 and seconds > 0 and megabytes >= 0


@given(st.lists(st.tuples(st.sampled_from(["p", "li", "h2", "span", "td", "figcaption"]), st.text()), max_size=8))
@example([("p", "a\u2028b"), ("span", "\r\n\x85"), ("p", "\u200b")])  # line separators inside a block
def test_any_page_keeps_the_offset_invariants(elements):
    page = "<html><body>" + "".join(f"<{tag}>{html.escape(text)}</{tag}>" for tag, text in elements) + "</body></html>"
    try:
        document = parse_html(page.encode("utf-8", "surrogatepass"), Path("page.html"), "page")
    except xivn.errors.CorpusError:
        return  # a page with no visible text, or one that is not HTML
    corpus = xivn.corpus.Corpus([document], {}, None)
    assert offset_mismatches(corpus.paragraphs, corpus).empty
    assert offset_mismatches(corpus.sentences, corpus).empty
    assert unaccounted_text(corpus).empty
    assert len(corpus.paragraphs) == len(document.blocks)


def test_markup_written_as_text_stays_text_and_scripts_never_run_into_it(make_corpus):
    page = (
        "<html><body><p>The page shows &lt;script&gt;alert(1)&lt;/script&gt; as words.</p>"
        "<script>alert(2)</script><p onclick='alert(3)'>Click text.</p></body></html>"
    )
    corpus = xivn.load_corpus(make_corpus({"page.html": page}))
    text = corpus.text("page")
    assert text == "The page shows <script>alert(1)</script> as words.\n\nClick text."
    assert "alert(2)" not in text and "onclick" not in text


def test_a_relative_canonical_link_in_an_archive_is_resolved_against_the_fetched_address(tmp_path):
    page = b"<html><head><link rel='canonical' href='/news/story'></head><body><p>Ports grow.</p></body></html>"
    path = _warc(tmp_path / "one.warc", [("https://www.paper.example/news/story?utm=x", page)], gz=False, extra=False)
    row = xivn.load_corpus(path).documents.iloc[0]
    expected = ("https://www.paper.example/news/story", "html_meta", "paper.example")
    assert (row["url"], row["url_source"], row["outlet"]) == expected
