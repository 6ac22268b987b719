"""Voices: who is quoted or cited in each text, from reported speech, with speaker attribution.

Rule-based, in the order of the attribution literature (Pareti 2016): a nested quotation ("Tuoi Tre
quoted X as saying"), a source phrase ("according to X", "as highlighted by X"), a reporting verb
with its subject ("X, a specialist at ..., said"; "analysts said"; "he added" resolved to the last
named speaker), then quotations with no speaker in their sentence. Speakers are sorted into classes
by the gazetteer in ``xivn/framing/data/speakers.toml``; the officials of the event's two countries
come first and take in the participants of its profile. No parser model is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from xivn.corpus.corpus import Corpus, rows_by_document
from xivn.cues.countries import country_name
from xivn.cues.datafiles import (
    INTEGER,
    PATTERNS,
    REGEX,
    STRINGS,
    TEXT,
    Entries,
    Schema,
    Table,
    compile_patterns,
    data_error,
    load_data_file,
)
from xivn.event import EventProfile
from xivn.framing.lexicon import Cue, compile_cues, find_cues, fold, quotation_spans

VOICES = (
    "doc_id",
    "sent_id",
    "start",
    "end",
    "quote",
    "form",
    "cue",
    "speaker",
    "speaker_class",
    "speaker_label",
    "via",
    "speaker_start",
    "speaker_end",
    "content_start",
    "content_end",
    "official",
)
"""Columns of :func:`voices`."""

MAX_SOURCE_WORDS = 8
OTHER = "other"
PUBLISHER = "publisher"
UNATTRIBUTED = "unattributed"
_CLAUSE_BREAK = re.compile(r'[,;:"()]|\s-\s')
_LEADING = re.compile(r"^(?:(?:although|though|but|while|whereas|and|as|because|since|however|so|yet)\b\s*)+", re.I)
_TRAILING = re.compile(
    r"(?:(?:^|\s+)(?:have|has|had|also|already|later|previously|then|again|repeatedly|once|publicly|reportedly|"
    r"have\s+been|would|will|did|do|does|now|recently|earlier|separately))+\s*$",
    re.I,
)
_APPOSITIVE = re.compile(r"^(?:a|an|the)\s+[a-z]")
_PREPOSITION = re.compile(r"^(?:in|at|on|during|after|before|with|for|following|from|under|ahead\s+of)\b", re.I)
_NOT_A_SPEAKER = re.compile(r"^(?:which|that|it|this|these|those|who|what|there|if|when|once|however|\w+ly)$", re.I)
_NAME = re.compile(r"^(?:[A-Z][\w.'-]*\s*){1,5}$")
_NAME_AT_END = re.compile(r"\b[A-Z][\w'-]+$")
_TITLED_NAME_AT_END = re.compile(r"(?:\b[A-Z][\w.'-]*\s+)*\b[A-Z][\w'-]+$")
"""The capitalised words that end a phrase: the title and name in "after the talks Prime Minister X"."""


@dataclass(frozen=True)
class SpeakerRules:
    """The compiled contents of a speakers data file."""

    verbs: list[Cue]
    clause_final: list[Cue]
    source_phrases: list[Cue]
    nested: re.Pattern[str]
    pronouns: frozenset[str]
    min_quote_words: int
    classes: list[tuple[str, str, list[Cue]]]
    official: frozenset[str] = frozenset()


SPEAKERS_SCHEMA = Schema(
    "speakers.toml",
    Table(
        required={
            "reporting_verbs": PATTERNS,
            "clause_final_verbs": PATTERNS,
            "source_phrases": PATTERNS,
            "nested": REGEX,
            "offices": PATTERNS,
            "officials": Entries(
                Table(required={"country": TEXT, "id": TEXT, "label": TEXT, "patterns": PATTERNS}), array=True
            ),
            "class": Entries(Table(required={"id": TEXT, "label": TEXT, "patterns": PATTERNS}), array=True),
        },
        optional={"pronouns": STRINGS, "min_quote_words": INTEGER},
    ),
)
"""The speaker rules: reporting verbs, source phrases, nested attribution, the officials of each
country and the other speaker classes."""


@cache
def load_speaker_rules(
    name_or_path: str | Path = SPEAKERS_SCHEMA.file, profile: EventProfile | None = None
) -> SpeakerRules:
    """Read and validate a speakers data file (see ``xivn/framing/data/speakers.toml`` for its fields).

    With an event ``profile``, the officials of its visitor and host come first, each class with
    the profile's participants of that country (a country the file does not list gets a class
    "Officials of <country>"); without one, the officials classes keep the file's order."""
    data = load_data_file(name_or_path, SPEAKERS_SCHEMA)
    where = Path(name_or_path).name
    officials = _officials(data, profile)
    classes = [
        (cid, label, compile_cues(patterns, where=f"{where} [officials.{cid}.patterns]"))
        for cid, label, patterns in officials
    ]
    classes += [
        (entry["id"], entry["label"], compile_cues(entry["patterns"], where=f"{where} [class.{n}.patterns]"))
        for n, entry in enumerate(data["class"], start=1)
    ]
    phrases = compile_cues(data["source_phrases"], where=f"{where} [source_phrases]")
    for cue in phrases:
        if cue.pattern.groups < 1:
            raise data_error(where, "source_phrases", f"{cue.name!r} needs a group for the source")
    (nested,) = compile_patterns([data["nested"]], where=f"{where} [nested]")
    return SpeakerRules(
        verbs=compile_cues(data["reporting_verbs"], where=f"{where} [reporting_verbs]"),
        clause_final=compile_cues(data["clause_final_verbs"], where=f"{where} [clause_final_verbs]"),
        source_phrases=phrases,
        nested=nested,
        pronouns=frozenset(p.lower() for p in data.get("pronouns", [])),
        min_quote_words=data.get("min_quote_words", 4),
        classes=classes,
        official=frozenset(cid for cid, _, _ in officials),
    )


def _officials(data: dict, profile: EventProfile | None) -> list[tuple[str, str, list[str]]]:
    """``(id, label, patterns)`` of the officials classes: the event's countries first (with its
    participants), then the other countries of the file."""
    listed = {entry["country"]: entry for entry in data["officials"]}
    parties = profile.parties if profile else ()
    offices = "|".join(data["offices"])
    classes = []
    for country in parties:
        people = [f"(?-i:{pattern})" for p in profile.participants if p.country == country for pattern in p.patterns]
        if country in listed:
            entry = listed[country]
            classes.append((entry["id"], entry["label"], [*entry["patterns"], *people]))
        else:
            named = rf"(?-i:\b{re.escape(country)})(?:\Ws)?\s+(?:{offices})\b"
            cid = re.sub(r"\W+", "_", country.lower()) + "_officials"
            classes.append((cid, f"Officials of {country_name(country)}", [*people, named]))
    others = [entry for country, entry in listed.items() if country not in parties]
    return classes + [(entry["id"], entry["label"], entry["patterns"]) for entry in others]


def speaker_classes(rules: str | Path = "speakers.toml", profile: EventProfile | None = None) -> pd.DataFrame:
    """The speaker classes of a speakers data file (for an event ``profile``, see
    :func:`load_speaker_rules`): ``speaker_class``, ``speaker_label``."""
    loaded = load_speaker_rules(rules, profile)
    rows = [(cid, label) for cid, label, _ in loaded.classes]
    if PUBLISHER not in {cid for cid, _, _ in loaded.classes}:
        rows.append((PUBLISHER, "The publisher itself"))
    rows += [(OTHER, "Other or unresolved"), (UNATTRIBUTED, "Unattributed quotation")]
    return pd.DataFrame(rows, columns=["speaker_class", "speaker_label"])


def voices(corpus: Corpus, rules: str | Path = "speakers.toml", profile: EventProfile | None = None) -> pd.DataFrame:
    """One row per attribution (a speaker reported in a sentence) in the article sentences.

    Columns: ``doc_id``, ``sent_id``, ``start``, ``end``, ``quote`` (the sentence), ``form``
    (``indirect``, ``direct`` when a quotation of at least ``min_quote_words`` words carries the
    words, ``source_phrase`` for "according to X", ``nested`` for "M quoted X as saying",
    ``unattributed_quote``), ``cue`` (the reporting words), ``speaker`` (the source's words as
    written; a pronoun is replaced by the speaker it refers to), ``speaker_class`` and
    ``speaker_label``, ``via`` (the quoting medium of a nested attribution), ``speaker_start`` /
    ``speaker_end`` (raw offsets of the speaker's words; for a resolved pronoun, the pronoun),
    ``content_start`` / ``content_end`` (raw offsets of the reported words), ``official`` (the
    speaker is an official of a country). ``profile``: the event whose countries' officials and
    participants the classes follow (see :func:`load_speaker_rules`).
    """
    loaded = load_speaker_rules(rules, profile)
    outlets = _outlet_names(corpus)
    labels = dict(speaker_classes(rules, profile).itertuples(index=False))
    rows: list[tuple] = []
    for doc_id, sentences in rows_by_document(corpus.article_sentences()):
        recent: list[tuple[int, str, str]] = []  # (sent index, speaker, class) of named speakers
        for index, sentence in enumerate(sentences):
            found = _attributions(sentence.text, loaded, outlets.get(doc_id, []))
            for item in found:
                speaker, cls = item["speaker"], item["class"]
                if speaker.lower() in loaded.pronouns:
                    antecedent = next((r for r in reversed(recent) if index - r[0] <= 2), None)
                    speaker, cls = (antecedent[1], antecedent[2]) if antecedent else (speaker, OTHER)
                elif cls not in (OTHER, "documents_data", UNATTRIBUTED):
                    recent.append((index, speaker, cls))
                base = sentence.start
                rows.append(
                    (
                        doc_id,
                        sentence.sent_id,
                        sentence.start,
                        sentence.end,
                        sentence.text,
                        item["form"],
                        item["cue"],
                        speaker,
                        cls,
                        labels.get(cls, cls),
                        item["via"],
                        base + item["speaker_span"][0],
                        base + item["speaker_span"][1],
                        base + item["content"][0],
                        base + item["content"][1],
                        cls in loaded.official,
                    )
                )
    table = pd.DataFrame(rows, columns=list(VOICES))
    table.attrs["rules"] = str(rules)
    table["official"] = table["official"].astype(bool)
    return table


def voice_mix(table: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Attributions per document and speaker class (a count table, documents as rows).

    Columns: one per speaker class present, then ``total``, ``n_words`` and
    ``per_1000_words`` (attributions per 1,000 article words). Every document of the corpus has a
    row, with zeros when nobody is quoted.
    """
    counts = pd.crosstab(table["doc_id"], table["speaker_label"]) if len(table) else pd.DataFrame()
    counts = counts.reindex(corpus.doc_ids, fill_value=0).rename_axis(index="doc_id", columns=None)
    counts["total"] = counts.sum(axis=1).astype("int64")
    words = corpus.documents.set_index("doc_id")["n_words"]
    counts["n_words"] = words.reindex(counts.index).astype("int64")
    rate = 1000 * counts["total"] / counts["n_words"].where(counts["n_words"] > 0)
    counts["per_1000_words"] = rate.fillna(0).round(1)
    return counts.reset_index()


def reported_spans(table: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """The content spans of a :func:`voices` table per document, for "is this inside reported speech"."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in table[["doc_id", "content_start", "content_end"]].itertuples(index=False):
        spans.setdefault(doc_id, []).append((int(start), int(end)))
    return spans


def _outlet_names(corpus: Corpus) -> dict[str, list[str]]:
    """The first word of each document's outlet (e.g. "Pamir" of "Pamir Consulting"), when known."""
    names = {}
    for doc_id, outlet in corpus.metadata("outlet").items():
        first = outlet.split(" ")[0].strip("()")
        names[doc_id] = [first] if len(first) > 2 and first.lower() not in ("unknown", "none", "the") else []
    return names


def classify_speaker(phrase: str, rules: SpeakerRules, outlets: list[str] = ()) -> str:
    """The class of a speaker phrase: the gazetteer match nearest its start (ties: file order)."""
    for outlet in outlets:
        if re.search(rf"\b{re.escape(outlet)}\b", phrase, re.I):
            return PUBLISHER
    best: tuple[int, int, str] | None = None
    for order, (cid, _, cues) in enumerate(rules.classes):
        hits = find_cues(cues, fold(phrase))
        if hits and (best is None or (hits[0][1], order) < best[:2]):
            best = (hits[0][1], order, cid)
    return best[2] if best else OTHER


def _attributions(text: str, rules: SpeakerRules, outlets: list[str]) -> list[dict]:
    """Attributions in one sentence: dicts with form, cue, speaker, class, via and spans (relative)."""
    folded = fold(text)
    quotes = quotation_spans(folded)
    long_quotes = [q for q in quotes if len(folded[q[0] : q[1]].split()) >= rules.min_quote_words]

    def inside_quote(position: int) -> bool:
        return any(a <= position < b for a, b in quotes)

    found: list[dict] = []
    nested = rules.nested.search(folded)
    if nested and not inside_quote(nested.start()):
        medium = _speaker_before(folded, nested.start())
        speaker_span = nested.span(1)
        via = medium[2] if medium else ""
        found.append(_item("nested", folded, nested.group(0).split()[0], speaker_span, via, rules, outlets))
        found[-1]["content"] = long_quotes[0] if long_quotes else (0, medium[0] if medium else nested.start())
    for cue, start, _ in find_cues(rules.source_phrases, folded):
        if inside_quote(start) or any(f["speaker_span"][0] <= start < f["speaker_span"][1] for f in found):
            continue
        match = cue.pattern.match(folded, start)
        source_words = folded[match.start(1) : match.end(1)].split()
        limit = match.start(1) + len(" ".join(source_words[:MAX_SOURCE_WORDS]))
        span = _with_appositive(folded, (match.start(1), limit))
        item = _item("source_phrase", folded, folded[start : match.start(1)].strip(), span, "", rules, outlets)
        item["content"] = (span[1] + 1, len(folded)) if start <= 1 else (0, start)
        found.append(item)
    verb_hits = find_cues(rules.verbs, folded) + find_cues(rules.clause_final, folded)
    for _, start, end in sorted(verb_hits, key=lambda hit: hit[1]):
        if inside_quote(start) or (nested and nested.start() <= start < nested.end()):
            continue
        subject = _speaker_before(folded, start, quotes)
        if subject is None:
            subject = _speaker_after(text, end)
        if subject is None:
            continue
        s_start, s_end, phrase = subject
        if any(f["speaker"].lower() == phrase.lower() for f in found):
            continue  # "called ..., adding": one voice per speaker and sentence
        item = _item("indirect", folded, folded[start:end], (s_start, s_end), "", rules, outlets)
        clause_final = not folded[end:].strip() or folded[end:].lstrip()[:1] in ".,;:"
        item["content"] = (0, min(s_start, start)) if clause_final and s_start < start else (end, len(folded))
        found.append(item)
    for item in found:
        if long_quotes and item["form"] in ("indirect", "nested"):
            item["form"] = "direct" if item["form"] == "indirect" else "nested"
            q, (c_start, c_end) = long_quotes[0], item["content"]
            overlaps = q[0] < c_end and c_start < q[1]
            item["content"] = (min(q[0], c_start), max(q[1], c_end)) if overlaps else q
    if not found:
        for q in long_quotes:
            found.append(
                {"form": "unattributed_quote", "cue": "quotation marks", "speaker": "", "class": UNATTRIBUTED,
                 "via": "", "speaker_span": (q[0], q[0]), "content": q}
            )  # fmt: skip
    for item in found:
        item["content"] = (max(0, item["content"][0]), max(item["content"][0], item["content"][1]))
    return found


def _item(form: str, folded: str, cue: str, span: tuple[int, int], via: str, rules, outlets) -> dict:
    phrase = folded[span[0] : span[1]].strip()
    cls = classify_speaker(phrase, rules, outlets) if phrase.lower() not in rules.pronouns else OTHER
    return {"form": form, "cue": cue, "speaker": phrase, "class": cls, "via": via, "speaker_span": span,
            "content": (0, 0)}  # fmt: skip


def _speaker_before(folded: str, verb_start: int, quotes: list[tuple[int, int]] = ()) -> tuple[int, int, str] | None:
    """The noun phrase before a reporting verb: the clause-final segment, with a name before an appositive.

    None when the nearest words are a quotation (the speaker then follows the verb: "...," said X).
    """
    segments, position = [], 0
    prefix = folded[:verb_start]
    for match in _CLAUSE_BREAK.finditer(prefix):
        segments.append((position, match.start()))
        position = match.end()
    segments.append((position, len(prefix)))
    chosen: list[tuple[int, int]] = []
    for seg_start, seg_end in reversed(segments):
        a, b = _trim(prefix, seg_start, seg_end)
        if a >= b:
            if chosen:
                break
            continue
        if any(q0 <= a and b <= q1 for q0, q1 in quotes):
            break
        words = prefix[a:b]
        if _PREPOSITION.match(words) and not chosen:
            if not _NAME_AT_END.search(words):
                continue
            a, b = _name_after_preposition(prefix, a, b)
        if chosen:
            if _NAME.match(words):
                chosen.insert(0, (a, b))
            break
        chosen.append((a, b))
        if not _APPOSITIVE.match(words):
            break
    if not chosen:
        return None
    start, end = chosen[0][0], chosen[-1][1]
    phrase = folded[start:end]
    words = phrase.split()
    if len(words) > 12:  # a whole clause, not a subject: keep its last words
        start = end - len(" ".join(words[-12:]))
        phrase = folded[start:end]
    if _NOT_A_SPEAKER.match(phrase.split()[-1]) or _NOT_A_SPEAKER.match(phrase):
        return None
    return start, end, phrase


def _name_after_preposition(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the title and name that end a segment opened by a preposition: "following the
    meeting President Xi" is spoken by "President Xi", not by the meeting."""
    match = _TITLED_NAME_AT_END.search(text, start, end)
    words = list(re.finditer(r"\S+", text[match.start() : end]))
    while len(words) > 1 and _PREPOSITION.match(words[0].group()):  # "At the ..." opens with its preposition
        words = words[1:]
    return match.start() + words[0].start(), end


def _speaker_after(text: str, verb_end: int) -> tuple[int, int, str] | None:
    """An inverted subject ("..., said Xi Jinping"): capitalised words right after the verb."""
    match = re.match(r"\s+((?:[A-Z][\w.'-]*\s?){1,4})", text[verb_end:])
    if not match:
        return None
    start, end = verb_end + match.start(1), verb_end + match.end(1)
    phrase = text[start:end].strip().rstrip(".,;:")
    return start, start + len(phrase), phrase


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a segment without surrounding space, leading conjunctions and trailing auxiliaries."""
    segment = text[start:end]
    lead = len(segment) - len(segment.lstrip())
    segment = segment.strip()
    conj = _LEADING.match(segment)
    cut = conj.end() if conj else 0
    body = segment[cut:]
    tail = _TRAILING.search(body)
    body_end = tail.start() if tail else len(body)
    a = start + lead + cut
    return a, a + len(body[:body_end].rstrip())


def _with_appositive(folded: str, span: tuple[int, int]) -> tuple[int, int]:
    """Extend "according to Name" over a following ", a senior fellow at ..." appositive."""
    rest = folded[span[1] :]
    match = re.match(r",\s+((?:a|an|the)\s+[a-z][^,;.]*)", rest)
    if match and _NAME.match(folded[span[0] : span[1]]):
        return span[0], span[1] + match.end(1)
    return span
