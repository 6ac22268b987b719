"""The figure helper: title, axes and a source line that stays short."""

from __future__ import annotations

from xivn.display import figures as plots


def source_line(sources) -> str:
    fig, ax = plots.new_figure()
    plots.finish(ax, title="A finding", xlabel="x", sources=sources, show=False)
    return next(text.get_text() for text in fig.texts if text.get_text().startswith("Source"))


def test_few_sources_are_all_named():
    assert source_line(["a", "b"]) == "Source: a; b"


def test_many_sources_are_named_then_counted():
    names = [f"doc{i}" for i in range(1000)]
    assert source_line(names) == "Source: doc0; doc1; doc2; doc3; doc4; doc5; doc6; and 993 more"


def test_empty_source_names_are_left_out():
    assert source_line(["a", "", "b"]) == "Source: a; b"


def test_chart_text_escapes_dollar_signs_so_labels_never_become_mathtext():
    assert plots.chart_text("$x$ (US$)") == r"\$x\$ (US\$)"
    assert plots.chart_text(3) == "3"


def test_source_names_are_drawn_as_written():
    assert source_line(["Paid $5 Weekly", "Cost $9 Daily"]) == r"Source: Paid \$5 Weekly; Cost \$9 Daily"
