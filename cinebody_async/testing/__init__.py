"""An in-memory Cinebody API and fake S3 for tests, benchmarks and demos.

``FakeCinebody`` serves all 50 operations of the API on 127.0.0.1 from seeded,
deterministic data, signs upload and download URLs for its own fake S3 (another
port, so another origin), and injects faults on request::

    async with FakeCinebody(seed=42, clips_per_project=1_000) as fake:
        fake.faults.script("GET /projects/{projectId}/clips", [503, None])
        ...  # point a client at fake.url with fake.api_key
        assert fake.counters.requests["GET /projects/{projectId}/clips"] == 2

It works on plain dicts and strings and imports nothing of the SDK's client.
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
