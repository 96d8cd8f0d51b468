"""Server-rendered HTML pages: stories, story, article, search (Jinja2, autoescaped)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from . import views
from .api import Filters, Offset, Sort, Store
from .app import HERE, KEY_COOKIE, require_read, state

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)])

# Autoescaping is on for every template: article text is untrusted input.
env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                  trim_blocks=True, lstrip_blocks=True)


def _number(x: object) -> str:
    if x is None:
        return "?"
    v = float(x)  # type: ignore[arg-type]
    return f"{v:,.0f}" if v == int(v) else f"{v:,}"


def _value_range(low: object, high: object) -> str:
    return _number(low) if low == high else f"{_number(low)}–{_number(high)}"


env.globals["value_range"] = _value_range
env.globals["label"] = lambda s: "" if s in (None, "none") else str(s).replace("_", " ")


def render(request: Request, template: str, status: int = 200, **context: object) -> HTMLResponse:
    """A page; a correct ``?key=`` (locked reads) is remembered in a cookie for the next pages."""
    html = env.get_template(template).render(request=request, **context)
    response = HTMLResponse(html, status_code=status)
    key = request.query_params.get("key")
    if key and state(request).key_ok(request):
        response.set_cookie(KEY_COOKIE, key, httponly=True, samesite="strict")
    return response


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status=status, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, st: Store, filters: Filters, sort: Sort = "recent", offset: Offset = 0) -> Response:
    limit = state(request).settings.page_size
    rows = views.story_rows(st, st.stories(**filters, sort=sort, limit=limit, offset=offset), state(request).tables)
    total = st.count_stories(**filters)
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "key") and v}
    filtered = any(v for k, v in filters.items())
    seq, _ = st.placements_since(1 << 62)
    return render(request, "stories.html", stories=rows, total=total, offset=offset, limit=limit,
                  query=params, sort=sort, filtered=filtered or offset > 0, seq=seq,
                  prev_url=f"/?{urlencode({**params, 'offset': max(offset - limit, 0)})}" if offset else None,
                  next_url=f"/?{urlencode({**params, 'offset': offset + limit})}" if offset + limit < total else None,
                  poll_ms=state(request).settings.poll_ms)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, st: Store,
               figures: Annotated[str, Query(pattern="^(all)?$", description="all: every report")] = "") -> Response:
    d = views.story_detail(st, story_id, state(request).tables, state(request).settings)
    if d is None:
        raise HTTPException(404, f"no story {story_id!r}")
    if d["story"]["id"] != story_id:  # type: ignore[index]
        return RedirectResponse(f"/stories/{d['story']['id']}", status_code=301)  # type: ignore[index]
    seq, _ = st.placements_since(1 << 62)
    settings = state(request).settings
    per_row = 1 << 30 if figures == "all" else settings.figure_reports_shown
    table = [(row, views.shown_reports(row, per_row)) for row in d["figures"]]  # type: ignore[union-attr]
    return render(request, "story.html", **d, table=table, shown=settings.story_articles_shown, seq=seq,
                  poll_ms=settings.poll_ms)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, st: Store) -> Response:
    d = views.article_detail(st, article_id)
    if d is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return render(request, "article.html", **d)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, st: Store, q: Annotated[str, Query(max_length=500)] = "",
                offset: Offset = 0) -> Response:
    limit = state(request).settings.page_size
    d = views.search(st, q, limit=limit, offset=offset) if q.strip() else None
    nxt = f"/search?{urlencode({'q': q, 'offset': offset + limit})}" if d and offset + limit < int(d["total"]) else None  # type: ignore[call-overload]
    return render(request, "search.html", q=q, result=d, offset=offset, next_url=nxt)

