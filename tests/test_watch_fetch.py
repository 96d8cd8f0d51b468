"""The guarded HTTP GET of crosswire watch, against a real server on 127.0.0.1."""

from __future__ import annotations

import gzip
import time

import pytest

from crosswire.watch import fetch as fetch_mod
from crosswire.watch.fetch import FetchError, FetchPolicy, address_problem, fetch

from .watch_server import endless, http_date, redirect, serve, slow, static, status, trickle

LOCAL = FetchPolicy(timeout=0.5, deadline=2.0, max_bytes=100_000, max_redirects=3, allow_private=True)


@pytest.fixture
def site():
    s, stop = serve()
    yield s
    stop()


def test_get_and_conditional_get(site):
    lm = http_date(2023, 3, 6)
    site.routes["/feed"] = static("<rss>one</rss>", etag='"v1"', last_modified=lm)
    first = fetch(site.url("/feed"), policy=LOCAL)
    assert (first.status, first.body, first.etag, first.last_modified) == (200, b"<rss>one</rss>", '"v1"', lm)
    again = fetch(site.url("/feed"), policy=LOCAL, etag=first.etag, last_modified=first.last_modified)
    assert again.status == 304 and again.body == b"" and again.etag == '"v1"'
    sent = site.headers["/feed"][-1]
    assert sent["If-None-Match"] == '"v1"' and sent["If-Modified-Since"] == lm


def test_gzip_body_is_decoded_and_capped(site):
    site.routes["/gz"] = static("<rss>" + "a" * 5000 + "</rss>", gzipped=True)
    assert fetch(site.url("/gz"), policy=LOCAL).body.startswith(b"<rss>aaaa")
    # 10 MB of zeros compress to ~10 KB: the cap applies to what it inflates to
    site.routes["/bomb"] = lambda h: _raw(h, gzip.compress(b"\0" * 10_000_000), {"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="too large"):
        fetch(site.url("/bomb"), policy=LOCAL)


def _raw(h, body: bytes, headers: dict[str, str]) -> None:
    from .watch_server import send

    send(h, 200, body, "application/rss+xml", headers)


def test_redirects_are_followed_and_loops_stopped(site):
    site.routes["/old"] = redirect("/new", 301)
    site.routes["/new"] = static("<rss>moved</rss>")
    r = fetch(site.url("/old"), policy=LOCAL)
    assert r.body == b"<rss>moved</rss>" and r.url == site.url("/new")

    site.routes["/a"] = redirect("/b")
    site.routes["/b"] = redirect("/a")
    with pytest.raises(FetchError, match="redirect loop"):
        fetch(site.url("/a"), policy=LOCAL)
    for i in range(6):
        site.routes[f"/r{i}"] = redirect(f"/r{i + 1}")
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(site.url("/r0"), policy=LOCAL)
    assert site.hits["/r4"] == 0  # gave up after max_redirects hops


def test_http_errors_carry_status_and_retry_after(site):
    site.routes["/gone"] = status(410)
    with pytest.raises(FetchError, match="HTTP 410"):
        fetch(site.url("/gone"), policy=LOCAL)
    site.routes["/busy"] = status(503, {"Retry-After": "120"})
    with pytest.raises(FetchError) as info:
        fetch(site.url("/busy"), policy=LOCAL)
    assert info.value.retry_after == 120.0
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(site.url("/nothing"), policy=LOCAL)


def test_slow_trickling_and_gigantic_responses_are_cut_off(site):
    site.routes["/slow"] = slow(2.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(site.url("/slow"), policy=LOCAL)
    assert time.monotonic() - started < 1.5

    site.routes["/trickle"] = trickle(4.0)  # every byte within the time-out, the whole far beyond the deadline
    started = time.monotonic()
    with pytest.raises(FetchError, match="too slow"):
        fetch(site.url("/trickle"), policy=LOCAL)
    assert time.monotonic() - started < 3.0

    site.routes["/announced"] = lambda h: _announce_huge(h)
    with pytest.raises(FetchError, match="too large .*announced"):
        fetch(site.url("/announced"), policy=LOCAL)
    site.routes["/endless"] = endless()
    with pytest.raises(FetchError, match=r"too large \(over 0.1 MB\)"):
        fetch(site.url("/endless"), policy=LOCAL)


def _announce_huge(h) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", str(10**10))
    h.end_headers()
    h.wfile.write(b"<rss>")


@pytest.mark.parametrize("ip, problem", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.10", "private"),
    ("172.16.5.5", "private"), ("169.254.169.254", "private"), ("100.64.0.1", "private"), ("fc00::1", "private"),
    ("fe80::1%eth0", "private"), ("::ffff:127.0.0.1", "loopback"), ("0.0.0.0", "unspecified"),
    ("224.0.0.1", "multicast"), ("93.184.216.34", None), ("2606:4700::6810:85e5", None),
])
def test_address_guard(ip, problem):
    found = address_problem(ip, allow_private=False)
    assert (found is None) if problem is None else (problem in found)
    allowed = address_problem(ip, allow_private=True)
    # the flag opens private and loopback ranges, never multicast or 0.0.0.0
    assert (allowed is None) == (problem not in ("unspecified", "multicast"))


def test_loopback_only_with_the_flag(site):
    site.routes["/feed"] = static("<rss>x</rss>")
    strict = FetchPolicy(timeout=0.5, deadline=2.0, allow_private=False)
    with pytest.raises(FetchError, match="refused: 127.0.0.1 resolves to 127.0.0.1, a loopback"):
        fetch(site.url("/feed"), policy=strict)
    with pytest.raises(FetchError, match="refused: localhost resolves to"):
        fetch(site.url("/feed").replace("127.0.0.1", "localhost"), policy=strict)
    assert site.hits["/feed"] == 0
    assert fetch(site.url("/feed").replace("127.0.0.1", "localhost"), policy=LOCAL).body == b"<rss>x</rss>"


def test_every_resolved_address_is_checked(site):
    site.routes["/feed"] = static("<rss>x</rss>")
    port = site.base.rsplit(":", 1)[1]
    strict = FetchPolicy(timeout=0.5, deadline=2.0, allow_private=False)
    # a public first address does not excuse a private second one
    with pytest.raises(FetchError, match="resolves to 10.0.0.7, a private"):
        fetch(f"http://mixed.test:{port}/feed", policy=strict, resolver=lambda h, p: ["93.184.216.34", "10.0.0.7"])


def test_every_redirect_hop_is_checked(site, monkeypatch):
    """Let 127.0.0.1 (our test server) pass as if it were public; the hop it redirects to must still be checked."""
    real = fetch_mod.address_problem
    monkeypatch.setattr(fetch_mod, "address_problem",
                        lambda ip, *, allow_private: None if ip == "127.0.0.1" else real(ip, allow_private=allow_private))
    port = site.base.rsplit(":", 1)[1]
    names = {"public.test": ["127.0.0.1"], "intranet.test": ["192.168.1.20"], "meta.test": ["169.254.169.254"]}
    resolver = lambda host, p: names.get(host, ["127.0.0.1"])  # noqa: E731
    strict = FetchPolicy(timeout=0.5, deadline=2.0, allow_private=False)
    site.routes["/ok"] = static("<rss>ok</rss>")
    site.routes["/to-intranet"] = redirect(f"http://intranet.test:{port}/ok")
    site.routes["/to-metadata"] = redirect("http://meta.test/latest/meta-data/")
    site.routes["/to-file"] = redirect("file:///etc/passwd")
    assert fetch(f"http://public.test:{port}/ok", policy=strict, resolver=resolver).body == b"<rss>ok</rss>"
    with pytest.raises(FetchError, match="intranet.test resolves to 192.168.1.20"):
        fetch(f"http://public.test:{port}/to-intranet", policy=strict, resolver=resolver)
    with pytest.raises(FetchError, match="meta.test resolves to 169.254.169.254"):
        fetch(f"http://public.test:{port}/to-metadata", policy=strict, resolver=resolver)
    with pytest.raises(FetchError, match="only http and https"):
        fetch(f"http://public.test:{port}/to-file", policy=strict, resolver=resolver)
    assert site.hits["/ok"] == 1  # only the direct request reached it


def test_unresolvable_host_and_refused_connection():
    with pytest.raises(FetchError, match="cannot resolve host"):
        fetch("http://no-such-host.invalid/feed", policy=LOCAL)
    with pytest.raises(FetchError, match="connection failed"):
        # port 9 (discard) on loopback: nothing listens there in the test environment
        fetch("http://127.0.0.1:9/feed", policy=LOCAL)


@pytest.fixture
def tls_site(tmp_path):
    import shutil
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("openssl is not available to make a test certificate")
    cert, key = str(tmp_path / "cert.pem"), str(tmp_path / "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
                   check=True, capture_output=True)
    s, stop = serve(tls=(cert, key))
    s.cert = cert
    yield s
    stop()


def test_https_verifies_the_certificate_for_the_host_name(tls_site, monkeypatch):
    import ssl

    tls_site.routes["/feed"] = static("<rss>secure</rss>")
    with pytest.raises(FetchError, match="TLS error .*CERTIFICATE_VERIFY_FAILED"):
        fetch(tls_site.url("/feed"), policy=LOCAL)  # self-signed: not trusted
    trusting = ssl.create_default_context(cafile=tls_site.cert)
    monkeypatch.setattr(fetch_mod.ssl, "create_default_context", lambda: trusting)
    # connected to the checked address 127.0.0.1, verified as "localhost" (SNI and certificate name)
    assert fetch(tls_site.url("/feed"), policy=LOCAL).body == b"<rss>secure</rss>"
    with pytest.raises(FetchError, match="TLS error"):  # the certificate is not for 127.0.0.1
        fetch(tls_site.url("/feed").replace("localhost", "127.0.0.1"), policy=LOCAL)
