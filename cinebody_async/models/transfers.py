"""The answers that start a transfer: where to upload the parts, where to download from."""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import attrs

from cinebody_async.models._base import Model

__all__ = ["DownloadLink", "UploadTarget"]


@attrs.frozen(kw_only=True, repr=False)
class UploadTarget(Model):
    """Where to send a multipart upload: one signed URL per part, in part order.

    Every part is ``chunk_size_bytes`` long but the last; ``filename`` is the name the
    completing call needs, and so is :attr:`upload_id`.
    """

    _repr_fields: ClassVar[tuple[str, ...] | None] = ("filename", "chunk_size_bytes")

    api_version: str | None = None
    signed_urls: tuple[str, ...] | None = None
    chunk_size_bytes: int | None = None
    filename: str | None = None

    @property
    def upload_id(self) -> str | None:
        """The multipart upload's id, read from the query of the first signed URL.

        The API does not return it on its own: it is the ``uploadId`` parameter of each
        signed URL. ``None`` when there is no URL or the URL has no such parameter.
        """
        for url in self.signed_urls or ():
            values = parse_qs(urlsplit(url).query).get("uploadId")
            if values:
                return values[0]
        return None


@attrs.frozen(kw_only=True, repr=False)
class DownloadLink(Model):
    """A signed, expiring URL to fetch a file from, and the name to save it as.

    The single-file download answers ``url``; each item of the multi-file one
    ``signedUrl``. :attr:`download_url` gives whichever came.
    """

    _repr_fields: ClassVar[tuple[str, ...] | None] = ("filename",)

    api_version: str | None = None
    url: str | None = None
    signed_url: str | None = None
    filename: str | None = None

    @property
    def download_url(self) -> str | None:
        """The signed URL, from ``url`` or else ``signedUrl``; ``None`` if neither came."""
        return self.url if self.url is not None else self.signed_url
