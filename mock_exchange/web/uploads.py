"""Reading multipart uploads safely: bounded sizes, CSRF first, images recognised by their bytes.

A file is accepted only when its first bytes are a PNG or JPEG signature (its name and the
browser's content type are not trusted) and it is no larger than the brand's limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from starlette.datastructures import UploadFile

from ..sessions import csrf_matches
from .forms import MAX_FIELD_CHARS, FormRejected
from .visit import visit_of

PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"


def image_type(data: bytes) -> str | None:
    if data.startswith(PNG):
        return "image/png"
    if data.startswith(JPEG):
        return "image/jpeg"
    return None


async def checked_upload(request: Request, file_fields: tuple[str, ...], max_bytes: int,
                         max_files: int = 4) -> tuple[dict[str, str], dict[str, list[bytes]]]:
    """Text fields and the raw bytes of each file field, after the CSRF token has been verified.

    The whole body is refused early when it cannot fit (413), and each file is read with a bound.
    """
    declared = request.headers.get("content-length")
    limit = max_files * max_bytes + 256 * 1024
    if declared and declared.isdigit() and int(declared) > limit:
        raise FormRejected(413, "upload.too_large",
                           f"The files are too large: each may be at most {max_bytes // (1024 * 1024)} MB.")
    try:
        raw = await request.form(max_files=max_files, max_fields=40, max_part_size=MAX_FIELD_CHARS * 4)
    except Exception as error:
        if "maximum size" in str(error):  # Starlette: "Part exceeded maximum size of 16KB."
            raise FormRejected(413, "form.too_long", "A field is far too long. Shorten it and try again.") from error
        raise FormRejected(400, "form.malformed",
                           "The form could not be read. Choose the files again and retry.") from error
    fields: dict[str, str] = {}
    files: dict[str, list[bytes]] = {}
    try:
        for name, value in raw.multi_items():
            if isinstance(value, UploadFile):
                if name not in file_fields:
                    raise FormRejected(400, "form.unexpected_file", "This form does not accept that file.")
                data = await value.read(max_bytes + 1)
                if data:
                    files.setdefault(name, []).append(data)
                continue
            if len(value) > MAX_FIELD_CHARS:
                raise FormRejected(413, "form.too_long", "A field is far too long. Shorten it and try again.")
            if "\x00" in value:
                raise FormRejected(400, "form.bad_characters", "A field contains characters that are not allowed.")
            fields[name] = value.strip()
    finally:
        await raw.close()
    if not csrf_matches(visit_of(request).session, fields.get("csrf_token")):
        raise FormRejected(403, "form.csrf",
                           "This form has expired or did not come from this site. Reload the page and try again.")
    return fields, files


@dataclass(frozen=True)
class Upload:
    """A checked multipart upload: its text fields and the raw bytes of each file field."""

    fields: dict[str, str]
    files: dict[str, list[bytes]]


def brand_upload(file_fields: tuple[str, ...], max_files: int):
    """A dependency giving the ``Upload`` of a form (CSRF checked, each file within the brand's limit).

    Reading the parts is async; with it, the handler that asks for the upload is a plain def.
    """

    async def read_upload(request: Request) -> Upload:
        limit = visit_of(request).brand.policy.upload_max_bytes
        fields, files = await checked_upload(request, file_fields, limit, max_files=max_files)
        return Upload(fields, files)

    return read_upload


def image_problem(data: bytes | None, label: str, max_bytes: int) -> str | None:
    """A readable problem with one uploaded image, or None when it is a PNG/JPEG within the limit."""
    if not data:
        return f"Choose the {label} to upload."
    if len(data) > max_bytes:
        return f"The {label} is larger than {max_bytes // (1024 * 1024)} MB. Upload a smaller image."
    if image_type(data) is None:
        return f"The {label} must be a PNG or JPEG image."
    return None


def problem_status(problems: list[str]) -> int:
    return 413 if any("larger than" in p for p in problems) else 400
