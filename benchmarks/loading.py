"""Loading each input kind against plain-text loading of the same texts: wall time and peak memory.

The same generated documents (``generate_corpus.document``) are written as a folder of ``.txt``
files, a CSV, a JSONL and a Parquet export (one row per document), a folder of HTML pages (each
paragraph a ``<p>``, wrapped in a site's navigation, header, share bar and footer, with meta tags)
and a ``.warc.gz`` holding those pages. Each is loaded in a fresh interpreter, which then builds
the documents table (so paragraphs, kinds and languages are computed, not only the raw texts) and,
for the exports, the syndication groups; it reports the wall time and the peak resident memory
above what the interpreter held after importing xivn.

Run: ``.venv/bin/python benchmarks/loading.py --export-rows 10000 --pages 2000`` (inputs go to
``benchmarks/corpora/loading/``, git-ignored).
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import subprocess
import sys
from pathlib import Path

from generate_corpus import document, seed_pools

HERE = Path(__file__).resolve().parent
# Memory from /proc/self/status: VmHWM (peak resident) and VmRSS (now), in kB. getrusage's
# ru_maxrss would do, but a child started from a large parent inherits the parent's peak.
PROBE = """
import sys, time
import xivn
def status(field):
    with open("/proc/self/status") as handle:
        return next(int(line.split()[1]) for line in handle if line.startswith(field + ":"))
base = status("VmRSS")
start = time.perf_counter()
corpus = xivn.load_corpus(sys.argv[1])
documents = corpus.documents
groups = corpus.syndication if sys.argv[2] == "groups" else None
seconds = time.perf_counter() - start
print(len(corpus), round(seconds, 2), round((status("VmHWM") - base) / 1024), 0 if groups is None else len(groups))
"""
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{date}T08:00:00+07:00">
<script>var analytics = {{"page": "{doc_id}"}};</script><style>p {{ margin: 0 }}</style></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li></ul></nav></header>
<main><article>{paragraphs}</article>
<aside><h2>More stories</h2><ul><li><a href="/1">Markets steady as investors wait</a></li></ul></aside></main>
<footer><p>Copyright {outlet}. All rights reserved.</p></footer></body></html>
"""


def write_inputs(n_rows: int, n_pages: int, out: Path) -> dict[str, Path]:
    """Write every input kind of the first ``n_rows`` (exports) and ``n_pages`` (pages) documents."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pools = seed_pools()
    paths = {
        "text (export rows)": out / "text_rows",
        "text (pages)": out / "text_pages",
        "html": out / "html",
        "csv": out / "export.csv",
        "jsonl": out / "export.jsonl",
        "parquet": out / "export.parquet",
        "warc.gz": out / "pages.warc.gz",
    }
    for folder in (paths["text (export rows)"], paths["text (pages)"], paths["html"]):
        folder.mkdir(parents=True, exist_ok=True)
    rows = []
    with (
        paths["csv"].open("w", encoding="utf-8", newline="") as csv_file,
        paths["jsonl"].open("w", encoding="utf-8") as jsonl_file,
        paths["warc.gz"].open("wb") as warc_file,
    ):
        writer = csv.writer(csv_file)
        writer.writerow(["stories_id", "publish_date", "title", "media_name", "text"])
        warc = WARCWriter(warc_file, gzip=True)
        for index in range(max(n_rows, n_pages)):
            _, text, meta = document(index, pools)
            doc_id, title = meta["doc_id"], meta["label"]
            if index < n_rows:
                (paths["text (export rows)"] / f"{doc_id}.txt").write_text(text, encoding="utf-8", newline="")
                writer.writerow([doc_id, meta["date"], title, meta["outlet"], text])
                record = {"id": doc_id, "publish_date": meta["date"], "title": title, "media_name": meta["outlet"]}
                jsonl_file.write(json.dumps({**record, "text": text}) + "\n")
                rows.append({**record, "text": text})
            if index < n_pages:
                (paths["text (pages)"] / f"{doc_id}.txt").write_text(text, encoding="utf-8", newline="")
                paragraphs = "".join(
                    f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip()
                )
                page = PAGE.format(
                    title=html.escape(title),
                    outlet=meta["outlet"],
                    date=meta["date"],
                    doc_id=doc_id,
                    paragraphs=paragraphs,
                ).encode()
                (paths["html"] / f"{doc_id}.html").write_bytes(page)
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                )
                warc.write_record(
                    warc.create_warc_record(
                        f"https://news.example/{doc_id}", "response", payload=io.BytesIO(page), http_headers=headers
                    )
                )
    _write_parquet(rows, paths["parquet"])
    return paths


def _write_parquet(rows: list[dict], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=1000)


def measure(path: Path, groups: bool) -> tuple[int, float, int, int]:
    """Documents, seconds, peak MB above the imports, and syndicated documents, in a fresh interpreter."""
    args = [sys.executable, "-c", PROBE, str(path), "groups" if groups else "-"]
    result = subprocess.run(args, capture_output=True, text=True, check=True, cwd=HERE)
    documents, seconds, megabytes, grouped = result.stdout.split()
    return int(documents), float(seconds), int(megabytes), int(grouped)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--export-rows", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=2_000)
    parser.add_argument("--out", type=Path, default=HERE / "corpora" / "loading")
    args = parser.parse_args()
    paths = write_inputs(args.export_rows, args.pages, args.out)
    print("| input | documents | MB on disk | seconds | peak MB | syndicated docs |")
    print("| --- | --- | --- | --- | --- | --- |")
    for kind, path in paths.items():
        size = sum(f.stat().st_size for f in path.iterdir()) if path.is_dir() else path.stat().st_size
        groups = kind in ("csv", "jsonl", "parquet", "text (export rows)")
        documents, seconds, megabytes, grouped = measure(path, groups)
        print(f"| {kind} | {documents:,} | {size / 1e6:.1f} | {seconds} | {megabytes} | {grouped if groups else '–'} |")


if __name__ == "__main__":
    main()
