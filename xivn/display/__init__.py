"""The display layer: how results are shown in a notebook, shared by every analysis.

- :mod:`~xivn.display.escaping` — corpus text inside Markdown, shown as the characters it is;
- :mod:`~xivn.display.markdown` — the notebooks' ``Markdown``: prose in which no HTML can form;
- :mod:`~xivn.display.wording` — numbers, counts and lists in sentences ("1 document", "first 20 of 340");
- :mod:`~xivn.display.tables` — :func:`~xivn.display.tables.table`: result tables with labelled, explained
  columns, formatted values and missing values as words;
- :mod:`~xivn.display.figures` — the one figure helper (finding as title, wrapped to fit, units, source line);
- :mod:`~xivn.display.viewer` — :func:`~xivn.display.viewer.show`: a document with layers of records marked.

The submodules are imported on use (IPython and matplotlib load only when needed).
"""
