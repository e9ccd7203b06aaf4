"""The fake API's in-memory state, with the plain methods tests use to read and change it.

Every resource is a plain ``dict`` in the API's wire shape (see
:mod:`cinebody_async.testing.records`), kept in a dictionary by id:
``organizations``, ``teams``, ``projects``, ``users``, ``media_files``, ``shots``,
``shot_types`` and ``notifications``. Memberships are dictionaries too:
``organization_users[org_id][user_id]`` is ``"admin"`` or ``"regular"``,
``team_users[team_id][user_id]`` the ``teamUserType`` and
``project_users[project_id][user_id]`` the ``userProjectStatus`` (``"active"`` or
``"inactive"``, blocked).

Change the state through the methods, not the dictionaries, so that the indexes
(clips by project in ``createdAt`` order, files by name, moderation counts) stay
right. The methods raise :class:`~cinebody_async.testing.errors.FakeAPIError`
(a 404 for an unknown id, a 400 for a taken join code) exactly as the API answers.
The state is not locked: change it from the event loop that serves it (from a test
coroutine, or through ``FakeCinebodyThread.call`` for a server in a thread).
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from cinebody_async.testing.errors import FakeAPIError, bad_value, not_found
from cinebody_async.testing.records import (
    iso,
    media_file_record,
    organization_record,
    project_record,
    random_uuid,
    shot_record,
    team_record,
    user_record,
)
from cinebody_async.testing.vocabulary import MEDIA_FILE_STATUSES

__all__ = ["FakeState"]

_JOIN_CODE_LETTERS = "abcdefghijkmnpqrstuvwxyz"


def _empty_counts() -> dict[str, dict[str, int]]:
    return {
        "edits": dict.fromkeys(MEDIA_FILE_STATUSES, 0),
        "videos": dict.fromkeys(MEDIA_FILE_STATUSES, 0),
    }


class FakeState:
    """Everything the fake API knows, in memory.

    ``rng`` draws the ids and join codes of new records (seeded, so runs repeat) and
    ``now`` gives the time stamped on new and changed records (the real clock unless a
    test replaces it with a callable returning an aware ``datetime``).
    """

    def __init__(self, seed: int = 0, now: Callable[[], datetime] | None = None) -> None:
        self.rng = random.Random(f"state-{seed}")
        self.now: Callable[[], datetime] = now or (lambda: datetime.now(UTC))
        self.organizations: dict[str, dict[str, Any]] = {}
        self.teams: dict[str, dict[str, Any]] = {}
        self.projects: dict[str, dict[str, Any]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.media_files: dict[str, dict[str, Any]] = {}
        self.shots: dict[str, dict[str, Any]] = {}
        self.shot_types: dict[str, dict[str, Any]] = {}
        self.project_templates: list[dict[str, Any]] = []
        self.notifications: dict[str, dict[str, Any]] = {}
        self.organization_users: dict[str, dict[str, str]] = {}
        self.team_users: dict[str, dict[str, str]] = {}
        self.project_users: dict[str, dict[str, str]] = {}
        self.file_contents: dict[str, bytes] = {}
        self._clips: dict[str, list[tuple[str, str]]] = {}
        self._shot_order: dict[str, list[str]] = {}
        self._by_file: dict[str, str] = {}
        self._counts: dict[str, dict[str, dict[str, int]]] = {}
        self._last_moment: datetime | None = None

    # Ids and codes ------------------------------------------------------------------

    def new_id(self) -> str:
        """Return a fresh UUID (version 4 form) drawn from the seeded ``rng``."""
        return random_uuid(self.rng)

    def new_join_code(self) -> str:
        """Return a join code that no project uses (three letters and a digit, or more)."""
        length = 3
        while True:
            for _ in range(50):
                letters = "".join(self.rng.choices(_JOIN_CODE_LETTERS, k=length))
                code = f"{letters}{self.rng.randrange(10)}"
                if not self.join_code_taken(code):
                    return code
            length += 1

    def next_moment(self) -> datetime:
        """Return ``now()``, or one millisecond after the moment this method last
        returned when the clock has not moved past it (timestamps carry milliseconds),
        so that records created one after the other keep their order."""
        moment = self.now()
        last = self._last_moment
        if last is not None and moment <= last:
            moment = last + timedelta(milliseconds=1)
        self._last_moment = moment
        return moment

    def join_code_taken(self, code: str) -> bool:
        """Return whether a project (or a template) already uses join code ``code``."""
        wanted = code.lower()
        return any(
            (project.get("joinCode") or "").lower() == wanted for project in self.projects.values()
        )

    def project_by_join_code(self, code: str) -> dict[str, Any]:
        """Return the project whose join code is ``code``; raise a 404 if there is none."""
        wanted = code.lower()
        for project in self.projects.values():
            if (project.get("joinCode") or "").lower() == wanted:
                return project
        raise not_found("project", code)

    # Lookups ------------------------------------------------------------------------

    def organization(self, organization_id: str) -> dict[str, Any]:
        """Return the organization record; raise a 404 error if it does not exist."""
        return self._get(self.organizations, "organization", organization_id)

    def team(self, team_id: str) -> dict[str, Any]:
        """Return the team record; raise a 404 error if it does not exist."""
        return self._get(self.teams, "team", team_id)

    def project(self, project_id: str) -> dict[str, Any]:
        """Return the project record; raise a 404 error if it does not exist."""
        return self._get(self.projects, "project", project_id)

    def user(self, user_id: str) -> dict[str, Any]:
        """Return the user record; raise a 404 error if it does not exist."""
        return self._get(self.users, "user", user_id)

    def media_file(self, media_file_id: str) -> dict[str, Any]:
        """Return the media file record; raise a 404 error if it does not exist."""
        return self._get(self.media_files, "mediaFile", media_file_id)

    def shot(self, shot_id: str) -> dict[str, Any]:
        """Return the shot record; raise a 404 error if it does not exist."""
        return self._get(self.shots, "shot", shot_id)

    def shot_type(self, shot_type_id: str) -> dict[str, Any]:
        """Return the shot type record; raise a 404 error if it does not exist."""
        return self._get(self.shot_types, "shotType", shot_type_id)

    def notification(self, notification_id: str) -> dict[str, Any]:
        """Return the scheduled notification record; raise a 404 error if it does not exist."""
        return self._get(self.notifications, "scheduledNotification", notification_id)

    def media_file_by_filename(self, filename: str) -> tuple[dict[str, Any], bool]:
        """Return the media file whose ``fileUUID`` or ``fileUUIDSD`` is ``filename``.

        The flag is ``True`` when ``filename`` names the SD copy. Raise a 404 error for an
        unknown name.
        """
        media_id = self._by_file.get(filename)
        if media_id is None:
            raise not_found("mediaFile", filename)
        record = self.media_files[media_id]
        return record, record["fileUUIDSD"] == filename

    def project_media_files(self, project_id: str) -> list[dict[str, Any]]:
        """Return the project's media files (clips and final videos), oldest first."""
        self.project(project_id)
        return [self.media_files[media_id] for _, media_id in self._clips[project_id]]

    def iter_project_media_files(
        self, project_id: str, newest_first: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Yield the project's media files in ``createdAt`` order without copying the index."""
        entries = self._clips.get(project_id, [])
        ordered = reversed(entries) if newest_first else iter(entries)
        files = self.media_files
        return (files[media_id] for _, media_id in ordered)

    def media_file_slice(
        self, project_id: str, start: int, stop: int, newest_first: bool = False
    ) -> list[dict[str, Any]]:
        """Return the project's media files from position ``start`` to ``stop`` (excluded)
        in ``createdAt`` order, oldest or newest first."""
        entries = self._clips.get(project_id, [])
        if newest_first:
            count = len(entries)
            chosen = entries[max(count - stop, 0) : max(count - start, 0)][::-1]
        else:
            chosen = entries[start:stop]
        return [self.media_files[media_id] for _, media_id in chosen]

    def project_media_file_count(self, project_id: str) -> int:
        """Return how many media files the project holds."""
        return len(self._clips.get(project_id, []))

    def project_shots(self, project_id: str) -> list[dict[str, Any]]:
        """Return the project's shots ordered by ``order``, then by creation."""
        self.project(project_id)
        shots = [self.shots[shot_id] for shot_id in self._shot_order[project_id]]
        return sorted(shots, key=lambda shot: shot["order"] if shot["order"] is not None else 0)

    def media_counts(self, project_id: str) -> dict[str, dict[str, int]]:
        """Return the project's moderation counts: ``{"edits": {...}, "videos": {...}}``."""
        counts = self._counts.get(project_id) or _empty_counts()
        return {kind: dict(by_status) for kind, by_status in counts.items()}

    def team_projects(self, team_id: str) -> list[dict[str, Any]]:
        """Return the team's projects in creation order."""
        return [p for p in self.projects.values() if p["TeamId"] == team_id]

    def organization_teams(self, organization_id: str) -> list[dict[str, Any]]:
        """Return the organization's teams in creation order."""
        return [t for t in self.teams.values() if t["OrganizationId"] == organization_id]

    # Creation -----------------------------------------------------------------------

    def add_organization(self, name: str, **fields: Any) -> dict[str, Any]:
        """Create and return an organization named ``name``; ``fields`` override defaults."""
        record = organization_record(fields.pop("id", None) or self.new_id(), name, self.now())
        record.update(fields)
        self.organizations[record["id"]] = record
        self.organization_users[record["id"]] = {}
        return record

    def add_team(self, organization_id: str, name: str, **fields: Any) -> dict[str, Any]:
        """Create and return a team of the organization; raise a 404 for an unknown one."""
        self.organization(organization_id)
        description = fields.pop("description", "")
        record = team_record(
            fields.pop("id", None) or self.new_id(), organization_id, name, description
        )
        record.update(fields)
        self.teams[record["id"]] = record
        self.team_users[record["id"]] = {}
        return record

    def add_user(
        self,
        first_name: str | None = None,
        last_name: str | None = None,
        email: str | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        """Create and return a user; the email defaults to one made from the id."""
        user_id = fields.pop("id", None) or self.new_id()
        record = user_record(
            user_id, first_name, last_name, email or f"user-{user_id[:8]}@example.com"
        )
        record.update(fields)
        self.users[user_id] = record
        return record

    def user_by_email(self, email: str) -> dict[str, Any] | None:
        """Return the user with this email (case-insensitive), or ``None``."""
        wanted = email.lower()
        for user in self.users.values():
            if user["email"].lower() == wanted:
                return user
        return None

    def add_project(self, team_id: str, **fields: Any) -> dict[str, Any]:
        """Create and return a project of the team; ``fields`` are wire fields.

        A join code is drawn when none is given; a taken one raises a 400 error.
        """
        team = self.team(team_id)
        code = fields.get("joinCode")
        if code is None:
            fields["joinCode"] = self.new_join_code()
        elif self.join_code_taken(code):
            raise FakeAPIError(400, "JOIN_CODE_TAKEN", f"The join code {code!r} is in use")
        created = fields.pop("created", None) or self.now()
        record = project_record(fields.pop("id", None) or self.new_id(), team, created, **fields)
        self.projects[record["id"]] = record
        self.project_users[record["id"]] = {}
        self._clips[record["id"]] = []
        self._shot_order[record["id"]] = []
        self._counts[record["id"]] = _empty_counts()
        return record

    def add_shot(
        self, project_id: str, shot_type_id: str | None = None, **fields: Any
    ) -> dict[str, Any]:
        """Create and return a shot of the project, based on a shot type (the first by
        default); ``order`` defaults to the end of the shot list."""
        project = self.project(project_id)
        if shot_type_id is None:
            shot_type = next(iter(self.shot_types.values()))
        else:
            shot_type = self.shot_type(shot_type_id)
        order = fields.pop("order", None)
        if order is None:
            order = len(self._shot_order[project_id])
        record = shot_record(
            fields.pop("id", None) or self.new_id(), project, shot_type, order, **fields
        )
        self.shots[record["id"]] = record
        self._shot_order[project_id].append(record["id"])
        return record

    def add_media_file(self, project_id: str, **fields: Any) -> dict[str, Any]:
        """Create and return a media file in the project, as if uploaded now.

        ``fields`` are wire fields (``UserId``, ``ShotId``, ``status``, ``fileSize``,
        ``isEdit``, ``createdAt`` ...) and override the defaults: a pending clip of
        the project's first filmer, free shoot, named ``<uuid>.mp4``. Raise a 404 error
        for an unknown project, user or shot.
        """
        project = self.project(project_id)
        user_id = fields.pop("UserId", None)
        if user_id is None:
            members = self.project_users.get(project_id) or {}
            user_id = next(iter(members), None)
        user = self.user(user_id) if user_id is not None else None
        shot_id = fields.pop("ShotId", None)
        shot = self.shot(shot_id) if shot_id is not None else None
        media_id = fields.pop("id", None) or self.new_id()
        file_uuid = fields.pop("fileUUID", None) or f"{self.new_id()}.mp4"
        record = media_file_record(
            media_id, file_uuid, project, user, shot, self.next_moment(), **fields
        )
        self.store_media_file(record)
        return record

    def store_media_file(self, record: dict[str, Any]) -> None:
        """Index a complete media file record (used by the seed generator and uploads)."""
        project_id = record["ProjectId"]
        entries = self._clips[project_id]
        entry = (record["createdAt"], record["id"])
        if not entries or entries[-1] <= entry:
            entries.append(entry)
        else:
            bisect.insort(entries, entry)
        self.media_files[record["id"]] = record
        self._by_file[record["fileUUID"]] = record["id"]
        self._by_file[record["fileUUIDSD"]] = record["id"]
        self._count(record, +1)

    def add_notification(
        self, team_id: str, message: str, type: str = "message", **fields: Any
    ) -> dict[str, Any]:
        """Create and return a scheduled notification to the team's filmers.

        ``fields`` are wire fields (``ProjectId``, ``ToUserId``, ``sendAt`` ...). The
        status is ``"pending"`` while ``sendAt`` is in the future, else ``"sent"``.
        """
        self.team(team_id)
        now = self.now()
        send_at = fields.get("sendAt")
        status = "pending" if send_at is not None and send_at > iso(now) else "sent"
        record: dict[str, Any] = {
            "id": fields.pop("id", None) or self.new_id(),
            "emailMessage": None,
            "pushMessage": message,
            "read": False,
            "isFromTeam": True,
            "type": type,
            "sendAt": None,
            "status": status,
            "imageUrl": None,
            "data": {},
            "ProjectId": None,
            "TeamId": team_id,
            "FromUserId": None,
            "ToUserId": None,
            "MediaFileId": None,
            "createdAt": iso(now),
        }
        record.update(fields)
        self.notifications[record["id"]] = record
        return record

    def add_organization_user(
        self, organization_id: str, user_id: str, type: str = "admin"
    ) -> None:
        """Make the user an organization user of ``type`` ``"admin"`` or ``"regular"``."""
        self.organization(organization_id)
        self.user(user_id)
        self.organization_users[organization_id][user_id] = type

    def add_team_user(self, team_id: str, user_id: str, type: str = "regular") -> None:
        """Add the user to the team as ``type`` (``teamUserType``: regular or admin)."""
        self.team(team_id)
        self.user(user_id)
        self.team_users[team_id][user_id] = type

    def add_project_user(self, project_id: str, user_id: str, status: str = "active") -> None:
        """Add the user to the project (and to its team as a regular user if needed)."""
        project = self.project(project_id)
        self.user(user_id)
        self.project_users[project_id][user_id] = status
        self.team_users[project["TeamId"]].setdefault(user_id, "regular")

    # Changes ------------------------------------------------------------------------

    def update_media_file(self, media_file_id: str, **fields: Any) -> dict[str, Any]:
        """Change a media file's wire fields and return it.

        A new ``status`` must be pending, approved or rejected (else a 400 error) and
        stamps ``moderatedAt`` when it differs from the old one.
        """
        record = self.media_file(media_file_id)
        status = fields.get("status")
        if status is not None and status not in MEDIA_FILE_STATUSES:
            raise bad_value("status", f"must be one of {', '.join(MEDIA_FILE_STATUSES)}")
        self._count(record, -1)
        if status is not None and status != record["status"]:
            record["moderatedAt"] = iso(self.now())
        for key in ("fileSize", "fileSizeSD", "thumbSize"):
            if key in fields:
                fields[key] = str(fields[key])
        record.update(fields)
        self._count(record, +1)
        return record

    def update_project(self, project_id: str, **fields: Any) -> dict[str, Any]:
        """Change a project's wire fields, stamp ``updatedAt`` and return it.

        A join code taken by another project raises a 400 error.
        """
        record = self.project(project_id)
        code = fields.get("joinCode")
        if (
            code is not None
            and code.lower() != (record.get("joinCode") or "").lower()
            and self.join_code_taken(code)
        ):
            raise FakeAPIError(400, "JOIN_CODE_TAKEN", f"The join code {code!r} is in use")
        record.update(fields)
        record["updatedAt"] = iso(self.now())
        return record

    def update_record(self, kind: str, record_id: str, **fields: Any) -> dict[str, Any]:
        """Change the wire fields of an organization, team, user, shot or notification.

        ``kind`` is ``"organization"``, ``"team"``, ``"user"``, ``"shot"`` or
        ``"notification"``; return the changed record, raise a 404 for an unknown id.
        """
        getters: dict[str, Callable[[str], dict[str, Any]]] = {
            "organization": self.organization,
            "team": self.team,
            "user": self.user,
            "shot": self.shot,
            "notification": self.notification,
        }
        record = getters[kind](record_id)
        record.update(fields)
        return record

    # Deletion -----------------------------------------------------------------------

    def delete_media_file(self, media_file_id: str) -> None:
        """Delete a media file and its stored bytes; raise a 404 for an unknown id."""
        record = self.media_file(media_file_id)
        self._count(record, -1)
        entries = self._clips[record["ProjectId"]]
        index = bisect.bisect_left(entries, (record["createdAt"], record["id"]))
        if index < len(entries) and entries[index][1] == media_file_id:
            del entries[index]
        for name in (record["fileUUID"], record["fileUUIDSD"]):
            self._by_file.pop(name, None)
            self.file_contents.pop(name, None)
        del self.media_files[media_file_id]

    def delete_shot(self, shot_id: str) -> None:
        """Delete a shot; its clips move to free shoot (``ShotId`` null)."""
        shot = self.shot(shot_id)
        for record in self.iter_project_media_files(shot["ProjectId"]):
            if record["ShotId"] == shot_id:
                record["ShotId"] = None
        self._shot_order[shot["ProjectId"]].remove(shot_id)
        del self.shots[shot_id]

    def delete_project(self, project_id: str) -> None:
        """Delete a project with its media files, shots, members and notifications."""
        self.project(project_id)
        for _, media_id in list(self._clips[project_id]):
            self.delete_media_file(media_id)
        for shot_id in list(self._shot_order[project_id]):
            del self.shots[shot_id]
        for notification in list(self.notifications.values()):
            if notification["ProjectId"] == project_id:
                del self.notifications[notification["id"]]
        del self._clips[project_id], self._shot_order[project_id], self._counts[project_id]
        del self.project_users[project_id], self.projects[project_id]

    def delete_team(self, team_id: str) -> None:
        """Delete a team with its projects, members and notifications."""
        self.team(team_id)
        for project in self.team_projects(team_id):
            self.delete_project(project["id"])
        for notification in list(self.notifications.values()):
            if notification["TeamId"] == team_id:
                del self.notifications[notification["id"]]
        del self.team_users[team_id], self.teams[team_id]

    def delete_notification(self, notification_id: str) -> None:
        """Delete a scheduled notification; raise a 404 for an unknown id."""
        self.notification(notification_id)
        del self.notifications[notification_id]

    def remove_team_user(self, team_id: str, user_id: str) -> None:
        """Remove the user from the team and its projects; 404 if not a member."""
        self.team(team_id)
        if self.team_users[team_id].pop(user_id, None) is None:
            raise not_found("user", user_id)
        for project in self.team_projects(team_id):
            self.project_users[project["id"]].pop(user_id, None)

    def remove_organization_user(self, organization_id: str, user_id: str) -> None:
        """Remove the user from the organization and all its teams; 404 if not a member."""
        self.organization(organization_id)
        found = self.organization_users[organization_id].pop(user_id, None) is not None
        for team in self.organization_teams(organization_id):
            if user_id in self.team_users[team["id"]]:
                self.remove_team_user(team["id"], user_id)
                found = True
        if not found:
            raise not_found("user", user_id)

    # Internals ----------------------------------------------------------------------

    def _count(self, record: dict[str, Any], delta: int) -> None:
        counts = self._counts.get(record["ProjectId"])
        if counts is None:
            return
        kind = "edits" if record["isEdit"] else "videos"
        status = record["status"]
        if status in counts[kind]:
            counts[kind][status] += delta

    @staticmethod
    def _get(table: dict[str, dict[str, Any]], kind: str, key: str) -> dict[str, Any]:
        record = table.get(key)
        if record is None:
            raise not_found(kind, key)
        return record
