"""Serve a FakeCinebody from the command line, for benchmarks and demos.

Usage: ``python -m cinebody_async.testing --port 8080 --seed 42 [options]``.

The first line printed (and flushed) is machine-readable::

    url=http://127.0.0.1:8080 api_key=cbk_fake_... s3_url=http://127.0.0.1:41234

so a benchmark can start the fake as a subprocess with ``--port 0`` and read where it
listens. The server runs until interrupted (Ctrl-C or SIGTERM).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from collections.abc import Sequence
from dataclasses import fields

from cinebody_async.testing.seed import SeedOptions
from cinebody_async.testing.server import DEFAULT_PART_SIZE, FakeCinebody

__all__ = ["main", "parse_args"]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line; exit with a usage message on a bad option."""
    parser = argparse.ArgumentParser(
        prog="python -m cinebody_async.testing",
        description="Serve an in-memory Cinebody API and fake S3 on loopback.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8080, help="API port (0: any free port)")
    parser.add_argument("--s3-port", type=int, default=0, help="fake S3 port (0: any free)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the data and faults")
    parser.add_argument("--api-key", default=None, help="the key to accept")
    sizes = parser.add_argument_group("data size")
    sizes.add_argument(
        "--single-project",
        type=int,
        default=None,
        metavar="CLIPS",
        help="one organization, team and project holding CLIPS clips (for benchmarks)",
    )
    defaults = SeedOptions()
    for field in fields(SeedOptions):
        if field.name == "clip_size_range":
            continue
        sizes.add_argument(
            "--" + field.name.replace("_", "-"),
            type=int,
            default=getattr(defaults, field.name),
            metavar="N",
        )
    sizes.add_argument(
        "--clip-size",
        type=int,
        nargs=2,
        default=list(defaults.clip_size_range),
        metavar=("MIN", "MAX"),
        help="range of seeded clip sizes in bytes",
    )
    faults = parser.add_argument_group("faults")
    faults.add_argument("--latency", type=float, default=0.0, help="seconds added per answer")
    faults.add_argument("--jitter", type=float, default=0.0, help="random extra seconds")
    faults.add_argument("--rate-limit", type=float, default=None, help="requests per second")
    faults.add_argument("--burst", type=float, default=10, help="token bucket size")
    faults.add_argument(
        "--rate-limit-status", type=int, choices=(420, 429), default=429, help="status sent"
    )
    faults.add_argument("--no-retry-after", action="store_true", help="omit Retry-After")
    faults.add_argument("--error-share", type=float, default=0.0, help="share of 5xx answers")
    other = parser.add_argument_group("other")
    other.add_argument("--part-size", type=int, default=DEFAULT_PART_SIZE, help="upload part size")
    other.add_argument("--url-ttl", type=int, default=3600, help="signed URL lifetime (s)")
    other.add_argument("--max-limit", type=int, default=None, help="largest page size served")
    return parser.parse_args(argv)


def build(args: argparse.Namespace) -> FakeCinebody:
    """Return the (not yet started) fake that ``args`` describe."""
    sizes = {
        field.name: getattr(args, field.name)
        for field in fields(SeedOptions)
        if field.name != "clip_size_range"
    }
    if args.single_project is not None:
        sizes.update(
            organizations=1,
            teams_per_organization=1,
            projects_per_team=1,
            clips_per_project=args.single_project,
        )
    options = SeedOptions(clip_size_range=(args.clip_size[0], args.clip_size[1]), **sizes)
    fake = FakeCinebody(
        args.seed,
        seed_options=options,
        api_key=args.api_key,
        host=args.host,
        port=args.port,
        s3_port=args.s3_port,
        part_size=args.part_size,
        url_ttl=args.url_ttl,
        max_limit=args.max_limit,
        latency=args.latency,
        jitter=args.jitter,
        error_share=args.error_share,
        log_requests=False,
    )
    if args.rate_limit is not None:
        fake.faults.rate_limit(
            args.rate_limit,
            args.burst,
            status=args.rate_limit_status,
            retry_after=not args.no_retry_after,
        )
    return fake


async def serve(fake: FakeCinebody) -> None:
    """Start ``fake``, print where it listens, and serve until interrupted."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        # Windows event loops have no signal handlers; Ctrl-C still ends the run there.
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    async with fake:
        print(f"url={fake.url} api_key={fake.api_key} s3_url={fake.s3.url}", flush=True)
        state = fake.state
        print(
            f"Serving the Cinebody API at {fake.url}/app/3.0 (seed {fake.seed}): "
            f"{len(state.organizations)} organizations, {len(state.teams)} teams, "
            f"{len(state.projects)} projects, {len(state.media_files)} media files.",
            flush=True,
        )
        print(f"Send the header x-api-key: {fake.api_key}. Stop with Ctrl-C.", flush=True)
        await stop.wait()


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line."""
    fake = build(parse_args(argv))
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(fake))


if __name__ == "__main__":
    main(sys.argv[1:])
