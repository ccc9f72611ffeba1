"""An upload is held once (lmp_app.uploads): Streamlit returns a deep copy of a file uploader's value on every
run, and without the shared copy that copy duplicated the file's bytes (301 MB more for the benchmark's
1,000,000 x 20 file, held as long as the file was loaded)."""

from __future__ import annotations

import copy

from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec

from lmp_app.uploads import keep_uploads_in_memory


def test_a_copy_of_an_uploaded_file_shares_its_bytes_and_keeps_its_own_position():
    keep_uploads_in_memory()
    data = b"respondent,q1\n" + b"1,I stor grad\n" * 100_000
    stored = UploadedFile(UploadedFileRec("id-1", "survey.csv", "text/csv", data), None)
    stored.read(10)
    page_copy = copy.deepcopy(stored)
    assert page_copy.getvalue() is data  # the same bytes, not a copy of them
    assert (page_copy.file_id, page_copy.name, page_copy.type, page_copy.size) == ("id-1", "survey.csv", "text/csv",
                                                                                   len(data))
    assert page_copy.tell() == 10 and page_copy == stored
    # what the page does with its copy does not reach the stored value (copy-on-write)
    page_copy.seek(0)
    page_copy.write(b"changed")
    assert stored.getvalue() is data and page_copy.getvalue().startswith(b"changed")
    stored.seek(0)
    assert stored.read(10) == data[:10]
