"""The chart worker process: reads requests on stdin, writes PNG/SVG bytes on stdout.

Run as a script (``python lmp_core/present/chart_worker.py``) by :mod:`lmp_core.present.chart_images`, never imported
by the server: it imports nothing of the package, only vl-convert. Each message, both ways, is a
4-byte big-endian length and a pickle: ``(kind, spec_json, scale)`` in, ``(ok, bytes_or_error_name)`` out.
"""

from __future__ import annotations

import pickle
import struct
import sys
from typing import BinaryIO

HEADER = struct.Struct(">I")


def read_message(stream: BinaryIO) -> object:
    """One framed message, or raise EOFError when the other side has gone."""
    head = stream.read(HEADER.size)
    if len(head) < HEADER.size:
        raise EOFError
    size = HEADER.unpack(head)[0]
    body = stream.read(size)
    if len(body) < size:
        raise EOFError
    return pickle.loads(body)


def write_message(stream: BinaryIO, message: object) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(body)) + body)
    stream.flush()


def serve(reader: BinaryIO, writer: BinaryIO) -> None:
    import vl_convert as vlc

    while True:
        try:
            kind, spec, scale = read_message(reader)  # type: ignore[misc]
        except EOFError:
            return
        try:
            data = vlc.vegalite_to_png(spec, scale=scale) if kind == "png" else vlc.vegalite_to_svg(spec).encode()
            write_message(writer, (True, data))
        except Exception as err:  # noqa: BLE001 - any converter error goes back to the caller by name only
            write_message(writer, (False, type(err).__name__))


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
