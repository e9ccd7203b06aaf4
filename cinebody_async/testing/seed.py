"""Deterministic, realistic seed data for the fake API, sized by :class:`SeedOptions`.

The same ``seed`` and options always give the same ids, names, timestamps, sizes and
statuses. Timestamps start on 2024-01-01 UTC and move forward. Seeded files are not
held in memory: their bytes are generated on the fly when downloaded, exactly
``fileSize`` (or ``fileSizeSD``) bytes of a pattern derived from the file name.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from cinebody_async.testing.records import (
    ASSET_HOST,
    iso,
    media_file_record,
    project_record,
    random_uuid,
)
from cinebody_async.testing.state import FakeState

__all__ = ["SEED_EPOCH", "SeedOptions", "populate"]

SEED_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)

_FIRST = [
    "Ada",
    "Ben",
    "Chloe",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hugo",
    "Iris",
    "Jonah",
    "Kira",
    "Liam",
    "Maya",
    "Nils",
    "Olga",
    "Pavel",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
    "Umar",
    "Vera",
    "Wes",
    "Xena",
    "Yusuf",
    "Zoe",
]
_LAST = [
    "Abbott",
    "Bauer",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fontaine",
    "Garcia",
    "Haddad",
    "Ito",
    "Jensen",
    "Kowalski",
    "Larsen",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quist",
    "Rossi",
    "Silva",
    "Tanaka",
    "Ueda",
    "Varga",
    "Weber",
    "Young",
]
_TEAM_WORDS = [
    "Summit",
    "Harbor",
    "Canyon",
    "Meadow",
    "Aurora",
    "Granite",
    "Tidal",
    "Ember",
    "Falcon",
    "Juniper",
    "Cobalt",
    "Prairie",
]
_PROJECT_WORDS = [
    "Festival",
    "Launch",
    "Marathon",
    "Campus",
    "Tour",
    "Summit",
    "Expo",
    "Kickoff",
    "Reunion",
    "Showcase",
    "Finals",
    "Gala",
]
_SHOOT_TYPES = ("event", "micro-doc", "sports", "testimonial", "travel")
_SHOT_TYPES = (
    ("Action", "Get into the action! Emphasize the energy and movement in your clips.", 60),
    ("Establishing", "Show where we are: wide shots of the venue and its surroundings.", 30),
    ("Interview", "Ask someone a question and let them talk; keep the camera steady.", 30),
    ("B-roll", "Details, hands, faces, textures: anything that sets the mood.", 24),
    ("Selfie", "Turn the camera around and tell us what is happening.", 30),
    ("Slow motion", "Film fast movement at a high frame rate.", 120),
    ("Crowd", "Capture the audience and their reactions.", 30),
    ("Time-lapse", "Hold still for a while and let the scene change.", 30),
)
_PROJECT_STATUSES = ("active", "active", "active", "upcoming", "inactive", "archived")
_FPS = (24, 25, 30, 30, 30, 60, 60, 120, 240)
_QUALITIES = ("1080", "1080", "1080", "720", "4k")
_ORIENTATIONS = ("landscapeLeft", "landscapeRight", "portrait", "landscape", "portrait")
_TEMPLATE_OWNER = "00000000-0000-4000-8000-000000000000"
_T = TypeVar("_T")


@dataclass(frozen=True)
class SeedOptions:
    """How much data the fake starts with. Every count is per parent.

    The defaults give one organization with 2 teams of 3 projects each, 500 clips per
    project (3,000 clips). For a benchmark of one large project use
    :meth:`single_project`. ``clip_size_range`` bounds the seeded clips' ``fileSize``
    in bytes; the default keeps downloads of seeded files cheap (real clips weigh 10 to
    500 MB: raise it for realistic transfers).
    """

    organizations: int = 1
    teams_per_organization: int = 2
    projects_per_team: int = 3
    clips_per_project: int = 500
    edits_per_project: int = 2
    shots_per_project: int = 5
    filmers_per_team: int = 12
    filmers_per_project: int = 8
    admins_per_team: int = 2
    admins_per_organization: int = 2
    notifications_per_project: int = 3
    clip_size_range: tuple[int, int] = (50_000, 2_000_000)

    @classmethod
    def single_project(cls, clips: int = 10_000, **overrides: Any) -> SeedOptions:
        """Return options for one organization, one team and one project of ``clips``."""
        values: dict[str, Any] = {
            "organizations": 1,
            "teams_per_organization": 1,
            "projects_per_team": 1,
            "clips_per_project": clips,
        }
        values.update(overrides)
        return cls(**values)


class _Clock:
    """A seeded clock that only moves forward, for the timestamps of seeded records."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.moment = SEED_EPOCH

    def tick(self, low: int = 60, high: int = 3600) -> datetime:
        """Move forward by ``low`` to ``high`` seconds and return the new moment."""
        self.moment += timedelta(seconds=self.rng.randint(low, high))
        return self.moment

    def __call__(self) -> datetime:
        return self.tick()


def populate(state: FakeState, seed: int, options: SeedOptions) -> None:
    """Fill ``state`` with the data that ``seed`` and ``options`` describe."""
    rng = random.Random(seed)
    clock = _Clock(rng)
    real_now = state.now
    state.now = clock
    try:
        _shot_types(state, rng)
        _templates(state, clock)
        for index in range(options.organizations):
            _organization(state, rng, clock, options, index)
    finally:
        state.now = real_now


def _person(state: FakeState, rng: random.Random, domain: str) -> dict[str, Any]:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    email = f"{first.lower()}.{last.lower()}.{rng.randrange(10_000)}@{domain}"
    user = state.add_user(first, last, email, id=random_uuid(rng))
    user["onlineStatus"] = rng.choice(("online", "offline", "offline"))
    return user


def _shot_types(state: FakeState, rng: random.Random) -> None:
    for name, description, fps in _SHOT_TYPES:
        slug = name.lower().replace(" ", "_").replace("-", "_")
        shot_type_id = random_uuid(rng)
        state.shot_types[shot_type_id] = {
            "id": shot_type_id,
            "name": name,
            "description": description,
            "icon": f"<svg><title>{name}</title></svg>",
            "fps": fps,
            "quality": "1080",
            "defaultImageUrl": f"{ASSET_HOST}/shotlist-default-images/{slug}_v2.jpg",
            "tutorialVideoUrl": f"{ASSET_HOST}/shotlist-default-images/{slug}_v2.mp4",
        }


def _templates(state: FakeState, clock: Callable[[], datetime]) -> None:
    owner = {"id": _TEMPLATE_OWNER, "OrganizationId": _TEMPLATE_OWNER}
    for index, shoot_type in enumerate(("event", "micro-doc", "sports")):
        template = project_record(
            f"00000000-0000-4000-8000-{index + 1:012d}",
            owner,
            clock(),
            title=f"{shoot_type.title()} template",
            description=f"A starting point for a {shoot_type} project.",
            shootType=shoot_type,
        )
        template["newStatus"] = "inactive"
        template["status"] = "inactive"
        template["mediaCounts"] = {
            "edits": {"approved": 0, "rejected": 0, "pending": 0},
            "videos": {"approved": 0, "rejected": 0, "pending": 0},
        }
        template["userCounts"] = {"users": 0}
        state.project_templates.append(template)


def _organization(
    state: FakeState, rng: random.Random, clock: _Clock, options: SeedOptions, index: int
) -> None:
    name = f"{rng.choice(_TEAM_WORDS)} Media {index + 1}"
    org = state.add_organization(name, id=random_uuid(rng))
    domain = f"{name.split()[0].lower()}{index + 1}.example.com"
    for _ in range(options.admins_per_organization):
        state.add_organization_user(org["id"], _person(state, rng, domain)["id"], "admin")
    for team_index in range(options.teams_per_organization):
        word = _TEAM_WORDS[(index * 7 + team_index) % len(_TEAM_WORDS)]
        team = state.add_team(
            org["id"],
            f"{word} Crew {team_index + 1}",
            id=random_uuid(rng),
            description=f"The {word.lower()} crew of {name}.",
            pagePublished=rng.random() < 0.5,
        )
        for _ in range(options.admins_per_team):
            state.add_team_user(team["id"], _person(state, rng, domain)["id"], "admin")
        filmers = [_person(state, rng, domain)["id"] for _ in range(options.filmers_per_team)]
        for filmer in filmers:
            state.add_team_user(team["id"], filmer, "regular")
        for _ in range(options.projects_per_team):
            _project(state, rng, clock, options, team, filmers)


def _project(
    state: FakeState,
    rng: random.Random,
    clock: _Clock,
    options: SeedOptions,
    team: dict[str, Any],
    filmers: list[str],
) -> None:
    status = rng.choice(_PROJECT_STATUSES)
    start = clock.tick(3600, 86_400 * 3)
    end = start + timedelta(days=rng.randint(7, 120))
    word = rng.choice(_PROJECT_WORDS)
    project = state.add_project(
        team["id"],
        id=random_uuid(rng),
        created=start - timedelta(days=2),
        title=f"{team['name'].split()[0]} {word} {start.year}",
        description=f"Help us film the {word.lower()}: every angle counts.",
        orientation=rng.choice(("landscape", "landscape", "portrait")),
        shootType=rng.choice(_SHOOT_TYPES),
        publishStatus=rng.choice(("unpublished", "published", "publishAll")),
        type=rng.choice(("private", "public")),
        incentive=rng.choice((None, None, "Free t-shirt for selected filmers")),
        startAt=iso(start),
        endAt=iso(end),
        status="archived" if status == "archived" else "active",
        newStatus=status,
        isGeoVisible=rng.random() < 0.3,
    )
    members = rng.sample(filmers, min(options.filmers_per_project, len(filmers)))
    for member in members:
        blocked = rng.random() < 0.05
        state.add_project_user(project["id"], member, "inactive" if blocked else "active")
    shot_types = list(state.shot_types.values())
    shots = [
        state.add_shot(
            project["id"],
            shot_types[(order + rng.randrange(len(shot_types))) % len(shot_types)]["id"],
            id=random_uuid(rng),
            order=order,
        )
        for order in range(options.shots_per_project)
    ]
    _media_files(state, rng, options, project, members, shots)
    _notifications(state, rng, options, project, members)


def _media_files(
    state: FakeState,
    rng: random.Random,
    options: SeedOptions,
    project: dict[str, Any],
    members: list[str],
    shots: list[dict[str, Any]],
) -> None:
    users: list[dict[str, Any] | None] = [state.users[member] for member in members] or [None]
    choices: list[dict[str, Any] | None] = [*shots, None]
    low, high = options.clip_size_range
    moment = datetime.fromisoformat(project["createdAt"].replace("Z", "+00:00"))
    total = options.clips_per_project + options.edits_per_project
    step = max(1, int(timedelta(days=60).total_seconds() / max(total, 1)))
    rand = rng.random

    def pick(values: Sequence[_T]) -> _T:
        return values[int(rand() * len(values))]

    for index in range(total):
        is_edit = index >= options.clips_per_project
        moment += timedelta(seconds=1 + int(rand() * 2 * step))
        stamp = iso(moment)
        size = low + int(rand() * (high - low + 1))
        draw = rand()
        status = "pending" if draw < 0.5 else "approved" if draw < 0.85 else "rejected"
        ext = "mov" if draw * 10 % 1 < 0.6 else "mp4"
        shot = None if is_edit else pick(choices)
        record = media_file_record(
            random_uuid(rng),
            f"{random_uuid(rng)}.{ext}",
            project,
            None if is_edit else pick(users),
            shot,
            moment,
            fileSize=size,
            fileSizeSD=size // (4 + int(rand() * 7)),
            thumbSize=20_000 + int(rand() * 70_000),
            lengthSeconds=3 + int(rand() * (600 if is_edit else 90)),
            isEdit=is_edit,
            transcoded=True,
            fps=shot["fps"] if shot else pick(_FPS),
            quality=pick(_QUALITIES),
            shotAt=iso(moment - timedelta(seconds=30 + int(rand() * 7200))),
            favorite=rand() < 0.1,
            orientation=pick(_ORIENTATIONS),
            status="approved" if is_edit else status,
            moderatedAt=None if status == "pending" and not is_edit else stamp,
            name=f"{project['title']} final cut {index - options.clips_per_project + 1}"
            if is_edit
            else None,
            editDescription="Thank you for filming with us!" if is_edit else None,
            originalFileName=f"IMG_{1000 + int(rand() * 9000)}.{ext.upper()}",
        )
        state.store_media_file(record)
    if total:
        last = next(state.iter_project_media_files(project["id"], newest_first=True))
        project["defaultImageUrl"] = (
            f"{ASSET_HOST}/teams/team-{project['TeamId']}/mediaThumbs/"
            f"{last['thumbnailUUID']}-00001.jpg"
        )


def _notifications(
    state: FakeState,
    rng: random.Random,
    options: SeedOptions,
    project: dict[str, Any],
    members: list[str],
) -> None:
    end = datetime.fromisoformat(project["endAt"].replace("Z", "+00:00"))
    for index in range(options.notifications_per_project):
        individual = bool(members) and index % 3 == 2
        pending = index == options.notifications_per_project - 1
        send_at = end + timedelta(days=rng.randint(1, 30) if pending else -rng.randint(1, 60))
        state.add_notification(
            project["TeamId"],
            rng.choice(
                (
                    "Start getting some footage!",
                    "Thanks for your clips, keep them coming.",
                    "Last day to upload: the final cut is close.",
                )
            ),
            "individualMessage" if individual else "message",
            id=random_uuid(rng),
            ProjectId=project["id"],
            ToUserId=rng.choice(members) if individual else None,
            sendAt=iso(send_at),
            status="pending" if pending else "sent",
        )
