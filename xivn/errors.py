"""Exceptions and warnings raised by xivn.

Every message names the offending value (a path, a column, a parameter) and what was expected, in
one line, so the command line and the notebooks can show it without a traceback.
"""

from __future__ import annotations


class XivnError(Exception):
    """Base class: raised for any problem caused by input that xivn was given."""


class CorpusError(XivnError):
    """Raised when a corpus folder or one of its files cannot be read as documents.

    Examples: a missing folder, a folder with no ``*.txt``/``*.md`` files, an empty, binary or
    unreadable file, a file larger than the size limit, a broken symbolic link or one that leads
    outside the folder, a file name that is not valid Unicode.
    """


class MetadataError(CorpusError):
    """Raised when a corpus metadata file is malformed: a row naming a missing file, a path outside
    the corpus folder, duplicate document ids or rows, a row with more values than columns, or no
    usable key column."""


class DataFileError(XivnError):
    """Raised when a configuration data file (cue list, taxonomy, dictionary) is malformed; the
    message names the file and the bad entry."""


class ParameterError(XivnError):
    """Raised when a notebook or command-line parameter is unknown or has the wrong type."""


class RenderError(XivnError):
    """Raised when a report notebook fails to execute; the message names the notebook, the cell
    and where the partial executed notebook was kept."""


class LayerError(XivnError):
    """Raised when a table given to the document viewer as a layer lacks ``doc_id``/``start``/``end``
    or its label column, or has offsets outside the document."""


class XivnWarning(UserWarning):
    """Warned when xivn had to make an assumption about its input (for example, the encoding of a
    file that is not UTF-8) and the result may need a look."""


def shown(value: object) -> str:
    """``value`` as text for a one-line message: as is when printable, else its ``repr()``, so that a
    file name holding a newline, a control character or an undecodable byte stays on one line."""
    text = str(value)
    return text if text.isprintable() else repr(text)
