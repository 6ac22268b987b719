"""Generate a large corpus in the format of the seeds, deterministically, for benchmarks.

Each document resamples sentences of the seeds' article text and perturbs them (about half the
longer words swapped for other words of the seeds, numbers changed), adds money amounts in several
spellings ("$12.3 billion", "USD 4.5bn", "230 million U.S. dollars"), rare-earth claims and deal
bullet lists, and wraps the article in varied page chrome (navigation, captions, bylines,
related links, cookie notices). Layouts vary like real captures: blank-line paragraphs, one
paragraph per line, Markdown (``.md``), and some files with CRLF line ends. About 3% of documents
are light rewrites of an earlier one (``rewrite_of`` in ``metadata.csv``), so near-duplicate
detection has something to find. Document ``i`` depends only on the seed and ``i``: a 100-document
corpus is the first 100 documents of a 10,000-document one.

Run: ``.venv/bin/python benchmarks/generate_corpus.py 10000 --out benchmarks/corpora/10000``
(about 3.5 KB and 550 words per document; ``benchmarks/corpora/`` is git-ignored).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

import xivn

SEED = 20231212
REWRITE_SHARE = 0.03
SWAP_RATE = 0.5
FACT_SWAP_RATE = 0.5
CHAIN_SWAP_RATE = 0.3
REWRITE_SWAP_RATE = 0.12
CRLF_SHARE = 0.1
LAYOUTS = ("blank", "blank", "lines", "markdown")
ARTICLE_WORDS = (300, 450)
MIN_SENTENCE_WORDS, MAX_SENTENCE_WORDS = 8, 40

OUTLETS = ("Asia Wire", "Hanoi Ledger", "Mekong Post", "Pacific Desk", "Trade Weekly", "Delta Review", "Red River")
GENRES = ("wire report", "news", "analysis", "preview", "blog", "rewrite")
PLACES = ("Hanoi", "Haiphong", "Lao Cai", "Kunming", "Nanning", "Quang Ninh", "Lang Son", "Yen Bai", "Ho Chi Minh City")
PEOPLE = ("Nguyen Van An", "Tran Thi Mai", "Li Wei", "Zhang Min", "Le Hong Hiep", "Pham Thu Ha", "Jane Doe", "John Roe")
SECTORS = ("battery", "solar panel", "semiconductor", "rail car", "steel", "electronics", "textile", "data centre")
COMPANIES = ("Longi", "BYD", "Foxconn", "Samsung", "Gotion", "Luxshare", "Goertek", "Trina Solar", "Jinko")
AREAS = (
    "joint patrols in the Gulf of Tonkin",
    "search and rescue at sea",
    "a hotline for fishing emergencies",
    "the Kunming-Haiphong rail link",
    "cross-border railway planning",
    "investment in the digital economy",
    "5G and undersea optical fibre cables",
    "customs and quarantine for farm products",
    "green energy and power grids",
    "critical minerals and rare earth processing",
    "trade promotion between the two trade ministries",
    "news and media exchanges",
)
DEAL_OPENINGS = ("A memorandum of understanding", "An agreement", "A cooperation plan", "A framework agreement")
DEAL_PARTIES = (
    "between the two trade ministries",
    "between Vietnam's Ministry of Transport and China's National Railway Administration",
    "between the two foreign ministries",
    "between Vietnam's Ministry of Information and Communications and China's Ministry of Commerce",
    "between the two central banks",
    "signed by the coast guards",
    "",
)
AMOUNT_SENTENCES = (
    "Two-way trade between China and Vietnam reached {amount} in {year}, according to {source}.",
    "{company} plans to invest {amount} in a new {sector} plant in {place}, {person} said.",
    "Chinese exports to Vietnam were worth {amount} in {year}, while imports came to {amount2}.",
    "The upgrade of the line to {place} is expected to cost about {amount}, officials said.",
    "Vietnam's trade with the United States stood at {amount} in {year}, {source} showed.",
)
CLAIM_SENTENCES = (
    "Vietnam has the world's second-largest rare earth reserves after China, estimated at {tonnes} million tonnes.",
    "China controls about {pct}% of global rare earth refining, {source} said.",
    "Rare earth deposits near {place} could supply magnets for electric vehicles, {person} said.",
    "No deal was announced on rare earths during the visit, although Xi urged cooperation on critical minerals.",
    "Vietnam wants to process its rare earth ores at home but lacks the technology, {person} said.",
)
SOURCES = ("China's customs data", "Vietnam's General Statistics Office", "the trade ministry", "Reuters calculations")
NAVIGATION = ("Skip to content", "Type to search", "Menu", "Home | World | Asia | Business", "Sign in", "Search")
NOTICES = (
    "We use cookies to improve your experience. Accept all cookies.",
    "We use cookies to ensure you get the best experience on our website. By continuing, you agree to our cookies.",
    "© Copyright 1997-2024 | All Rights Reserved",
    "Your subscription has been successful.",
)
KEEP = re.compile(
    r"(?:\$|USD )[\d.]+ ?(?:billion|million|bn)|\d+ million U\.S\. dollars|rare earths?|second-largest|reserves"
    r"|refining|deposits|\d+%|\d+ million tonnes"
)
WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,]*")


def seed_pools() -> dict:
    """Sentences, titles and words of the seeds' article text, and a word-bigram chain over it."""
    corpus = xivn.load_corpus()
    sentences = corpus.article_sentences()
    body = sentences[(sentences["kind"] == "body") & (sentences["text"].str.split().str.len() >= 8)]
    titles = sentences[sentences["kind"].isin(["headline", "heading"])]["text"]
    words = sorted({w for w in WORD.findall(" ".join(body["text"])) if w.islower() and len(w) >= 4})
    chain: dict[str, list[str]] = {}
    for sentence in sorted(set(body["text"])):
        tokens = sentence.split()
        for here, after in zip(["<s>", *tokens], tokens, strict=False):
            chain.setdefault(state(here), []).append(after)
    return {"titles": sorted(set(titles)), "words": words, "chain": chain}


def state(token: str) -> str:
    """The chain's state for a token: lower case, punctuation dropped (more ways to go on)."""
    return token if token == "<s>" else token.lower().strip(".,;:!?“”\"'‘’()–—")


def title(rng: random.Random, pools: dict) -> str:
    """A headline-like line: the start of a generated sentence, capitalised, no final stop."""
    words = sentence(rng, pools).split()[: rng.randint(5, 10)]
    text = " ".join(words).rstrip(".,;:–—")
    return text[0].upper() + text[1:]


def sentence(rng: random.Random, pools: dict) -> str:
    """A new sentence walked along the seeds' word bigrams, some words swapped (seed sentences are
    not copied whole, so two generated documents share little more wording than two articles on
    one story)."""
    chain = pools["chain"]
    tokens = [rng.choice(chain["<s>"])]
    while len(tokens) < MAX_SENTENCE_WORDS:
        if tokens[-1].endswith((".", "?", "!")) and len(tokens) >= MIN_SENTENCE_WORDS:
            break
        tokens.append(rng.choice(chain.get(state(tokens[-1])) or chain["<s>"]))
    text = perturb(" ".join(tokens), rng, pools["words"], CHAIN_SWAP_RATE)
    return text if text.endswith((".", "?", "!")) else text.rstrip(",;:–—") + "."


def perturb(text: str, rng: random.Random, words: list[str], rate: float, keep: re.Pattern[str] | None = None) -> str:
    """Swap about ``rate`` of the longer lower-case words for other words and change numbers
    (except inside matches of ``keep``)."""
    protected = [m.span() for m in keep.finditer(text)] if keep else []

    def swap(match: re.Match[str]) -> str:
        token = match.group()
        if any(s <= match.start() < e for s, e in protected):
            return token
        if token[0].isdigit():
            return str(rng.randint(2, 99)) if rng.random() < rate else token
        if token.islower() and len(token) >= 4 and rng.random() < rate:
            return rng.choice(words)
        return token

    return WORD.sub(swap, text)


def amount(rng: random.Random) -> str:
    """A money amount in one of the spellings found in news text."""
    value = rng.uniform(1, 200)
    return rng.choice(
        (
            f"${value:.1f} billion",
            f"${value:.2f} billion",
            f"USD {value:.1f}bn",
            f"{int(value * 10)} million U.S. dollars",
            f"${int(value * 5)} million",
        )
    )


def fill(template: str, rng: random.Random) -> str:
    return template.format(
        amount=amount(rng),
        amount2=amount(rng),
        year=rng.choice((2021, 2022, 2023)),
        source=rng.choice(SOURCES),
        company=rng.choice(COMPANIES),
        sector=rng.choice(SECTORS),
        place=rng.choice(PLACES),
        person=rng.choice(PEOPLE),
        tonnes=rng.choice((18, 20, 22, 24)),
        pct=rng.choice((60, 70, 85, 90)),
    )


def article(index: int, pools: dict[str, list[str]]) -> list[tuple[str, str]]:
    """The article of document ``index`` as ``(kind, text)`` blocks: headline, standfirst, body
    paragraphs, headings, an amounts-and-claims paragraph and maybe a deal list."""
    rng = random.Random(f"{SEED}-article-{index}")
    words = pools["words"]
    blocks = [("headline", title(rng, pools))]
    if rng.random() < 0.5:
        blocks.append(("standfirst", sentence(rng, pools).rstrip(".")))
    target, count = rng.randint(*ARTICLE_WORDS), 0
    facts = [fill(rng.choice(AMOUNT_SENTENCES), rng) for _ in range(rng.randint(1, 3))]
    facts += [fill(rng.choice(CLAIM_SENTENCES), rng) for _ in range(rng.randint(0, 2))]
    facts = [perturb(fact, rng, words, FACT_SWAP_RATE, keep=KEEP) for fact in facts]
    # a fact runs on into a clause of its own, as facts do in articles (no stock sentences)
    facts = [f"{fact[:-1]}, and {sentence(rng, pools)}" for fact in facts]
    while count < target:
        paragraph = " ".join(sentence(rng, pools) for _ in range(rng.randint(1, 3)))
        if facts and rng.random() < 0.3:
            paragraph += " " + facts.pop()
        blocks.append(("body", paragraph))
        count += len(paragraph.split())
        if rng.random() < 0.08:
            blocks.append(("heading", title(rng, pools)))
    blocks += [("body", fact) for fact in facts]
    if rng.random() < 0.4:
        position = rng.randint(2, len(blocks))
        agreed = rng.sample(AREAS, rng.randint(3, 6))
        items = [
            (
                "bullet",
                perturb(f"{rng.choice(DEAL_OPENINGS)} on {area} {rng.choice(DEAL_PARTIES)}.", rng, words, 0.4, KEEP),
            )
            for area in agreed
        ]
        intro = sentence(rng, pools)[:-1] + f"; the two sides signed {rng.randint(12, 40)} agreements, including:"
        blocks[position:position] = [("body", intro)]
        blocks[position + 1 : position + 1] = items
    return blocks


def chrome(rng: random.Random, pools: dict[str, list[str]]) -> tuple[list[str], list[str], list[str]]:
    """Page chrome before the headline, after the headline, and after the article."""
    top = rng.sample(NAVIGATION, rng.randint(0, 2))
    under = []
    if rng.random() < 0.6:
        under.append(f"By {rng.choice(PEOPLE)}")
    if rng.random() < 0.6:
        day, photographer = rng.choice((12, 13)), rng.choice(PEOPLE)
        under.append(
            f"Xi Jinping attends a ceremony in {rng.choice(PLACES)}, December {day}, 2023 (Reuters/{photographer})."
        )
    bottom = []
    if rng.random() < 0.4:
        bottom.append(f"Reporting by {rng.choice(PEOPLE)}; Editing by {rng.choice(PEOPLE)}")
    if rng.random() < 0.3:
        bottom.append("ALSO SEE: " + rng.choice(pools["titles"]).rstrip("."))
    if rng.random() < 0.6:
        bottom.append("Related Stories")
        bottom += [perturb(t, rng, pools["words"], 0.3).rstrip(".") for t in rng.sample(pools["titles"], 4)]
    bottom += rng.sample(NOTICES, rng.randint(0, 2))
    return top, under, bottom


def render_text(blocks: list[tuple[str, str]], rng: random.Random, pools: dict[str, list[str]], layout: str) -> str:
    """The page as text in a layout: blank-line paragraphs, one per line, or Markdown."""
    top, under, bottom = chrome(rng, pools)
    lines = list(top)
    for number, (kind, text) in enumerate(blocks):
        if layout == "markdown" and kind in ("headline", "heading"):
            text = ("# " if kind == "headline" else "## ") + text
        elif kind == "bullet":
            text = ("- " if layout != "lines" else "• ") + text
        lines.append(text)
        if number == 0:
            lines += under
    lines += bottom
    if layout == "lines":
        return "\n".join(lines) + "\n"
    out = []
    for number, line in enumerate(lines):
        bullet = line.startswith(("- ", "• "))
        joined_to_list = bullet and number and lines[number - 1].startswith(("- ", "• "))
        out.append(("\n" if joined_to_list else "\n\n" + ("\n" if rng.random() < 0.1 else "")) + line)
    return "".join(out).lstrip("\n") + "\n"


def document(index: int, pools: dict[str, list[str]]) -> tuple[str, str, dict[str, str]]:
    """File name, text and metadata row of document ``index``."""
    rng = random.Random(f"{SEED}-page-{index}")
    blocks, rewrite_of = article(index, pools), ""
    if index >= 20 and rng.random() < REWRITE_SHARE:
        source = rng.randrange(index)
        blocks = [(k, perturb(t, rng, pools["words"], REWRITE_SWAP_RATE)) for k, t in article(source, pools)]
        rewrite_of = f"gen_{source:05d}"
    layout = rng.choice(LAYOUTS)
    text = render_text(blocks, rng, pools, layout)
    if rng.random() < CRLF_SHARE:
        text = text.replace("\n", "\r\n")
    doc_id = f"gen_{index:05d}"
    outlet = rng.choice(OUTLETS)
    meta = {
        "doc_id": doc_id,
        "file": doc_id + (".md" if layout == "markdown" else ".txt"),
        "label": f"{outlet} {index:05d}",
        "outlet": outlet,
        "date": f"2023-12-{rng.randint(8, 20):02d}",
        "genre": "rewrite" if rewrite_of else rng.choice(GENRES[:-1]),
        "timing": rng.choice(("before", "after")),
        "rewrite_of": rewrite_of,
    }
    return meta["file"], text, meta


def generate(n_documents: int, out: Path) -> Path:
    """Write ``n_documents`` documents and a ``metadata.csv`` into ``out`` (replacing its documents)."""
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("*.txt"), *out.glob("*.md")]:
        old.unlink()
    pools = seed_pools()
    rows = []
    for index in range(n_documents):
        name, text, meta = document(index, pools)
        (out / name).write_text(text, encoding="utf-8", newline="")
        rows.append(meta)
    with (out / "metadata.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_documents", type=int)
    parser.add_argument("--out", type=Path, required=True, help="output folder (created; old documents removed)")
    args = parser.parse_args()
    generate(args.n_documents, args.out)
    files = [*args.out.glob("*.txt"), *args.out.glob("*.md")]
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} documents, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
