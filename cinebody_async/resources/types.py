"""The API's own TypeScript type definitions."""

from __future__ import annotations

from cinebody_async.resources._base import API, Resource, operation

__all__ = ["Types"]


class Types(Resource):
    """The API's own TypeScript type definitions (``cb.types``)."""

    __slots__ = ()

    @operation("GET", "/app/3.0/apiAppTypes")
    async def typescript(self) -> str:
        """Fetch the TypeScript definitions of the API's operations and models.

        The text declares the ``CinebodyAPI`` namespace; write it to a ``.d.ts`` file to
        type a TypeScript program's calls.

        Returns:
            The TypeScript source.

        Raises:
            InvalidResponseError: when the answer holds no ``types`` text.
        """
        # This is the one answer without `apiVersion`: its body is only `types`.
        body = await self._send("GET", f"{API}/apiAppTypes")
        return self._read_value(body, "GET apiAppTypes", "types", str)
