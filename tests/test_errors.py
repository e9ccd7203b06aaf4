"""The exception hierarchy and its messages."""

from __future__ import annotations

import pickle

import pytest

from cinebody_async import errors


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (406, errors.InvalidParametersError),
        (410, errors.GoneError),
        (420, errors.RateLimitError),
        (429, errors.RateLimitError),
        (500, errors.ServerError),
        (502, errors.ServerError),
        (504, errors.ServerError),
        (418, errors.APIError),
        (401, errors.APIError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[errors.APIError]) -> None:
    assert errors.error_class_for_status(status) is cls


def test_api_error_message_names_operation_code_and_reason() -> None:
    error = errors.NotFoundError(
        status=404,
        method="GET",
        url="https://app-api.cinebody.com/app/3.0/projects/abc",
        path="/app/3.0/projects/abc",
        code="PROJECT_NOT_FOUND",
        reason="The project was not found",
    )

    assert (
        str(error) == "GET /app/3.0/projects/abc: 404 PROJECT_NOT_FOUND: The project was not found"
    )


def test_parameter_error_names_parameter() -> None:
    error = errors.ParameterError("project_id", "must not be empty")

    assert error.parameter == "project_id"
    assert "project_id" in str(error)
    assert isinstance(error, ValueError)


@pytest.mark.parametrize(
    "error",
    [
        errors.ParameterError("project_id", "must not be empty"),
        errors.NotFoundError(status=404, method="GET", url="u", path="/p", code="NOT_FOUND"),
        errors.RateLimitError(status=429, method="GET", url="u", path="/p", retry_after=3.0),
        errors.ConnectError("GET /p: refused", method="GET", url="u", request_sent=False),
        errors.ModelValidationError("MediaFile", "fileSize", "expected a number"),
    ],
)
def test_errors_survive_pickling(error: errors.CinebodyError) -> None:
    error.page = 3
    error.add_note("while fetching page 3")

    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.__dict__ == error.__dict__
