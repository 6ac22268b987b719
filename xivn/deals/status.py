"""What a text says happened to a deal: status cues, clauses, list lead-ins, and the rule that
gives each mention its status (signed / agreed / pledged / expected / proposed / urged / denied /
absent).

Shared by :mod:`xivn.deals.mentions` (deal mentions) and :mod:`xivn.deals.counts` (number claims). The
rules are described in the header of ``data/deal_cues.toml``; the cues live there too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from xivn.corpus.corpus import Corpus, rows_by_document
from xivn.cues.engine import CueTable, Hit, clause_spans, find_hits, nearest, resolve_overlaps
from xivn.deals.taxonomy import DealCues

EXPLICIT, WEAK = 0, 1
LIST_KINDS = ("list_item",)
HEADING_KINDS = ("headline", "heading")
COORDINATED = re.compile(r"\b(?:and|but|while)\s+$")  # text before a verb joined to the one before it


@dataclass
class Sentence:
    """An article sentence with its status cues, clauses and deal words (offsets into the raw text)."""

    doc_id: str
    sent_id: int
    par_id: int
    kind: str
    start: int
    end: int
    text: str
    status_hits: list[Hit]
    clauses: list[tuple[int, int]]
    context_hits: list[Hit]
    in_list: bool = False
    lead_in: Sentence | None = None
    earlier: list[Sentence] = field(default_factory=list)
    previous: Sentence | None = field(default=None, repr=False, compare=False)  # the document's, any paragraph

    @property
    def is_question(self) -> bool:
        return self.text.rstrip().rstrip("\"'”’)").endswith("?")

    def clause_of(self, position: int) -> tuple[int, int]:
        return next((c for c in self.clauses if c[0] <= position < c[1]), (self.start, self.end))

    def governing_clause(self, position: int, listings: Sequence[re.Pattern[str]]) -> tuple[int, int]:
        """The clause of ``position``, joined to the clause before it when it opens with a listing
        (", which span the digital economy" lists what the "cooperation papers" before it cover)."""
        clause = self.clause_of(position)
        index = self.clauses.index(clause) if clause in self.clauses else 0
        text = self.text[clause[0] - self.start : clause[1] - self.start]
        if index > 0 and any(pattern.match(text) for pattern in listings):
            return (self.clauses[index - 1][0], clause[1])
        return clause

    def has_context(self, mention: Hit, within: tuple[int, int] | None = None) -> bool:
        """Whether the sentence (or the span ``within``) has a deal word outside ``mention``."""
        low, high = within or (self.start, self.end)
        return any(low <= h.start and h.end <= high and not h.overlaps(mention) for h in self.context_hits)

    def words(self, hit: Hit) -> str:
        return self.text[hit.start - self.start : hit.end - self.start]


@dataclass(frozen=True)
class Status:
    """A resolved status, the rule that decided it and the cue words behind it."""

    status: str
    source: str
    cue: str


def analyse(corpus: Corpus, cues: DealCues) -> dict[str, list[Sentence]]:
    """The article sentences of every document, analysed, with list lead-ins attached."""
    status_patterns = CueTable({name: cues.status[name] for name in cues.statuses})
    weak_patterns = CueTable({name: cues.weak[name] for name in cues.statuses if cues.weak[name]})
    context = CueTable({"deal": cues.context})
    explicit_ranks, weak_ranks = dict.fromkeys(status_patterns, 0), dict.fromkeys(weak_patterns, WEAK)
    out: dict[str, list[Sentence]] = {}
    sentences = corpus.article_sentences()
    for doc_id, rows in rows_by_document(sentences):
        raw = corpus.text(doc_id)
        analysed = []
        for row in rows:
            explicit = find_hits(row.text, status_patterns, offset=row.start, ranks=explicit_ranks)
            weak = find_hits(row.text, weak_patterns, offset=row.start, ranks=weak_ranks)
            hits = resolve_overlaps(explicit + weak)
            analysed.append(
                Sentence(
                    doc_id=doc_id,
                    sent_id=int(row.sent_id),
                    par_id=int(row.par_id),
                    kind=row.kind,
                    start=int(row.start),
                    end=int(row.end),
                    text=row.text,
                    status_hits=hits,
                    clauses=clause_spans(row.text, cues.clauses, offset=row.start),
                    context_hits=find_hits(row.text, context, offset=row.start)
                    + [h for h in hits if h.rank == EXPLICIT and h.label in cues.context_statuses],
                )
            )
        _link(analysed, raw)
        out[doc_id] = analysed
    return out


def _link(sentences: list[Sentence], raw: str) -> None:
    """Attach to each sentence the earlier sentences of its paragraph, the sentence before it in the
    document and, for a list item (or an indented line continuing one), the last sentence of the
    paragraph that introduces the list."""
    lead: Sentence | None = None
    last: Sentence | None = None
    previous_par, in_list = None, False
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        new_paragraph = sentence.par_id != previous_par
        if new_paragraph:
            indented = _indented(raw, sentence.start)
            in_list = sentence.kind in LIST_KINDS or (in_list and indented and sentence.kind == "body")
        sentence.in_list = in_list
        sentence.lead_in = lead if in_list else None
        sentence.previous, last = last, sentence
        earlier = by_paragraph.setdefault(sentence.par_id, [])
        sentence.earlier = earlier.copy()  # not a scan of the whole document: long ones took minutes
        earlier.append(sentence)
        if not in_list:
            lead = sentence  # the last sentence of the latest non-list paragraph
        previous_par = sentence.par_id


def _indented(raw: str, position: int) -> bool:
    line_start = raw.rfind("\n", 0, position) + 1
    prefix = raw[line_start:position]
    return bool(prefix) and not prefix.strip(" \t-*•·▪◦‣–—0123456789.)")


def document_status(sentences: Sequence[Sentence]) -> str | None:
    """The status most explicit cues of a document express (ties: the earlier status wins)."""
    counts = Counter(h.label for s in sentences if not s.is_question for h in s.status_hits if h.rank == EXPLICIT)
    if not counts:
        return None
    best = max(counts.values())
    return next(label for label, n in counts.items() if n == best)


def lead_in_status(sentence: Sentence) -> Hit | None:
    """The status a lead-in sentence gives its list: its first explicit cue, else its first cue."""
    explicit = [h for h in sentence.status_hits if h.rank == EXPLICIT]
    return (explicit or sentence.status_hits or [None])[0]


def resolve_status(sentence: Sentence, start: int, end: int, doc_status: str | None, cues: DealCues) -> Status:
    """The status of the words at ``start:end`` of ``sentence`` (rules: ``deal_cues.toml`` header)."""
    hits = sentence.status_hits
    clause = sentence.clause_of(start)
    whole = (sentence.start, sentence.end)
    own = (
        _governing(sentence, start, clause, cues)
        or _content(sentence, start, clause, cues)
        or nearest(hits, start, end, clause)
    )
    if sentence.in_list:
        # a bullet's own cue beats its lead-in only when it proposes, calls for, denies or rules
        # out ("- a rare earths deal was proposed"), not when it tells what the deal will do
        overriding = [h for h in hits if h.rank == EXPLICIT and h.label in cues.bullet_overrides]
        lead = lead_in_status(sentence.lead_in) if sentence.lead_in else None
        candidates = [
            ("clause", nearest(overriding, start, end, clause), sentence),
            ("sentence", nearest(overriding, start, end, whole), sentence),
            ("lead-in", lead, sentence.lead_in),
            ("clause", own, sentence),
        ]
    else:
        candidates = [("clause", own, sentence)]
    candidates.append(("sentence", nearest(hits, start, end, whole), sentence))
    for source, hit, where in candidates:
        if hit is not None and where is not None:
            return Status(hit.label, source, where.words(hit))
    for earlier in reversed(sentence.earlier):
        explicit = [h for h in earlier.status_hits if h.rank == EXPLICIT]
        if explicit:
            return Status(explicit[-1].label, "paragraph", earlier.words(explicit[-1]))
    if doc_status is not None:
        return Status(doc_status, "document", "")
    return Status(cues.default_status, "default", "")


def _governing(sentence: Sentence, start: int, clause: tuple[int, int], cues: DealCues) -> Hit | None:
    """The clause's first explicit cue when it comes before the mention and its status governs the
    verbs after it ("denied that ... had signed", "proposed that the two sides sign"), unless a
    verb joined with "and" starts another predicate in between ("asked China for loans and agreed
    to boost ties")."""
    low, high = clause
    explicit = [h for h in sentence.status_hits if h.rank == EXPLICIT and low <= h.start and h.end <= high]
    first = explicit[0] if explicit else None
    if first is None or first.end > start or first.label not in cues.governing:
        return None
    between = [h for h in explicit[1:] if h.end <= start]
    joined = any(COORDINATED.search(sentence.text[: h.start - sentence.start]) for h in between)
    return None if joined else first


def _content(sentence: Sentence, start: int, clause: tuple[int, int], cues: DealCues) -> Hit | None:
    """The explicit cue before the words that open what a deal will do ("under which", "whereby"),
    when they stand between it and the mention with no explicit cue after them: the modal that
    follows ("will lend") tells the deal's content, not its status."""
    low = clause[0]
    before = sentence.text[low - sentence.start : start - sentence.start]
    openers = [low + m.start() for pattern in cues.contents for m in pattern.finditer(before)]
    if not openers:
        return None
    opener = max(openers)
    explicit = [h for h in sentence.status_hits if h.rank == EXPLICIT and low <= h.start and h.end <= start]
    if any(h.start >= opener for h in explicit):
        return None
    earlier = [h for h in explicit if h.end <= opener]
    return earlier[-1] if earlier else None
