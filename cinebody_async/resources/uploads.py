"""The API calls of a multipart upload: signed part URLs and completion."""

from __future__ import annotations

from cinebody_async.resources._base import Resource

__all__ = ["Uploads"]


class Uploads(Resource):
    """The API calls of a multipart upload: signed part URLs and completion (``cb.uploads``)."""

    __slots__ = ()
