"""Organizations: the top of the hierarchy, owner of teams and of the subscription."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import attrs

from cinebody_async.models._base import Model
from cinebody_async.models.enums import OrganizationStatus, OrganizationStorageStatus
from cinebody_async.models.images import HeroImages, OrganizationProfileImages

__all__ = ["Address", "Organization", "OrganizationFeatures"]


@attrs.frozen(kw_only=True, repr=False)
class Address(Model):
    """A postal address. The API declares these fields but does not use them yet."""

    address_name: str | None = None
    address_line1: str | None = None
    address_line2: str | None = None
    address_city: str | None = None
    address_state: str | None = None
    address_zip: str | None = None
    address_country: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class OrganizationFeatures(Model):
    """The features switched on or off for an organization."""

    is_chat_disabled: bool | None = None
    is_legal_enabled: bool | None = None
    is_image_media_enabled: bool | None = None


@attrs.frozen(kw_only=True, repr=False)
class Organization(Address):
    """An organization; its address fields sit beside the others, as on the wire.

    ``locked_clips_at`` is set when storage limits or a lapsed subscription locked its
    clips; ``end_free_trial_at`` may lie in the past.
    """

    _repr_fields: ClassVar[tuple[str, ...] | None] = ("id", "name", "status")

    id: str | None = None
    name: str | None = None
    status: OrganizationStatus | None = None
    storage_status: OrganizationStorageStatus | None = None
    profile_images: OrganizationProfileImages | None = None
    hero_images: HeroImages | None = None
    is_billed_offline: bool | None = None
    locked_clips_at: datetime | None = None
    end_free_trial_at: datetime | None = None
    should_auto_upgrade: bool | None = None
    is_locked: bool | None = None
    features: OrganizationFeatures | None = None
