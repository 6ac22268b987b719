"""The deal taxonomy notebook renders with non-default parameters on a corpus it has never seen, and
with another event's profile on that event's corpus."""

from __future__ import annotations

import nbformat
import pytest
from conftest import BIDEN_PROFILE, facts_of_the_2023_visit, rendered_for_the_second_event

from xivn.paths import data_path
from xivn.report.rendering import render

PREVIEW = """Rail and Cable Deals Expected as Leaders Meet

The two governments are poised to sign agreements on a cross-border railway, and Chinese grants for the
line would be part of the package. Talks on new submarine cables may follow.
"""
REPORT = """# Vietnam and China sign memoranda

Officials said 12 agreements were signed on Wednesday. The two leaders signed MOUs to:

* patrol the Gulf of Tonkin together
* set up a hotline for fishing emergencies
1. cooperate on hospitals

No deal was reached on rare earths.
"""
METADATA = "file,label,timing\npreview.txt,Preview,before\nreport.md,Report,after\n"


def outputs(path) -> str:
    notebook = nbformat.read(path, as_version=4)
    return "".join(str(output) for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)


def test_renders_with_a_user_taxonomy_on_another_folder(make_corpus, tmp_path):
    folder = make_corpus({"preview.txt": PREVIEW, "report.md": REPORT, "metadata.csv": METADATA})
    taxonomy = tmp_path / "taxonomy.toml"
    taxonomy.write_text(
        data_path("deal_taxonomy.toml").read_text(encoding="utf-8")
        + '\n[categories.health]\nlabel = "Health"\n\n[items.hospitals]\nlabel = "Hospital cooperation"\n'
        'category = "health"\nkind = "item"\nparties = "China-Vietnam"\ncues = [\'\\bhospitals?\\b\']\n',
        encoding="utf-8",
    )
    render(
        tmp_path / "out",
        corpus_dir=folder,
        parameters={"taxonomy_file": str(taxonomy), "max_rows": 3, "scope": "all"},  # texts not about the visit
        only=["deal_taxonomy"],
    )
    text = outputs(tmp_path / "out" / "deal_taxonomy.ipynb")
    assert "The 2 texts make" in text
    assert "Hospital cooperation" in text  # the user's item reached the tables
    assert "1 conflicts with the official count of 36" in text  # "12 agreements"
    assert "reported absent after the visit: 1 (Rare earths and critical minerals)" in text
    # the preview names one side only ("Chinese grants"): its mentions stay unresolved, not China-Vietnam
    # (the headline's rail deals and the talks on submarine cables name no side at all)
    assert "3 mentions are unresolved and counted in no table: 1 names only one side, 2 no side at all" in text
    assert "checks passed" in text


@pytest.fixture(scope="module")
def biden_page(tmp_path_factory) -> str:
    """The Markdown cells and text outputs of the notebook rendered for Joe Biden's 2023 visit."""
    return rendered_for_the_second_event(tmp_path_factory.mktemp("biden"), "deal_taxonomy")


def test_another_event_reports_its_own_pair_from_its_corpus(biden_page):
    assert "Joe Biden's state visit to Vietnam" in biden_page
    assert "5 of 7 documents are about Joe Biden" in biden_page
    # the preview's expected cooperation on semiconductors, the second day's agreed jets
    assert "The 5 texts make 2 mentions of United States–Vietnam deals in 2 of 11 categories" in biden_page
    assert "Of 2 deal mentions, 2 are of US\\-Vietnam deals, none of another pair" in biden_page
    assert "checks passed" in biden_page


def test_another_event_without_outcomes_has_no_official_count(biden_page):
    assert "There is no official count of the documents signed to check the number claims against" in biden_page
    assert "the event has no official list to document them" in biden_page
    assert "the official count of" not in biden_page and "cannot be right" not in biden_page


def test_another_event_names_no_fact_of_the_default_visit(biden_page):
    assert facts_of_the_2023_visit(biden_page) == []
    assert "Nikkei" not in biden_page  # the source of the default visit's count


def test_without_an_official_count_the_claims_are_listed_not_judged(make_corpus, tmp_path):
    wire = (
        "Biden and Trong sign deals in Hanoi\n\n"
        "HANOI, Sept 10 - The United States and Vietnam signed 12 agreements on Sunday during Joe Biden's state "
        "visit, officials said.\n"
    )
    folder = make_corpus({"wire.txt": wire, "metadata.csv": "file,label,date\nwire.txt,Wire,2023-09-10\n"})
    render(tmp_path / "out", corpus_dir=folder, parameters={"event": str(BIDEN_PROFILE)}, only=["deal_taxonomy"])
    text = outputs(tmp_path / "out" / "deal_taxonomy.ipynb")
    assert "1 number claim is stated: “12 agreements” (Wire); there is no official count to check it against." in text
    assert "There is no official count to check the 1 claim against." in text
    assert "conflicts with" not in text and "cannot both be right" not in text
