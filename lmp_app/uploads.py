"""Uploaded files stay in memory, once: nothing of an upload is spooled to disk, and its bytes are not copied.

**Never on disk.** Streamlit's upload route parses the request with Starlette's ``MultiPartParser``, which holds
each file part in a ``SpooledTemporaryFile`` that moves to a temporary file on disk once the part passes
``spool_max_size`` (1 MB by default). Streamlit then reads the whole file into memory and closes the temporary
file, so the bytes of every upload over 1 MB would touch the disk on their way in. Raising ``spool_max_size`` (a
documented class attribute) above the largest body Streamlit accepts keeps the spool in memory: Streamlit refuses
a body over ``server.maxUploadSize`` plus a small framing margin while it streams, before the part could grow
past this.

**Held once.** Every run of a page with a file uploader returns a ``copy.deepcopy`` of the widget's value
(Streamlit's session state protects its stored value from the page's code that way), and the deep copy of an
``UploadedFile`` (an ``io.BytesIO``) copies its bytes: without the class below, every run of the Data page would
copy the whole file, and the copy the page read from would stay beside Streamlit's own for as long as the file is
loaded. ``io.BytesIO`` made from ``bytes`` shares them until something writes to it (CPython's copy-on-write,
which ``UploadedFile`` itself relies on), so a copy that is a new ``UploadedFile`` over the same bytes protects the
stored value just as well: its position and any write are its own.

**Not copied on the way in.** Streamlit takes the file out of the parsed request with Starlette's
``UploadFile.read()``, which copies the in-memory spool's bytes (``io.BytesIO.read``) before the spool is closed:
for a 301 MB file, a tenth of a second or more of the upload's wait and the file held twice for that moment.
``io.BytesIO.getvalue`` hands over the bytes the spool holds without a copy, so the whole of an in-memory file read
from its start is read that way.
"""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from functools import cache
from typing import Any

#: Room above ``server.maxUploadSize`` for the multipart framing Streamlit also lets through while streaming (1 MB
#: in 1.67, ``_MAX_UPLOAD_MULTIPART_OVERHEAD_BYTES``); this is well above it.
FRAMING_MARGIN = 16 * 1024 * 1024


@cache
def keep_uploads_in_memory() -> int:
    """Set Starlette's spool limit above the upload limit, take an upload's bytes from the spool without a copy, and
    let copies of an uploaded file share its bytes (once per process); returns the spool limit in bytes."""
    from starlette.datastructures import UploadFile
    from starlette.formparsers import MultiPartParser
    from streamlit import config
    from streamlit.runtime.uploaded_file_manager import UploadedFile

    limit = int(config.get_option("server.maxUploadSize")) * 1024 * 1024 + FRAMING_MARGIN
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, limit)
    UploadedFile.__deepcopy__ = _shared_copy  # type: ignore[method-assign]
    UploadFile.read = _whole_read(UploadFile.read)  # type: ignore[method-assign]
    return MultiPartParser.spool_max_size


def _whole_read(read: Callable[..., Awaitable[bytes]]) -> Callable[..., Awaitable[bytes]]:
    """Starlette's ``UploadFile.read`` (``read``), except that the whole of a file held in memory, read from its
    start, is the bytes its spool holds (no copy); any other read is Starlette's."""

    async def whole_read(self: Any, size: int = -1) -> bytes:
        spool = getattr(self.file, "_file", None)  # SpooledTemporaryFile's own file while it is in memory
        if size < 0 and self._in_memory and isinstance(spool, io.BytesIO) and spool.tell() == 0:
            data = spool.getvalue()
            spool.seek(len(data))  # read to the end, as read() leaves it
            return data
        return await read(self, size)

    return whole_read


def _shared_copy(self: Any, memo: dict[int, Any]) -> Any:
    """A new ``UploadedFile`` over the same bytes, at the same position (copy-on-write: nothing is copied until
    one of them is written to)."""
    from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec

    copy = UploadedFile(UploadedFileRec(self.file_id, self.name, self.type, self.getvalue()), self._file_urls)
    copy.seek(self.tell())
    copy.__dict__.update({k: v for k, v in self.__dict__.items() if k not in copy.__dict__})
    memo[id(self)] = copy
    return copy
