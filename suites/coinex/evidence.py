"""Files a CoinEx customer uploads in the suites: real PNG/JPEG bytes, and files that only look like them."""

from __future__ import annotations

import struct
import zlib


def png(width: int = 4, height: int = 4, name: str = "screenshot.png") -> dict:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return {"name": name, "mimeType": "image/png", "buffer": data}


def text_named_png(name: str = "screenshot.png") -> dict:
    """A text file with an image's name and content type: refused by its bytes."""
    return {"name": name, "mimeType": "image/png", "buffer": b"this is not an image, whatever its name says\n"}


def oversized_jpeg(megabytes: int, name: str = "photo.jpg") -> dict:
    """A JPEG signature followed by padding, larger than ``megabytes``."""
    padding = b"\x00" * (megabytes * 1024 * 1024 + 1024)
    return {"name": name, "mimeType": "image/jpeg", "buffer": b"\xff\xd8\xff\xe0" + padding}
