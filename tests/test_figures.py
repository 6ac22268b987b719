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


def test_a_long_title_and_source_line_are_wrapped_to_fit_the_figure():
    from conftest import texts_outside

    fig, ax = plots.new_figure()
    ax.bar(["a", "b"], [1, 2])
    title = "Closest pair: AF (Reuters) / Rewrite (unattributed) share 48% of their sentences, " * 2
    plots.finish(ax, title=title, sources=[f"A rather long outlet name {i}" for i in range(7)], show=False)
    assert "\n" in ax.get_title(loc="left")
    assert texts_outside(fig) == []


def test_the_fit_check_sees_a_title_cut_at_the_edge():
    from conftest import texts_outside

    fig, ax = plots.new_figure()
    ax.set_title("x" * 300, loc="left")
    assert texts_outside(fig) != []


def test_a_title_wraps_to_the_room_right_of_long_tick_labels():
    from conftest import texts_outside

    fig, ax = plots.new_figure()
    ax.barh([f"A very long category name number {i}" for i in range(3)], [1, 2, 3])
    plots.finish(ax, title="Every word of this finding has to stay inside the picture, " * 2, show=False)
    assert texts_outside(fig) == []


def test_the_fit_check_ignores_tick_labels_beyond_the_axis_limits():
    from conftest import texts_outside

    fig, ax = plots.new_figure()
    ax.bar(["a"], [100])
    ax.set_yticks([0, 50, 100, 450])  # 450 lies far above the top of the figure once the limit is 100
    ax.set_ylim(0, 100)
    assert texts_outside(fig) == []
