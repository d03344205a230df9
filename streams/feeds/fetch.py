"""Guarded HTTP GET for feeds and article pages.

A feed URL is user input that points our process at arbitrary hosts, and every redirect and every
article link inside a feed is chosen by a third party. So each request is held to:

* http(s) only, checked at every redirect hop (requests would happily follow to other schemes
  via adapters; we follow redirects ourselves so the count and the checks are ours);
* no private, loopback, link-local, reserved or multicast address unless the host is
  explicitly allow-listed. The host is resolved and checked before each hop, *and* the address
  the socket actually connected to is checked again, so DNS rebinding between the check and
  the connect does not get through;
* connect and read timeouts, plus a wall-clock deadline enforced by a watchdog that shuts the
  socket down: a read timeout alone never fires on a server that drips one byte a second;
* a body size cap, counted on the decoded bytes (a small gzip can inflate enormously);
* conditional GET with the stored ETag / Last-Modified, so an unchanged feed costs one 304.

Proxies and .netrc from the environment are ignored (trust_env=False): a proxy would make the
peer-address check meaningless.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"

Resolver = Callable[[str, int], list[str]]


class FetchError(Exception):
    """A fetch failed; `kind` is a short, stable label counted in the feed's status."""

    # Kinds (stable strings; the status table and tests use them).
    BAD_URL = "bad_url"
    BLOCKED = "blocked_address"
    DNS = "dns"
    CONNECT = "connect"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    REDIRECTS = "too_many_redirects"
    HTTP = "http_status"
    TLS = "tls"
    IO = "io"

    def __init__(
        self,
        kind: str,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.message = message
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class FetchLimits:
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = "claimwatch-feeds/0.1"


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status: int  # 200..299, or 304 (not modified)
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names
    redirects: int = 0
    elapsed: float = 0.0

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


# --------------------------------------------------------------------------- address guard


def blocked_reason(address: str) -> str | None:
    """Why `address` (an IP literal) must not be fetched, or None if it is a public address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        # ::ffff:127.0.0.1 and friends reach IPv4 hosts; judge the embedded address.
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            return blocked_reason(str(embedded))
        teredo = ip.teredo
        if teredo is not None:
            return blocked_reason(str(teredo[1]))
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"  # includes 169.254.169.254, the cloud metadata service
    if ip.is_multicast:
        return "multicast"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_private:
        return "private"
    if ip.is_reserved:
        return "reserved"
    if not ip.is_global:
        return "not globally routable"  # e.g. 100.64.0.0/10 carrier-grade NAT
    return None


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


@dataclass(frozen=True)
class AddressPolicy:
    """Which hosts may resolve to non-public addresses (exact host names, lower-case)."""

    allow_private_hosts: frozenset[str] = frozenset()

    def allows_private(self, host: str) -> bool:
        return host.lower().rstrip(".") in self.allow_private_hosts

    def check_address(self, host: str, address: str) -> None:
        if self.allows_private(host):
            return
        reason = blocked_reason(address)
        if reason is not None:
            raise FetchError(
                FetchError.BLOCKED,
                f"{host} resolves to {address} ({reason}); allow-list the feed to fetch it",
            )

    def check_host(self, host: str, port: int, resolver: Resolver) -> None:
        if self.allows_private(host):
            return
        try:
            addresses = resolver(host, port)
        except (socket.gaierror, UnicodeError, OSError) as err:
            raise FetchError(FetchError.DNS, f"cannot resolve {host}: {err}") from err
        if not addresses:
            raise FetchError(FetchError.DNS, f"{host} has no address")
        # Every address must pass: the connect may pick any of them.
        for address in addresses:
            self.check_address(host, address)


def check_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an absolute http(s) URL, else FetchError(bad_url)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as err:
        raise FetchError(FetchError.BAD_URL, f"{url!r}: {err}") from err
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(FetchError.BAD_URL, f"scheme {scheme or '(none)'!r} is not http(s)")
    if not parts.hostname:
        raise FetchError(FetchError.BAD_URL, f"{url!r} has no host")
    if parts.username or parts.password:
        # Credentials in a third-party URL are never something we want to send.
        raise FetchError(FetchError.BAD_URL, "URLs with credentials are refused")
    return scheme, parts.hostname.lower(), port or (443 if scheme == "https" else 80)


# --------------------------------------------------------------------------- requests plumbing


class _SocketRegistry:
    """Sockets opened for the request in flight, so the watchdog can shut them down."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._socks: list[socket.socket] = []
        self.expired = False

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._socks.append(sock)
            expired = self.expired
        if expired:
            _shutdown(sock)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            socks = list(self._socks)
        for sock in socks:
            _shutdown(sock)

    def reset(self) -> None:
        with self._lock:
            self._socks.clear()
            self.expired = False


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed, or detached by the TLS wrapper
        sock.shutdown(socket.SHUT_RDWR)


def _guarded_adapter(policy: AddressPolicy, registry: _SocketRegistry) -> HTTPAdapter:
    """An adapter whose connections re-check the peer address after connecting."""

    def _checked(conn: HTTPConnection, sock: socket.socket) -> socket.socket:
        registry.add(sock)
        try:
            peer = sock.getpeername()[0]
            policy.check_address(conn.host, str(peer))
        except BaseException:
            sock.close()
            raise
        return sock

    class GuardedHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return _checked(self, super()._new_conn())

    class GuardedHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return _checked(self, super()._new_conn())

        def connect(self) -> None:
            super().connect()
            if self.sock is not None:  # the TLS socket replaces the raw one
                registry.add(self.sock)

    class GuardedHTTPPool(HTTPConnectionPool):
        ConnectionCls = GuardedHTTPConnection

    class GuardedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = GuardedHTTPSConnection

    class GuardedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {
                "http": GuardedHTTPPool,
                "https": GuardedHTTPSPool,
            }

    return GuardedAdapter(max_retries=0)


def _is_timeout(err: BaseException) -> bool:
    """True if a timeout hides anywhere in the exception chain (requests wraps urllib3's)."""
    stack: list[BaseException] = [err]
    seen: set[int] = set()
    while stack:
        cur = stack.pop()
        if id(cur) in seen:
            continue
        seen.add(id(cur))
        if isinstance(cur, requests.exceptions.Timeout | urllib3.exceptions.TimeoutError):
            return True
        if isinstance(cur, TimeoutError):  # socket.timeout is an alias
            return True
        linked = [cur.__cause__, cur.__context__, getattr(cur, "reason", None), *cur.args]
        stack.extend(x for x in linked if isinstance(x, BaseException))
    return False


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class Fetcher:
    """One requests session with the guards above. Not thread-safe: use one per thread."""

    def __init__(
        self,
        limits: FetchLimits,
        *,
        allow_private_hosts: frozenset[str] | set[str] = frozenset(),
        resolver: Resolver = system_resolver,
    ) -> None:
        self.limits = limits
        self.policy = AddressPolicy(frozenset(h.lower() for h in allow_private_hosts))
        self._resolver = resolver
        self._registry = _SocketRegistry()
        self._session = requests.Session()
        self._session.trust_env = False
        self._adapter = _guarded_adapter(self.policy, self._registry)
        self._session.mount("http://", self._adapter)
        self._session.mount("https://", self._adapter)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _deadline(self, seconds: float) -> Iterator[_SocketRegistry]:
        self._registry.reset()
        timer = threading.Timer(seconds, self._registry.expire)
        timer.daemon = True
        timer.start()
        try:
            yield self._registry
        finally:
            timer.cancel()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = FEED_ACCEPT,
        max_bytes: int | None = None,
    ) -> FetchResult:
        limit = max_bytes if max_bytes is not None else self.limits.max_bytes
        headers = {
            "User-Agent": self.limits.user_agent,
            "Accept": accept,
            "Accept-Encoding": "gzip, deflate",
            # One request per connection: the watchdog must only ever kill this request's socket.
            "Connection": "close",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        start = time.monotonic()
        deadline = start + self.limits.total_timeout
        with self._deadline(self.limits.total_timeout) as registry:
            try:
                return self._follow(url, headers, limit, start, deadline)
            except FetchError:
                raise
            except Exception as err:
                if registry.expired or time.monotonic() >= deadline:
                    raise FetchError(
                        FetchError.TIMEOUT,
                        f"{url}: no complete response within {self.limits.total_timeout:g}s",
                    ) from err
                raise _translate(url, err) from err

    def _follow(
        self, url: str, headers: dict[str, str], limit: int, start: float, deadline: float
    ) -> FetchResult:
        current = url
        for hop in range(self.limits.max_redirects + 1):
            _, host, port = check_url(current)
            self.policy.check_host(host, port, self._resolver)
            remaining = max(0.1, deadline - time.monotonic())
            resp = self._session.get(
                current,
                headers=headers,
                stream=True,
                allow_redirects=False,
                timeout=(
                    min(self.limits.connect_timeout, remaining),
                    min(self.limits.read_timeout, remaining),
                ),
            )
            try:
                if resp.status_code in REDIRECT_STATUSES and resp.headers.get("location"):
                    current = urljoin(current, resp.headers["location"].strip())
                    continue
                lower = {k.lower(): v for k, v in resp.headers.items()}
                if resp.status_code == 304:
                    return FetchResult(url, current, 304, b"", lower, hop, time.monotonic() - start)
                if not 200 <= resp.status_code < 300:
                    raise FetchError(
                        FetchError.HTTP,
                        f"{current}: HTTP {resp.status_code}",
                        status=resp.status_code,
                        retry_after=_retry_after(lower.get("retry-after")),
                    )
                body = _read_capped(resp, limit, deadline, current)
                return FetchResult(url, current, resp.status_code, body, lower, hop, time.monotonic() - start)
            finally:
                resp.close()
                # Never reuse a connection: a pooled socket would escape the next request's
                # watchdog, and servers close after "Connection: close" anyway.
                self._adapter.poolmanager.clear()
        raise FetchError(FetchError.REDIRECTS, f"{url}: more than {self.limits.max_redirects} redirects")


def _read_capped(resp: requests.Response, limit: int, deadline: float, url: str) -> bytes:
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(FetchError.TOO_LARGE, f"{url}: Content-Length {declared} > {limit}")
    chunks: list[bytes] = []
    total = 0
    for chunk in resp.iter_content(chunk_size=65_536):
        total += len(chunk)
        if total > limit:
            raise FetchError(FetchError.TOO_LARGE, f"{url}: body exceeds {limit} bytes")
        if time.monotonic() > deadline:
            raise FetchError(FetchError.TIMEOUT, f"{url}: body not complete before the deadline")
        chunks.append(chunk)
    return b"".join(chunks)


def _translate(url: str, err: Exception) -> FetchError:
    if _is_timeout(err):
        return FetchError(FetchError.TIMEOUT, f"{url}: {err.__class__.__name__}")
    if isinstance(err, requests.exceptions.SSLError):
        return FetchError(FetchError.TLS, f"{url}: {err}")
    if isinstance(err, requests.exceptions.ConnectionError):
        return FetchError(FetchError.CONNECT, f"{url}: {err}")
    if isinstance(err, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return FetchError(FetchError.BAD_URL, f"{url}: {err}")
    return FetchError(FetchError.IO, f"{url}: {err.__class__.__name__}: {err}")
