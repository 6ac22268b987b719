"""The deal taxonomy notebook renders with non-default parameters on a corpus it has never seen."""

from __future__ import annotations

import nbformat

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
        parameters={"taxonomy_file": str(taxonomy), "max_rows": 3},
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
