"""Hostile corpus folders: each gets a one-line error naming the file, or a warning and a correct
result. The rules are those of xivn/reader.py and the README's "What xivn guarantees and what it
refuses"."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

import xivn
from xivn.corpus import reader
from xivn.corpus.checks import offset_mismatches

UTF16_TEXT = "Hà Nội, 12 December.\n\nXi Jinping arrived in Hanoi. “Shared future” was the slogan."


def one_line_error(folder: Path, message: str, error: type[xivn.errors.CorpusError] = xivn.errors.CorpusError) -> str:
    """Load ``folder`` expecting ``error`` matching ``message``; returns the message, checked to be
    one line."""
    with pytest.raises(error, match=message) as info:
        xivn.load_corpus(folder)
    text = str(info.value)
    assert "\n" not in text and "\r" not in text
    return text


# --- contents ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"\x7fELF\x02\x01\x01" + bytes(range(32)) * 4, "binary file"),
        (b"Text\x01\x02\x03\x04\x05\x06\x07\x08", "binary file"),  # mostly control bytes, no NUL
        ("Xi in Hanoi.".encode("utf-16-le"), r"binary file.*UTF-16 with a byte-order mark"),  # UTF-16, no mark
        (b"", "empty file"),  # zero bytes
        ("\ufeff".encode(), "empty file"),  # a byte-order mark only
        ("\ufeff \n\u2028\x0c\xa0\n".encode(), "empty file"),  # whitespace of every sort
        (b"\xff\xfe" + "Xi".encode("utf-16-le") + b"\x00\xd8", "not valid UTF-16"),  # a lone surrogate after the mark
    ],
)
def test_unusable_contents(make_corpus, content, message):
    folder = make_corpus({"good.txt": "A good sentence.", "bad.txt": content})
    assert f"{folder / 'bad.txt'}: " in one_line_error(folder, message)


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-16", "\ufeff".encode("utf-16-le") + UTF16_TEXT.encode("utf-16-le")),
        ("utf-16", "\ufeff".encode("utf-16-be") + UTF16_TEXT.encode("utf-16-be")),
        ("utf-32", UTF16_TEXT.encode("utf-32")),
        ("utf-8", "\ufeff".encode() + UTF16_TEXT.encode()),
    ],
)
def test_a_byte_order_mark_decides_the_encoding_without_a_warning(make_corpus, encoding, data):
    corpus = xivn.load_corpus(make_corpus({"doc.txt": data}))
    assert corpus.text("doc") == UTF16_TEXT
    assert corpus.documents["encoding"].tolist() == [encoding]
    assert corpus.paragraphs["text"].tolist() == ["Hà Nội, 12 December.", UTF16_TEXT.split("\n\n")[1]]
    assert offset_mismatches(corpus.sentences, corpus).empty


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("Hà Nội café – “quoted”".encode("cp1252", errors="replace"), "cp1252", "Hà N?i café – “quoted”"),
        (b"Caf\xe9 \x81 na\xefve", "latin-1", "Café \x81 naïve"),  # 0x81 is undefined in cp1252
    ],
)
def test_other_encodings_decode_with_a_warning_naming_the_file(make_corpus, data, encoding, text):
    folder = make_corpus({"old page.txt": data})
    with pytest.warns(
        xivn.errors.XivnWarning, match=rf"old page\.txt: not valid UTF-8 \(at byte \d+\); decoded as {encoding}"
    ):
        corpus = xivn.load_corpus(folder)
    assert corpus.text("old page") == text
    assert corpus.documents["encoding"].tolist() == [encoding]


# --- size --------------------------------------------------------------------------------------


def test_a_50_mb_file_is_refused_before_it_is_read(make_corpus):
    folder = make_corpus({"small.txt": "A sentence."})
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse file: 50 MB long, nothing on disk or in memory
    load_corpus = xivn.load_corpus  # imports pandas now, not while memory is traced
    tracemalloc.start()
    try:
        with pytest.raises(xivn.errors.CorpusError) as info:
            load_corpus(folder)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(info.value) == (
        f"{folder / 'huge.txt'}: file is 52,428,800 bytes, above the limit of 20,971,520 bytes per file"
    )
    assert peak < 1024 * 1024


def test_the_size_limit_is_exact_and_the_read_is_bounded(make_corpus, monkeypatch):
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 100)
    folder = make_corpus({"limit.txt": "x" * 100})
    assert xivn.load_corpus(folder).documents["n_chars"].tolist() == [100]
    (folder / "over.txt").write_text("x" * 101)
    one_line_error(folder, r"over\.txt: file is 101 bytes, above the limit of 100 bytes")
    # a file that says it is empty but never ends (it grew after it was measured): read stops at the limit
    with pytest.raises(xivn.errors.CorpusError, match="/dev/zero: file has more than 100 bytes"):
        reader.read_bounded(Path("/dev/zero"), xivn.errors.CorpusError)


# --- what is a document ------------------------------------------------------------------------


def test_a_looping_or_broken_symlink_is_an_error(make_corpus):
    folder = make_corpus({"good.txt": "A sentence."})
    (folder / "x.txt").symlink_to("x.txt")  # points to itself
    one_line_error(folder, r"x\.txt: broken or looping symbolic link")
    (folder / "x.txt").unlink()
    (folder / "gone.md").symlink_to(folder / "no-such-file.md")
    one_line_error(folder, r"gone\.md: broken or looping symbolic link")


def test_folders_named_like_documents_and_folder_loops_are_skipped_with_a_warning(make_corpus):
    folder = make_corpus({"good.txt": "A sentence."})
    (folder / "foo.txt").mkdir()
    (folder / "loop.txt").symlink_to(".", target_is_directory=True)  # the folder inside itself
    (folder / "loop").symlink_to("loop", target_is_directory=True)  # a link to itself, not a document name
    with pytest.warns(xivn.errors.XivnWarning) as caught:
        corpus = xivn.load_corpus(folder)
    assert [str(w.message) for w in caught] == [
        f"{folder / name}: not a regular file (a folder?); skipped" for name in ("foo.txt", "loop.txt")
    ]
    assert corpus.doc_ids == ["good"]


def test_a_fifo_named_like_a_document_is_skipped_not_read(make_corpus):
    folder = make_corpus({"good.txt": "A sentence."})
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    with pytest.warns(xivn.errors.XivnWarning, match=r"pipe\.txt: not a regular file"):
        assert xivn.load_corpus(folder).doc_ids == ["good"]


def test_a_symlink_to_a_file_outside_the_folder_is_refused(make_corpus, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Private notes.")
    folder = make_corpus({"good.txt": "A sentence."})
    (folder / "inside.txt").symlink_to(folder / "good.txt")  # inside the folder: fine
    assert xivn.load_corpus(folder).doc_ids == ["good", "inside"]
    (folder / "notes.txt").symlink_to(secret)
    one_line_error(folder, r"notes\.txt: symbolic link to a file outside the corpus folder")


def deny(path: Path, method: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Take read permission from ``path``; where that does not stop reading (running as root, as in
    CI), make ``Path.<method>`` refuse it with the error the system would give."""
    path.chmod(0)
    if os.access(path, os.R_OK):
        real = getattr(Path, method)

        def refuse(self, *args, **kwargs):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Path, method, refuse)


def test_an_unreadable_file_is_an_error(make_corpus, monkeypatch):
    folder = make_corpus({"good.txt": "A sentence.", "locked.txt": "A secret."})
    deny(folder / "locked.txt", "open", monkeypatch)
    try:
        one_line_error(folder, r"locked\.txt: cannot read the file \(Permission denied\)")
    finally:
        (folder / "locked.txt").chmod(0o644)


def test_a_folder_that_cannot_be_listed_is_an_error(make_corpus, monkeypatch):
    folder = make_corpus({"good.txt": "A sentence."})
    deny(folder, "iterdir", monkeypatch)
    try:
        assert one_line_error(folder, r"cannot read \(Permission denied\)").startswith(f"{folder}: ")
    finally:
        folder.chmod(0o755)


# --- file names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "with spaces.txt",
        "Hà Nội – bài 1.md",  # Vietnamese, an en dash
        "خبر عاجل.txt",  # right-to-left
        "😀 visit.txt",  # astral
        "two\nlines.txt",  # a newline
        "zero\u200bwidth.TXT",  # a zero-width space; upper-case extension
    ],
)
def test_odd_file_names_load_and_keep_their_id(make_corpus, name):
    corpus = xivn.load_corpus(make_corpus({name: "A sentence about Hanoi."}))
    assert corpus.doc_ids == [Path(name).stem]
    assert corpus.documents["path"].str.endswith(name).all()


def test_errors_show_odd_file_names_on_one_line(make_corpus):
    folder = make_corpus({"bad\nname.txt": b"", "ok.txt": "Text."})
    message = one_line_error(folder, "empty file")
    assert repr(str(folder / "bad\nname.txt")) in message


def test_a_file_name_that_is_not_unicode_is_an_error(make_corpus):
    folder = make_corpus({"ok.txt": "Text."})
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:  # a Latin-1 name
        handle.write(b"Text.")
    message = one_line_error(folder, r"file name is not valid Unicode \(rename the file\)")
    assert "caf\\udce9.txt" in message


# --- duplicate ids -----------------------------------------------------------------------------


def test_the_same_stem_twice_is_an_error_until_metadata_tells_them_apart(make_corpus):
    folder = make_corpus({"a.md": "# Notes", "a.txt": "A sentence."})
    one_line_error(
        folder, r"a\.txt: duplicate doc_id 'a' \(also used by 'a\.md'; rename a file", xivn.errors.MetadataError
    )
    (folder / "metadata.csv").write_text("file,doc_id\na.md,a_notes\n")
    assert xivn.load_corpus(folder).doc_ids == ["a_notes", "a"]


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ("file,doc_id\na.txt,x\nb.txt,x\n", r"b\.txt: duplicate doc_id 'x'"),
        ("file,outlet\na.txt,X\na.txt,Y\n", r"line 3: file 'a\.txt' already has a row \(line 2\)"),
        ("doc_id,outlet\na,X\na,Y\n", r"line 3: doc_id 'a' already has a row \(line 2\)"),
        ("file,doc_id\nb.txt,a\n", r"duplicate doc_id 'a'"),  # b.txt renamed onto a.txt's id
    ],
)
def test_duplicate_ids_in_metadata(make_corpus, metadata, message):
    folder = make_corpus({"a.txt": "Text.", "b.txt": "Text.", "metadata.csv": metadata})
    one_line_error(folder, message, xivn.errors.MetadataError)


# --- metadata ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../../etc/passwd", r"file '\.\./\.\./etc/passwd' is outside the corpus folder"),
        ("/etc/passwd", r"file '/etc/passwd' is outside the corpus folder"),  # absolute
        ("escape.csv", r"file 'escape\.csv' is outside the corpus folder"),  # a symlink in the folder, to outside
        ("../corpus/a.txt", r"file '\.\./corpus/a\.txt' is not a document directly inside"),  # inside, via ..
        ("sub/b.txt", r"file 'sub/b\.txt' is not a document directly inside the folder"),  # not recursive
        ("x\x00.txt", r"file 'x\\x00\.txt' is not a usable file name"),
    ],
)
def test_metadata_cannot_point_outside_the_folder(make_corpus, tmp_path, name, message):
    folder = make_corpus({"a.txt": "Text.", "metadata.csv": f'file\n"{name}"\n'})
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_text("Text.")
    outside = tmp_path / "outside.txt"
    outside.write_text("Private.")
    (folder / "escape.csv").symlink_to(outside)  # not a document name: only a metadata row reaches it
    one_line_error(folder, message, xivn.errors.MetadataError)


def test_a_metadata_file_linked_from_outside_is_refused(make_corpus, tmp_path):
    outside = tmp_path / "elsewhere.csv"
    outside.write_text("file,outlet\na.txt,X\n")
    folder = make_corpus({"a.txt": "Text."})
    (folder / "metadata.csv").symlink_to(outside)
    one_line_error(
        folder, r"metadata\.csv: symbolic link to a file outside the corpus folder", xivn.errors.MetadataError
    )


def test_metadata_columns_missing_extra_or_unnamed(make_corpus):
    metadata = (
        " file , outlet ,my_code,\n"  # spaces around names; a trailing comma makes an unnamed column
        "a.txt,Reuters,R1,\n"
        "b.txt\n"  # a short row: the rest is empty
    )
    folder = make_corpus({"a.txt": "Text.", "b.txt": "Text.", "metadata.csv": metadata})
    docs = xivn.load_corpus(folder).documents.set_index("doc_id")
    assert docs.loc["a", "outlet"] == "Reuters"
    assert docs.loc["a", "my_code"] == "R1"  # an extra column is kept
    assert docs.loc["b", "my_code"] == ""
    assert docs.loc["b", "label"] == "b"  # a missing label defaults to the doc_id
    assert docs.loc["a", "date"] == ""  # a missing known column is empty
    assert "" not in docs.columns


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ("file,outlet\na.txt,Reuters, London\n", r"line 2: 3 values for 2 columns \(quote a value"),
        ("file,outlet,outlet\na.txt,X,Y\n", "column 'outlet' appears more than once"),
        ("file,outlet\n,Reuters\n", r"line 2: row names no document"),
        ("file,outlet\na.txt,Caf\xe9\n".encode("cp1252"), "cannot read the metadata file"),
        ("file,outlet\na.txt,X\n".encode("utf-16"), "cannot read the metadata file"),  # must be UTF-8
        ("outlet\nReuters\n", r"needs a 'file' or a 'doc_id' column \(found: 'outlet'\)"),
        ("", r"needs a 'file' or a 'doc_id' column \(found: none\)"),
    ],
)
def test_malformed_metadata(make_corpus, metadata, message):
    folder = make_corpus({"a.txt": "Text.", "metadata.csv": metadata})
    one_line_error(folder, message, xivn.errors.MetadataError)


@pytest.mark.parametrize("line_end", ["\r\n", "\r", "\n"])
def test_metadata_with_a_bom_and_any_line_ends(make_corpus, line_end):
    metadata = f'\ufefffile,outlet,note{line_end}a.txt,Reuters,"two{line_end}lines"{line_end}'.encode()
    folder = make_corpus({"a.txt": "Text.", "metadata.csv": metadata})
    docs = xivn.load_corpus(folder).documents
    assert docs["outlet"].tolist() == ["Reuters"]  # no byte-order mark in the first column's name
    assert docs["note"].tolist() == [f"two{line_end}lines"]  # a quoted value keeps its line end
