"""One guarded HTTP GET: conditional headers, time-outs, a size cap, redirects
followed by hand (each hop checked), and no private or loopback addresses unless
allowed.

Every address a host name resolves to is checked, and the connection goes to
one of those checked addresses (never a second lookup), so a name cannot pass
the check and then resolve elsewhere.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from ..settings import DEFAULT_SETTINGS, Settings

_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 1 << 16
#: what quote() leaves alone in a request target: reserved characters and escapes
_SAFE_TARGET = "/%:@!$&'()*+,;=?~-._[]"

#: ``resolve(host, port)`` → every IP address of ``host``
Resolver = Callable[[str, int], list[str]]


class FetchError(Exception):
    """A request that gave no usable response; ``str()`` is the one-line reason."""

    def __init__(self, reason: str, *, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of every request."""

    timeout: float = DEFAULT_SETTINGS.watch_timeout_seconds
    deadline: float = DEFAULT_SETTINGS.watch_deadline_seconds
    max_bytes: int = DEFAULT_SETTINGS.watch_max_response_bytes
    max_redirects: int = DEFAULT_SETTINGS.watch_max_redirects
    allow_private: bool = False
    user_agent: str = DEFAULT_SETTINGS.watch_user_agent

    @classmethod
    def from_settings(cls, settings: Settings, *, allow_private: bool = False) -> FetchPolicy:
        return cls(timeout=settings.watch_timeout_seconds, deadline=settings.watch_deadline_seconds,
                   max_bytes=settings.watch_max_response_bytes, max_redirects=settings.watch_max_redirects,
                   allow_private=allow_private, user_agent=settings.watch_user_agent)


@dataclass(frozen=True)
class Response:
    """A ``200`` (with body) or ``304`` (not modified) response."""

    url: str
    """The URL after redirects."""
    status: int
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, in the resolver's order, without repeats."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host} ({exc})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_problem(ip: str, *, allow_private: bool) -> str | None:
    """Why a connection to ``ip`` is refused, or None when it is allowed."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])  # drop an IPv6 zone
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if addr.is_multicast or addr.is_unspecified:
        return "a multicast or unspecified address"
    if allow_private:
        return None
    if addr.is_loopback:
        return "a loopback address"
    if not addr.is_global:
        return "a private or reserved address"
    return None


class _PinnedConnection(http.client.HTTPConnection):
    """HTTP(S) to already-checked addresses; the host name is only used for Host and TLS."""

    def __init__(self, host: str, port: int, addrs: list[str], timeout: float, tls: ssl.SSLContext | None) -> None:
        super().__init__(host, port, timeout=timeout)
        self.default_port = 443 if tls else 80  # so that Host carries no needless port
        self._addrs = addrs
        self._tls = tls
        self.raw: socket.socket | None = None  # kept: http.client drops self.sock before the body is read

    def connect(self) -> None:
        error: OSError | None = None
        for ip in self._addrs:
            try:
                sock = socket.create_connection((ip, self.port), self.timeout)
                break
            except OSError as exc:
                error = exc
        else:
            raise error or OSError("no address to connect to")
        if self._tls is not None:
            sock = self._tls.wrap_socket(sock, server_hostname=self.host)
        self.sock = self.raw = sock


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, OverflowError):
        return None


def _target(url: str) -> str:
    parts = urlsplit(url)
    return quote(urlunsplit(("", "", parts.path or "/", parts.query, "")), safe=_SAFE_TARGET)


def _mb(n: int) -> str:
    return f"{n / 1_000_000:g} MB"


def _read_body(resp: http.client.HTTPResponse, conn: _PinnedConnection, policy: FetchPolicy, deadline: float) -> bytes:
    """The body, decompressed, refused as soon as it passes ``max_bytes`` or the deadline."""
    limit = policy.max_bytes
    length = resp.getheader("Content-Length")
    if length and length.strip().isdigit() and int(length) > limit:
        raise FetchError(f"response too large ({_mb(int(length))} announced, limit {_mb(limit)})")
    encoding = (resp.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    elif encoding == "identity":
        decoder = None
    else:
        raise FetchError(f"unsupported Content-Encoding {encoding!r}")
    chunks: list[bytes] = []
    total = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(f"too slow: no complete response within {policy.deadline:g} s")
        if conn.raw is not None:
            conn.raw.settimeout(min(policy.timeout, left))
        data = resp.read1(_CHUNK)  # read1: a trickling server cannot hold one call past the deadline
        if not data:
            break
        if decoder is not None:
            try:
                data = decoder.decompress(data, limit + 1 - total)
            except zlib.error as exc:
                raise FetchError(f"corrupt {encoding} response ({exc})") from None
        total += len(data)
        if total > limit:
            raise FetchError(f"response too large (over {_mb(limit)})")
        chunks.append(data)
    return b"".join(chunks)


def fetch(
    url: str,
    *,
    policy: FetchPolicy = FetchPolicy(),
    etag: str | None = None,
    last_modified: str | None = None,
    resolver: Resolver = resolve,
) -> Response:
    """GET ``url``; a ``304`` when ``etag``/``last_modified`` still hold. Raises ``FetchError``."""
    deadline = time.monotonic() + policy.deadline
    visited: list[str] = []
    current = url
    headers = {"User-Agent": policy.user_agent, "Accept-Encoding": "gzip",
               "Accept": "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    for _hop in range(policy.max_redirects + 1):
        parts = urlsplit(current)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"refused: only http and https URLs are fetched, not {current!r}")
        host = parts.hostname
        if not host:
            raise FetchError(f"URL has no host: {current!r}")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError:
            raise FetchError(f"bad port in {current!r}") from None
        addrs = resolver(host, port)
        if not addrs:
            raise FetchError(f"cannot resolve host {host} (no address)")
        for ip in addrs:
            problem = address_problem(ip, allow_private=policy.allow_private)
            if problem:
                raise FetchError(f"refused: {host} resolves to {ip}, {problem} (allowed only with --allow-private)")
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(f"too slow: no complete response within {policy.deadline:g} s")
        tls = ssl.create_default_context() if scheme == "https" else None
        conn = _PinnedConnection(host, port, addrs, min(policy.timeout, left), tls)
        try:
            conn.request("GET", _target(current), headers=headers)
            resp = conn.getresponse()
            if resp.status in _REDIRECTS:
                location = resp.getheader("Location")
                if not location:
                    raise FetchError(f"HTTP {resp.status} redirect without a Location")
                visited.append(current)
                current = urljoin(current, location.strip()).split("#", 1)[0]
                if current in visited:
                    raise FetchError(f"redirect loop ({' → '.join(visited[visited.index(current):] + [current])})")
                continue
            if resp.status == 304:
                return Response(url=current, status=304, body=b"", etag=resp.getheader("ETag") or etag,
                                last_modified=resp.getheader("Last-Modified") or last_modified)
            if not 200 <= resp.status < 300:
                raise FetchError(f"HTTP {resp.status} {resp.reason}".strip(),
                                 retry_after=_retry_after(resp.getheader("Retry-After")) if resp.status in (429, 503) else None)
            body = _read_body(resp, conn, policy, deadline)
            return Response(url=current, status=200, body=body, etag=resp.getheader("ETag"),
                            last_modified=resp.getheader("Last-Modified"), content_type=resp.getheader("Content-Type"))
        except (TimeoutError, socket.timeout):
            if time.monotonic() >= deadline - 0.05:  # the wait was cut to what was left of the deadline
                raise FetchError(f"too slow: no complete response within {policy.deadline:g} s") from None
            raise FetchError(f"timed out (no answer within {policy.timeout:g} s)") from None
        except ssl.SSLError as exc:
            raise FetchError(f"TLS error ({exc.reason or exc})") from None
        except http.client.IncompleteRead as exc:
            raise FetchError(f"response cut short ({len(exc.partial)} bytes read)") from None
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"connection failed ({type(exc).__name__}: {exc})".replace(": )", ")")) from None
        finally:
            conn.close()
    raise FetchError(f"too many redirects (more than {policy.max_redirects})")
