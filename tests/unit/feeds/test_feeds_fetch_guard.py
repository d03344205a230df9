"""The fetcher's address and URL guards, without any network I/O."""

import pytest

from streams.feeds.fetch import (
    AddressPolicy,
    Fetcher,
    FetchError,
    FetchLimits,
    blocked_reason,
    check_url,
)


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.5", "private"),
        ("172.16.3.4", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata service
        ("fe80::1%eth0", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", None),  # reserved (Python files 240/4 under "private" too)
        ("100.64.0.1", "not globally routable"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
        ("not-an-ip", "not an IP address"),
    ],
)
def test_non_public_addresses_are_blocked(address: str, reason: str | None) -> None:
    found = blocked_reason(address)
    assert found is not None
    if reason is not None:
        assert found == reason


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert blocked_reason(address) is None


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/feed",
        "gopher://example.org/",
        "javascript:alert(1)",
        "http:///no-host",
        "https://user:pw@example.org/feed",
        "http://example.org:99999/",
    ],
)
def test_only_plain_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError) as err:
        check_url(url)
    assert err.value.kind == "bad_url"


def test_check_url_defaults_ports() -> None:
    assert check_url("https://Example.org/x") == ("https", "example.org", 443)
    assert check_url("http://example.org:8080/x") == ("http", "example.org", 8080)


def test_policy_checks_every_resolved_address() -> None:
    policy = AddressPolicy()
    with pytest.raises(FetchError) as err:
        policy.check_host("mixed.example", 443, lambda h, p: ["93.184.216.34", "10.0.0.7"])
    assert err.value.kind == "blocked_address" and "10.0.0.7" in err.value.message
    policy.check_host("public.example", 443, lambda h, p: ["93.184.216.34"])


def test_policy_allow_list_is_by_exact_host() -> None:
    policy = AddressPolicy(frozenset({"intranet.example"}))
    policy.check_host("intranet.example", 80, lambda h, p: ["10.0.0.7"])
    policy.check_host("INTRANET.example.", 80, lambda h, p: ["10.0.0.7"])
    with pytest.raises(FetchError):
        policy.check_host("other.example", 80, lambda h, p: ["10.0.0.7"])


def test_resolution_failure_is_a_dns_error() -> None:
    def broken(host: str, port: int) -> list[str]:
        raise OSError("no such host")

    with pytest.raises(FetchError) as err:
        AddressPolicy().check_host("nowhere.invalid", 80, broken)
    assert err.value.kind == "dns"


def test_fetcher_refuses_before_connecting() -> None:
    """Refused from the resolver's answer alone: no socket is ever opened."""
    resolved: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        resolved.append(host)
        return ["192.168.0.10"]

    with Fetcher(FetchLimits(), resolver=resolver) as fetcher:
        with pytest.raises(FetchError) as err:
            fetcher.get("http://router.example/feed.xml")
        assert err.value.kind == "blocked_address"
        with pytest.raises(FetchError) as err:
            fetcher.get("file:///etc/passwd")
        assert err.value.kind == "bad_url"
    assert resolved == ["router.example"]
