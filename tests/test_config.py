"""Client settings: where the key and the address come from, and what is refused."""

from __future__ import annotations

import pytest

from cinebody_async import (
    PRODUCTION_URL,
    STAGING_URL,
    CinebodyClient,
    ConfigurationError,
    RateLimit,
    Retry,
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CINEBODY_API_KEY", raising=False)
    monkeypatch.delenv("CINEBODY_BASE_URL", raising=False)


def test_missing_key_names_both_ways_to_set_it() -> None:
    with pytest.raises(ConfigurationError) as caught:
        CinebodyClient()

    message = str(caught.value)
    assert "missing" in message
    assert "api_key=" in message
    assert "CINEBODY_API_KEY" in message


@pytest.mark.parametrize("key", ["", "   "])
def test_blank_key_is_refused(key: str) -> None:
    with pytest.raises(ConfigurationError, match="blank"):
        CinebodyClient(key)


def test_key_and_base_url_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CINEBODY_API_KEY", "env-key-0123456789")
    monkeypatch.setenv("CINEBODY_BASE_URL", STAGING_URL + "/")

    cb = CinebodyClient()

    assert cb.config.api_key == "env-key-0123456789"
    assert cb.config.base_url == STAGING_URL


def test_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CINEBODY_API_KEY", "env-key")
    monkeypatch.setenv("CINEBODY_BASE_URL", STAGING_URL)

    cb = CinebodyClient("arg-key", base_url="https://other.example.test")

    assert cb.config.api_key == "arg-key"
    assert cb.config.base_url == "https://other.example.test"


def test_production_is_the_default_address() -> None:
    assert CinebodyClient("k").config.base_url == PRODUCTION_URL == "https://app-api.cinebody.com"


@pytest.mark.parametrize(
    "url",
    [
        "http://api.example.test",
        "http://10.0.0.5:8080",
        "ftp://x.test",
        "nohost",
        "https://x.test/?a=1",
    ],
)
def test_refused_base_urls(url: str) -> None:
    with pytest.raises(ConfigurationError, match="base_url"):
        CinebodyClient("k", base_url=url)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:80", "http://127.3.2.1"]
)
def test_plain_http_is_accepted_for_loopback(url: str) -> None:
    assert CinebodyClient("k", base_url=url).config.base_url == url


def test_turning_features_off_takes_an_explicit_value() -> None:
    default = CinebodyClient("k").config
    off = CinebodyClient("k", retry=False, rate_limit=False).config

    assert default.retry == Retry()
    assert default.rate_limit == RateLimit()
    assert off.retry.max_retries == 0
    assert off.rate_limit is None


def test_number_forms_of_settings() -> None:
    config = CinebodyClient("k", retry=7, rate_limit=20, timeout=3).config

    assert config.retry.max_retries == 7
    assert config.rate_limit == RateLimit(rate=20, burst=10)
    assert (config.timeout.connect, config.timeout.read) == (3, 3)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"timeout": -1},
        {"retry": -1},
        {"rate_limit": 0},
        {"timeout": "5"},
        {"connection_limit": -1},
    ],
)
def test_invalid_settings_are_configuration_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError):
        CinebodyClient("k", **kwargs)  # type: ignore[arg-type]


def test_user_agent_prefix() -> None:
    agent = CinebodyClient("k", user_agent="acme-sync/2.1").config.user_agent

    assert agent.startswith("acme-sync/2.1 cinebody-python/")
