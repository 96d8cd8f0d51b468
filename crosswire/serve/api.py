"""The JSON API under /api: stories, figures, articles, search, live updates, ingest."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from ..store import BaseStore
from . import views
from .app import require_read, require_write, state, store
from .config import DEFAULT_SERVE
from .writes import ArticleIn, BadRequest, parse_batch

router = APIRouter(prefix="/api", tags=["api"])

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=DEFAULT_SERVE.max_page_size, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Store = Annotated[BaseStore, Depends(store)]


async def story_filters(
    since: Annotated[str | None, Query(pattern=DATE, description="Active on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="Started on or before (YYYY[-MM[-DD]]).")] = None,
    lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$", description="With articles in this language.")] = None,
    source: Annotated[str | None, Query(max_length=200, description="With an article from this source.")] = None,
    q: Annotated[str | None, Query(max_length=500, description="With an article whose title or text matches.")] = None,
    active: Annotated[bool, Query(description="Hide dormant stories.")] = False,
) -> JSONResponse:
    """The story-list filters shared by the API and the stories page (empty ones dropped)."""
    return {"since": since or None, "until": until or None, "lang": lang or None,
            "source": (source or "").strip() or None, "text": (q or "").strip() or None, "active_only": active}


Filters = Annotated[dict, Depends(story_filters)]
Sort = Annotated[Literal["recent", "size"], Query(description="recent: last seen first; size: largest first.")]


def _json(data: dict[str, object]) -> JSONResponse:
    """The answer as JSON: our data is plain already, so FastAPI's encoder walk is skipped."""
    return JSONResponse(data)


def _story_or_404(st: BaseStore, story_id: str) -> dict[str, object]:
    story = st.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return story


def _summary(story: dict[str, object]) -> dict[str, object]:
    return {k: story[k] for k in ("id", "title", "title_lang", "n_articles", "langs", "first_seen", "last_seen")}


@router.get("/stories", dependencies=[Depends(require_read)])
def list_stories(request: Request, st: Store, filters: Filters, sort: Sort = "recent",
                 limit: Limit = DEFAULT_SERVE.page_size, offset: Offset = 0) -> Response:
    """Stories, most recently active first, with sources, languages and a disputed flag."""
    cache = state(request).lists
    key = (tuple(sorted(filters.items())), sort, limit, offset)
    if cache is not None and (body := cache.get(st, key)) is not None:
        return Response(body, media_type="application/json")
    rows = st.stories(**filters, sort=sort, limit=limit, offset=offset)
    response = _json({"total": st.count_stories(**filters), "limit": limit, "offset": offset,
                      "stories": views.story_rows(st, rows, state(request).tables)})
    if cache is not None:
        cache.put(key, bytes(response.body))
    return response


@router.get("/stories/{story_id}", dependencies=[Depends(require_read)])
def get_story(request: Request, story_id: str, st: Store) -> JSONResponse:
    """One story (an old id of a merged story works too): titles, sources, names, timeline."""
    d = views.story_detail(st, story_id, state(request).tables, state(request).settings)
    if d is None:
        raise HTTPException(404, f"no story {story_id!r}")
    tl = d["timeline"]
    return _json({**d["story"], "sources": d["sources"], "titles": d["titles"], "names": d["names"],
                  "disputed": d["disputed"], "timeline": {"unit": tl.unit, "languages": [
                      {"lang": lang, "articles": n} for lang, _, n in tl.legend]}})


@router.get("/stories/{story_id}/figures", dependencies=[Depends(require_read)])
def story_figures(request: Request, story_id: str, st: Store) -> JSONResponse:
    """The figure table: each thing counted, every source's value, and agree / disagree / updated."""
    story = _story_or_404(st, story_id)
    rows = state(request).tables.rows(st, story)
    return _json({"story": story["id"], "title": story["title"], "figures": [r.to_dict() for r in rows]})


@router.get("/stories/{story_id}/articles", dependencies=[Depends(require_read)])
def story_articles(story_id: str, st: Store, lang: str | None = None, source: str | None = None,
                   limit: Limit = DEFAULT_SERVE.page_size, offset: Offset = 0) -> JSONResponse:
    """The story's articles in stream order (without text), filterable by language and source."""
    story = _story_or_404(st, story_id)
    arts = [a for a in st.story_articles(str(story["id"]))
            if (not lang or a.lang == lang) and (not source or a.source == source)]
    return _json({"story": story["id"], "total": len(arts), "limit": limit, "offset": offset,
                  "articles": [a.to_dict(with_text=False) for a in arts[offset : offset + limit]]})


@router.get("/articles/{article_id}", dependencies=[Depends(require_read)])
def get_article(article_id: str, st: Store) -> JSONResponse:
    """One article with its text, figures, names, near-duplicates and story."""
    d = views.article_detail(st, article_id)
    if d is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return _json({**d["article"].to_dict(), "figures": d["figures"], "names": d["names"],  # type: ignore[union-attr]
                  "near_duplicates": [a.id for a in d["duplicates"]],  # type: ignore[union-attr]
                  "story": _summary(d["story"]) if d["story"] else None})  # type: ignore[arg-type]


@router.get("/search", dependencies=[Depends(require_read)])
def search(st: Store, q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find.")],
           limit: Limit = DEFAULT_SERVE.page_size, offset: Offset = 0) -> JSONResponse:
    """Full-text search over titles and text; every word must occur (the last as a prefix)."""
    d = views.search(st, q, limit=limit, offset=offset)
    for r in d["results"]:  # type: ignore[union-attr]
        r["snippet"] = [asdict(s) for s in r["snippet"]]
    return _json({**d, "limit": limit, "offset": offset})


@router.get("/updates", dependencies=[Depends(require_read)])
def updates(request: Request, st: Store,
            after: Annotated[int, Query(ge=0, description="The newest placement seen (seq).")] = 0,
            ids: Annotated[str, Query(max_length=10_000, description="Story ids on the page, comma-separated.")] = "",
            ) -> JSONResponse:
    """What the live pages poll: stories that gained articles since placement ``after``, and
    the current state of the stories a page shows (``moved``: shown ids merged into another).

    Shown stories are always sent back: a story can change after its articles were placed
    (a later link merges it), which the placement counter alone would miss.
    """
    seq, touched = st.placements_since(after)
    wanted = list(touched)
    moved: dict[str, str | None] = {}
    for sid in [i for i in ids.split(",") if i][:DEFAULT_SERVE.max_page_size]:
        current = st.resolve_story(sid)
        if current != sid:
            moved[sid] = current
        if current and current not in wanted:
            wanted.append(current)
    rows = [s for s in (st.story(i) for i in wanted) if s is not None]
    return _json({"seq": seq, "stories": views.story_rows(st, rows, state(request).tables), "moved": moved})


@router.post("/articles", dependencies=[Depends(require_write)], status_code=201,
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                 "oneOf": [ArticleIn.model_json_schema(), {"type": "array", "items": ArticleIn.model_json_schema()}]}}}}})
async def post_articles(request: Request) -> JSONResponse:
    """Ingest one article or a batch, place them in stories at once, and say which story each joined.

    Needs the API key. The batch is checked whole first (JSON, fields, types, dates,
    length): any error refuses it all with a 4xx and writes nothing.
    """
    st = state(request)
    if "json" not in request.headers.get("content-type", ""):
        raise BadRequest(415, "send the articles as JSON (Content-Type: application/json)")
    body = bytearray()
    async for chunk in request.stream():  # a body without Content-Length is capped while read
        body += chunk
        if len(body) > st.settings.max_body_bytes:
            raise BadRequest(413, f"request body too large (at most {st.settings.max_body_bytes:,} bytes)")
    records = parse_batch(bytes(body), st.settings)
    # in the pool: the first write also loads the ingest models
    result = await run_in_threadpool(lambda: st.writer.ingest(records))
    return JSONResponse(result, status_code=201 if result["stored"] or result["updated"] else 200)
