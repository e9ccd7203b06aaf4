"""The SDK's one logger, ``cinebody``, and the redaction of secrets in what it logs.

Setting the environment variable ``CINEBODY_LOG`` to ``debug`` or ``info`` attaches a
stderr handler at that level when the package is imported; otherwise the SDK adds no
handler and the application's logging configuration decides what is shown.
"""

from __future__ import annotations

import logging
import os
import re

__all__ = ["logger", "redact_url"]

logger = logging.getLogger("cinebody")

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}

# Query parameters whose values are credentials: the key itself if it ever travelled in a
# query, and the signatures of presigned S3 URLs.
_SECRET_QUERY = re.compile(
    r"(?i)([?&](?:x-api-key|api_key|apikey|signature|x-amz-signature|x-amz-credential"
    r"|x-amz-security-token|awsaccesskeyid)=)[^&#]*"
)


def redact_url(url: str) -> str:
    """Return ``url`` with the values of credential-bearing query parameters replaced.

    Signatures of presigned URLs and any key passed in a query become ``REDACTED``;
    the rest of the URL is left as it was.
    """
    return _SECRET_QUERY.sub(r"\1REDACTED", url)


def _configure_from_environment() -> None:
    level = _LEVELS.get(os.environ.get("CINEBODY_LOG", "").strip().lower())
    if level is None:
        return

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)


_configure_from_environment()
