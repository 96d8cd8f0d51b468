"""A real HTTP server on 127.0.0.1 for the watch tests (stdlib, one thread per request).

Each path maps to a handler function; helpers below build the usual ones,
including the failure cases (slow, trickling, endless, redirect loops).
"""

from __future__ import annotations

import gzip
import ssl
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

Route = Callable[[BaseHTTPRequestHandler], None]


class Site:
    """Routes, and a record of every request (hits and headers per path)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.headers: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.base = ""
        self.on_request: Callable[[str], None] | None = None

    def url(self, path: str) -> str:
        return self.base + path


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (stdlib name)
        site: Site = self.server.site  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0]
        site.hits[path] += 1
        site.headers[path].append(dict(self.headers))
        if site.on_request:
            site.on_request(path)
        route = site.routes.get(path)
        if route is None:
            send(self, 404, b"not here", "text/plain")
            return
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionResetError, BrokenPipeError):
            pass  # a client that hangs up is what the tests provoke

    def log_message(self, *args: object) -> None:
        pass


def send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(body)


def static(body: bytes | str, ctype: str = "application/rss+xml", *, etag: str | None = None,
           last_modified: str | None = None, gzipped: bool = False) -> Route:
    """A resource that honours If-None-Match / If-Modified-Since with 304."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    def route(h: BaseHTTPRequestHandler) -> None:
        if (etag and h.headers.get("If-None-Match") == etag) or (
                last_modified and h.headers.get("If-Modified-Since") == last_modified):
            h.send_response(304)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        extra = {}
        if etag:
            extra["ETag"] = etag
        if last_modified:
            extra["Last-Modified"] = last_modified
        out = data
        if gzipped:
            out = gzip.compress(data)
            extra["Content-Encoding"] = "gzip"
        send(h, 200, out, ctype, extra)

    return route


def status(code: int, headers: dict[str, str] | None = None) -> Route:
    return lambda h: send(h, code, f"status {code}".encode(), "text/plain", headers)


def redirect(location: str, code: int = 302) -> Route:
    return lambda h: send(h, code, b"", "text/plain", {"Location": location})


def slow(seconds: float) -> Route:
    """Answers nothing for ``seconds``."""

    def route(h: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        send(h, 200, b"<rss></rss>", "application/rss+xml")

    return route


def trickle(seconds: float, every: float = 0.05) -> Route:
    """Headers at once, then one byte every ``every`` seconds for ``seconds``."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            h.wfile.write(b" ")
            h.wfile.flush()
            time.sleep(every)

    return route


def endless(limit_bytes: int = 50_000_000) -> Route:
    """A body with no Content-Length that goes on (until ``limit_bytes`` or the client hangs up)."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Connection", "close")
        h.end_headers()
        chunk = b"<rss>" + b"x" * 65531
        sent = 0
        while sent < limit_bytes:
            h.wfile.write(chunk)
            sent += len(chunk)
        h.close_connection = True

    return route


def serve(tls: tuple[str, str] | None = None) -> tuple[Site, Callable[[], None]]:
    """Start a server on 127.0.0.1 (free port), HTTPS with ``tls=(certfile, keyfile)``;
    returns the site and a stop function."""
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.site = site  # type: ignore[attr-defined]
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    if tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(*tls)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
        site.base = f"https://localhost:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return site, stop


def http_date(year: int, month: int, day: int, hour: int = 10) -> str:
    return format_datetime(datetime(year, month, day, hour, tzinfo=timezone.utc), usegmt=True)


def rss(entries: list[dict[str, str]], *, title: str = "Test Wire") -> str:
    """An RSS 2.0 feed; each entry has link, title, summary and optionally content and date."""
    items = []
    for e in entries:
        content = f"<content:encoded>{escape(e['content'])}</content:encoded>" if e.get("content") else ""
        items.append(
            f"<item><title>{escape(e['title'])}</title><link>{escape(e['link'])}</link>"
            f"<guid>{escape(e['link'])}</guid><pubDate>{e.get('date', 'Mon, 06 Mar 2023 10:00:00 +0000')}</pubDate>"
            f"<description>{escape(e['summary'])}</description>{content}</item>"
        )
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{escape(title)}</title><link>http://example.org/</link><description>test</description>"
            + "".join(items) + "</channel></rss>")


def page(title: str, body: str) -> str:
    """An article page trafilatura can extract."""
    paras = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html><head><title>{escape(title)}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(title)}</h1>{paras}</article>"
            f"<footer>Copyright Test Wire</footer></body></html>")
