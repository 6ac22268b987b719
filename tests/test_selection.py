"""Selection: the documents a notebook analyses for an event and scope, and the sentences that say
what was left out and why — on the seeds and on the corpus of another event under both profiles."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest
from conftest import BIDEN_CORPUS

import xivn
from xivn.display.markdown import Markdown
from xivn.errors import ParameterError
from xivn.event.selection import event_dates, select, with_scope


@pytest.fixture(scope="module")
def biden_corpus():
    return xivn.load_corpus(BIDEN_CORPUS)


def test_the_seeds_are_all_about_the_visit_and_nothing_is_left_out(seeds, xi):
    chosen = select(seeds, xi)
    assert chosen.corpus.doc_ids == seeds.doc_ids
    assert chosen.left_out.empty
    assert chosen.left_out_sentence() == ""
    assert chosen.summary().data == (
        "Event: **Xi Jinping's state visit to Vietnam**, 12–13 December 2023, Hanoi."
        " All 5 documents are about Xi Jinping's state visit to Vietnam."
    )


def test_another_events_corpus_has_nothing_about_the_visit_and_says_why(biden_corpus, xi):
    chosen = select(biden_corpus, xi)
    assert len(chosen.corpus) == 0
    assert len(chosen.left_out) == 7
    summary = chosen.summary().data
    assert "No document of the 7 loaded is about Xi Jinping's state visit to Vietnam" in summary
    assert "2 name China and Vietnam but not the state visit" in summary
    assert "Every table below is empty" in summary
    assert chosen.left_out_sentence().startswith("7 documents of 7 were left out: 2 name China and Vietnam")


def test_each_scope_keeps_its_verdicts(biden_corpus, biden):
    kept = {scope: len(select(biden_corpus, biden, scope).corpus) for scope in ("event", "pair", "all")}
    assert kept == {"event": 5, "pair": 5, "all": 7}
    pair = select(biden_corpus, biden, "pair")
    assert "5 of 7 documents name the United States and Vietnam together" in pair.summary().data
    assert '"all" takes in more' in pair.left_out_sentence()
    assert '"pair"' not in pair.left_out_sentence()
    assert select(biden_corpus, biden, "all").left_out_sentence() == ""


def test_one_left_out_document_is_counted_in_the_singular(biden_corpus, biden):
    sentence = select(biden_corpus, biden).left_out_sentence()
    assert sentence == (
        "2 documents of 7 were left out: 1 names only other countries together and 1 names no two"
        ' countries together (the `scope` parameter "pair" or "all" takes in more).'
    )


def test_an_unknown_scope_is_a_parameter_error(seeds, xi):
    with pytest.raises(ParameterError, match="scope 'visit' is not one of 'event', 'pair', 'all'"):
        select(seeds, xi, "visit")


def test_an_empty_corpus_says_it_holds_nothing(seeds, xi):
    chosen = select(seeds.subset([]), xi)
    assert chosen.summary().data.endswith("The corpus holds no document.")


def test_with_scope_adds_what_was_left_out_to_a_bottom_line(biden_corpus, biden, xi, seeds):
    line = Markdown("No trade figure was found.")
    assert with_scope(line, select(seeds, xi)).data == "No trade figure was found."
    joined = with_scope(line, select(biden_corpus, biden)).data
    assert joined.startswith("No trade figure was found. 2 documents of 7 were left out:")


def test_with_scope_says_plainly_when_no_document_is_analysed(biden_corpus, xi):
    line = Markdown("**Bottom line.** None of the 0 texts mentions a deal.")
    assert with_scope(line, select(biden_corpus, xi)).data == (
        "**Bottom line.** No document is analysed: no document of the 7 loaded is about Xi Jinping's state visit"
        " to Vietnam; 2 name China and Vietnam but not the state visit, 4 name only other countries together and 1"
        ' names no two countries together. The `scope` parameter "pair" or "all" takes in more.'
    )


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ((2023, 12, 12), (2023, 12, 13), "12–13 December 2023"),
        ((2023, 11, 30), (2023, 12, 2), "30 November–2 December 2023"),
        ((2023, 12, 31), (2024, 1, 1), "31 December 2023–1 January 2024"),
        ((2024, 5, 5), (2024, 5, 5), "5 May 2024"),
    ],
)
def test_event_dates_in_words(xi, start, end, words):
    profile = replace(xi, start=datetime.date(*start), end=datetime.date(*end))
    assert event_dates(profile) == words


STORY = (
    "Chinese President Xi Jinping began a state visit to Vietnam on 12 December 2023, meeting Nguyen Phu Trong"
    " in Hanoi. China and Vietnam signed agreements on railways and trade during the state visit, officials said,"
    " and the two countries pledged a community with a shared future.\n"
)


def test_copies_once_keeps_one_text_per_republished_story(make_corpus, xi):
    folder = make_corpus(
        {
            "a.txt": STORY,
            "b.txt": STORY,
            "c.txt": STORY.replace("officials said", "state media said"),
            "d.txt": "Xi Jinping ended his state visit to Vietnam on 13 December 2023. Analysts in Hanoi said China and"
            " Vietnam had upgraded ties without settling their dispute at sea, and that the state visit left"
            " rare earths out of the documents both governments published.\n",
            "metadata.csv": "doc_id,file,date\na,a.txt,2023-12-13\nb,b.txt,2023-12-12\nc,c.txt,2023-12-14\n"
            "d,d.txt,2023-12-13\n",
        }
    )
    corpus = xivn.load_corpus(folder)
    every = select(corpus, xi)
    assert every.corpus.doc_ids == ["a", "b", "c", "d"] and every.copies.empty
    once = select(corpus, xi, copies="once")
    assert once.corpus.doc_ids == ["b", "d"]  # b is the earliest dated copy of a, b and c
    assert once.copies.to_dict("records") == [
        {"doc_id": "a", "group_id": "b", "kept": "b"},
        {"doc_id": "c", "group_id": "b", "kept": "b"},
    ]
    assert once.left_out_sentence() == (
        '2 copies of a story another analysed text also carries were left out (`copies` "once"; "all" analyses'
        " every copy)."
    )
    assert once.summary().data.endswith(
        "All 4 documents are about Xi Jinping's state visit to Vietnam. 2 copies"
        ' of a story another analysed text also carries were left out (`copies` "once";'
        ' "all" analyses every copy).'
    )


def test_an_unknown_copies_value_is_a_parameter_error(seeds, xi):
    with pytest.raises(ParameterError, match="copies 'one' is not one of 'all', 'once'"):
        select(seeds, xi, copies="one")
