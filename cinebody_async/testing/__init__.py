"""An in-memory Cinebody API and fake S3 for tests, benchmarks and demos.

``FakeCinebody`` serves all 50 operations of the API on 127.0.0.1 from seeded,
deterministic data, signs upload and download URLs for its own fake S3 (another
port, so another origin), and injects faults on request::

    async with FakeCinebody(seed=42, clips_per_project=1_000) as fake:
        fake.faults.script("GET /projects/{projectId}/clips", [503, None])
        ...  # point a client at fake.url with fake.api_key
        assert fake.counters.requests["GET /projects/{projectId}/clips"] == 2

What a test can reach:

- ``fake.url`` / ``fake.api_key``: where the API listens (paths under ``/app/3.0``)
  and the key it accepts in ``x-api-key``; ``fake.s3.url`` is the fake S3.
- ``fake.state`` (:class:`FakeState`): every record as a plain dict, with methods to
  add, change and delete them (``add_media_file(project_id, **fields)`` ...).
- ``fake.requests``: every request received (:class:`RecordedRequest`), and
  ``fake.counters`` (:class:`Counters`): requests, faults and applied changes per
  route, bytes stored per upload and served per file.
- ``fake.faults`` (:class:`Faults`): rate limits, error shares, latency, dropped
  connections, truncated JSON, HTML error pages and scripted answers.
- ``fake.run_in_thread()``: the same fake for synchronous callers;
  ``python -m cinebody_async.testing`` serves one from the command line, and
  ``cinebody_async.testing.pytest_plugin`` gives tests a ``cinebody_fake`` fixture.

The fake works on plain dicts and strings and imports nothing of the SDK's client.
Where the published spec and the real API differ, it answers as the API does (see
the SDK's API notes): byte sizes are JSON strings, ``quality`` is a string, the clip
list answers ``count`` and ``mediaFiles``.
"""

from cinebody_async.testing.errors import FakeAPIError
from cinebody_async.testing.faults import S3_OBJECT_ROUTE, S3_PART_ROUTE, Faults, Reply
from cinebody_async.testing.observe import Counters, RecordedRequest
from cinebody_async.testing.s3 import FakeS3, Upload
from cinebody_async.testing.seed import SeedOptions
from cinebody_async.testing.server import FakeCinebody
from cinebody_async.testing.state import FakeState
from cinebody_async.testing.thread import FakeCinebodyThread

__all__ = [
    "S3_OBJECT_ROUTE",
    "S3_PART_ROUTE",
    "Counters",
    "FakeAPIError",
    "FakeCinebody",
    "FakeCinebodyThread",
    "FakeS3",
    "FakeState",
    "Faults",
    "RecordedRequest",
    "Reply",
    "SeedOptions",
    "Upload",
]
