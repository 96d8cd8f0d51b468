"""The FastAPI application: shared state, access control, errors, timing.

``create_app(db_path)`` opens (and migrates) the store once, then every worker thread
reads through its own connection (SQLite's WAL, or PostgreSQL, lets readers run beside
the writer) and writes go through one :class:`~crosswire.serve.writes.Writer`.
"""

from __future__ import annotations

import hmac
import threading
import time
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..store import Store, open_store
from .config import DEFAULT_SERVE, ServeSettings
from .views import FigureTables
from .writes import BadRequest, Writer

HERE = Path(__file__).resolve().parent
KEY_COOKIE = "crosswire_key"


class Stores:
    """One store connection per thread, all on the same database."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.path)
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for s in self._all:
                s.close()
            self._all.clear()


class ThreadStore:
    """Stands for the store connection of whichever thread calls it.

    FastAPI may resolve a dependency on one worker thread and run the handler on
    another; looking the connection up at each call keeps every connection on one thread.
    """

    def __init__(self, stores: Stores) -> None:
        self._stores = stores

    def __getattr__(self, name: str) -> object:
        return getattr(self._stores.get(), name)


class ListCache:
    """Answers of the story list, kept until the database changes.

    ``store.data_version()`` (SQLite's ``PRAGMA data_version``, PostgreSQL's snapshot) changes
    when any other connection commits, so entries are kept per worker thread (each thread
    reads through its own connection) and checked against that connection's version.
    """

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self._local = threading.local()

    def get(self, store: Store, key: tuple) -> bytes | None:
        version = store.data_version()
        cache = getattr(self._local, "cache", None)
        if cache is None or self._local.version != version:
            cache = self._local.cache = {}
            self._local.version = version
        return cache.get(key)

    def put(self, key: tuple, body: bytes) -> None:
        cache = self._local.cache
        if len(cache) >= self.entries:
            cache.clear()
        cache[key] = body


class State:
    """What every request shares."""

    def __init__(self, db_path: str, api_key: str | None, lock_reads: bool, settings: ServeSettings) -> None:
        self.settings = settings
        self.api_key = api_key or None
        self.lock_reads = lock_reads
        self.stores = Stores(db_path)
        self.stores.get()  # open and migrate now, so a bad database fails at start-up
        self.reader = ThreadStore(self.stores)
        self.writer_store = open_store(db_path)
        self._writer: Writer | None = None
        self._writer_lock = threading.Lock()
        self.tables = FigureTables()
        self.lists = ListCache(settings.list_cache_entries) if settings.list_cache else None

    @property
    def writer(self) -> Writer:
        with self._writer_lock:
            if self._writer is None:  # models load on the first write only
                self._writer = Writer(self.writer_store)
            return self._writer

    def key_ok(self, request: Request, *, browser: bool = True) -> bool:
        """Whether the request carries the API key: as a header, or (``browser``, reads
        only) as ``?key=`` or the cookie the pages set from it."""
        given = request.headers.get("x-api-key") or ""
        auth = request.headers.get("authorization") or ""
        if not given and auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if browser:  # a browser cannot send headers: ?key= once, then a cookie
            given = given or request.query_params.get("key") or request.cookies.get(KEY_COOKIE, "")
        return bool(self.api_key) and hmac.compare_digest(given.encode(), str(self.api_key).encode())

    def close(self) -> None:
        self.stores.close()
        self.writer_store.close()


def state(request: Request) -> State:
    return request.app.state.crosswire


async def store(request: Request) -> Store:
    """The store, read through the calling thread's connection (a FastAPI dependency;
    async, like the others here, so resolving it costs no hop to the thread pool)."""
    return state(request).reader  # type: ignore[return-value]


async def require_read(request: Request) -> None:
    """Reads are open unless the server locks them; then they need the API key."""
    st = state(request)
    if st.lock_reads and not st.key_ok(request):
        raise HTTPException(401, "this server needs an API key for reads (X-API-Key header, or ?key= once in a browser)")


async def require_write(request: Request) -> None:
    """Writes always need the API key."""
    st = state(request)
    if not st.api_key:
        raise HTTPException(403, "writes are disabled: start the server with CROSSWIRE_API_KEY set or --key-file")
    if not st.key_ok(request, browser=False):  # never from a cookie: no cross-site writes
        raise HTTPException(401, "missing or wrong API key (send it as X-API-Key or Authorization: Bearer)")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    from .pages import error_page  # late: pages imports this module

    return error_page(request, status, message)


class Guard:
    """Pure ASGI middleware: refuses bodies declared too large before they are read, and
    adds a ``Server-Timing`` header with the time the app took (used by bench/serve.py)."""

    def __init__(self, app: ASGIApp, *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            request = Request(scope)
            await _error(request, 413, f"request body too large (at most {self.max_body:,} bytes)")(scope, receive, send)
            return
        started = time.perf_counter()

        async def timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = (time.perf_counter() - started) * 1000
                message = {**message, "headers": [*message.get("headers", []),
                                                  (b"server-timing", f"app;dur={took:.1f}".encode())]}
            await send(message)

        await self.app(scope, receive, timed)


def create_app(db_path: str | Path, *, api_key: str | None = None, lock_reads: bool = False,
               settings: ServeSettings = DEFAULT_SERVE) -> FastAPI:
    """The web app and HTTP API over the store at ``db_path``.

    ``api_key`` enables writes (``POST /api/articles``); ``lock_reads`` makes every page
    and read endpoint need it too.
    """
    if lock_reads and not api_key:
        raise ValueError("locking reads needs an API key")
    shared = State(str(db_path), api_key, lock_reads, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        shared.close()

    app = FastAPI(title="crosswire", version=__version__, lifespan=lifespan, docs_url=None,
                  description="Stories across languages and sources, their figures and who reports them.")
    app.state.crosswire = shared

    app.add_middleware(Guard, max_body=settings.max_body_bytes)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest) -> Response:
        return _error(request, exc.status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors()[:3]:
            loc = ".".join(str(x) for x in e["loc"] if x not in ("query", "path", "body"))
            parts.append(f"{loc}: {e['msg']}")
        return _error(request, 422, "; ".join(parts) or "invalid request")

    from .api import router as api_router
    from .pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    # the API explorer from the swagger-ui-bundle package: FastAPI's default loads it from a CDN,
    # which leaves /docs blank on an offline machine
    from fastapi.openapi.docs import get_swagger_ui_html
    from swagger_ui_bundle import swagger_ui_path

    @app.get("/docs", include_in_schema=False)
    async def docs() -> Response:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="crosswire API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger/favicon-32x32.png")

    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app

