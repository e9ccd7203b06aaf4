"""Clips and final videos: listing, moderation, deletion, download links."""

from __future__ import annotations

from cinebody_async.resources._base import Resource

__all__ = ["MediaFiles"]


class MediaFiles(Resource):
    """Clips and final videos (``cb.media_files``): list, moderate, delete, download links."""

    __slots__ = ()
