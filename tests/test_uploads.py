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


def test_the_upload_is_taken_from_the_spool_without_a_copy_and_other_reads_are_starlettes():
    import asyncio
    from tempfile import SpooledTemporaryFile

    from starlette.datastructures import UploadFile
    from starlette.formparsers import MultiPartParser

    keep_uploads_in_memory()
    data = b"respondent,q1\n" + b"1,I stor grad\n" * 100_000

    async def parsed() -> UploadFile:  # as Starlette's parser fills it, chunk by chunk, in memory
        spool = SpooledTemporaryFile(max_size=MultiPartParser.spool_max_size)  # noqa: SIM115 (closed by upload.close())
        upload = UploadFile(spool, filename="survey.csv")
        for start in range(0, len(data), 65_536):
            await upload.write(data[start:start + 65_536])
        await upload.seek(0)
        return upload

    async def whole() -> tuple[bytes, bytes, bytes]:
        upload = await parsed()
        read = await upload.read()  # what Streamlit's upload route does
        held, rest = upload.file._file.getvalue(), await upload.read()
        await upload.close()
        return read, held, rest

    read, held, rest = asyncio.run(whole())
    assert read == data and read is held  # the spool's own bytes, not a copy of them
    assert rest == b""  # read to the end, as Starlette's read leaves it

    async def in_parts() -> tuple[bytes, bytes]:
        upload = await parsed()
        parts = await upload.read(10), await upload.read()
        await upload.close()
        return parts

    first, others = asyncio.run(in_parts())
    assert first == data[:10] and others == data[10:]
