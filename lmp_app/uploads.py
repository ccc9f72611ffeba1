"""Uploaded files stay in memory: Starlette is told to keep every multipart part in memory up to the upload limit.

Streamlit's upload route parses the request with Starlette's ``MultiPartParser``, which holds each file part in a
``SpooledTemporaryFile`` that moves to a temporary file on disk once the part passes ``spool_max_size`` (1 MB
by default). Streamlit then reads the whole file into memory and closes the temporary file, so the bytes of every
upload over 1 MB would touch the disk on their way in. Raising ``spool_max_size`` (a documented class attribute)
above the largest body Streamlit accepts keeps the spool in memory: Streamlit refuses a body over
``server.maxUploadSize`` plus a small framing margin while it streams, before the part could grow past this.
"""

from __future__ import annotations

from functools import cache

#: Room above ``server.maxUploadSize`` for the multipart framing Streamlit also lets through while streaming (1 MB
#: in 1.67, ``_MAX_UPLOAD_MULTIPART_OVERHEAD_BYTES``); this is well above it.
FRAMING_MARGIN = 16 * 1024 * 1024


@cache
def keep_uploads_in_memory() -> int:
    """Set Starlette's spool limit above the upload limit (once per process); returns the limit in bytes."""
    from starlette.formparsers import MultiPartParser
    from streamlit import config

    limit = int(config.get_option("server.maxUploadSize")) * 1024 * 1024 + FRAMING_MARGIN
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, limit)
    return MultiPartParser.spool_max_size
