"""POST /api/articles: validate a batch whole, then ingest, cluster and extract facts at once.

Validation happens before anything is written, so a bad record refuses the whole
batch. A valid batch goes through the same stages as ``crosswire run``: the ingestor
stores it in one transaction (at most ``max_batch`` ≤ the store's batch size), then
``cluster_pending`` places it in stories and ``extract_pending`` finds its figures and
names. Were a later stage to fail, the articles stay stored and are placed by the
next write or ``crosswire run`` (each stage works through whatever is pending).
"""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Sequence
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from ..facts.stage import extract_pending
from ..ingest.dates import DateError
from ..ingest.files import InputFile
from ..ingest.jsonrec import record_to_doc
from ..ingest.plaintext import FormatError
from ..pipeline import Ingestor, article_id, cluster_pending, content_hash
from ..settings import DEFAULT_SETTINGS
from ..store import Store
from ..store.sqlite import utcnow
from ..text.clean import clean_text, clean_title
from .config import DEFAULT_SERVE, ServeSettings

Short = Annotated[str, StringConstraints(max_length=2000)]


class ArticleIn(BaseModel):
    """One article to ingest (our JSON schema; every field but ``text`` optional)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    id: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    url: Short | None = None
    source: Annotated[str, StringConstraints(max_length=200)] | None = None
    lang: Annotated[str, StringConstraints(max_length=16)] | None = None
    published: Annotated[str, StringConstraints(max_length=64)] | None = None
    title: Short | None = None
    text: Annotated[str, StringConstraints(min_length=1, max_length=DEFAULT_SERVE.max_text_chars)]


class BadRequest(ValueError):
    """A request the API refuses: ``status`` and one line saying why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _field_error(where: str, err: dict[str, Any]) -> str:
    loc = ".".join(str(x) for x in err["loc"])
    if err["type"] == "extra_forbidden":
        return f"{where}: unknown field {loc!r}"
    if err["type"] == "missing":
        return f"{where}: missing field {loc!r}"
    got = type(err.get("input")).__name__
    if err["type"].endswith("_type"):
        return f"{where}.{loc}: expected {err['type'].removesuffix('_type')}, got {got}"
    return f"{where}.{loc}: {err['msg']}"


def parse_batch(body: bytes, settings: ServeSettings = DEFAULT_SERVE) -> list[ArticleIn]:
    """The articles of a POST body (one object, or an array of them); raise :class:`BadRequest`."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f" at line {exc.lineno}, column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
        raise BadRequest(400, f"malformed JSON{where}: {msg}") from None
    items = data if isinstance(data, list) else [data]
    if not items:
        raise BadRequest(422, "no articles: send one article object or an array of them")
    if len(items) > settings.max_batch:
        raise BadRequest(413, f"too many articles in one request ({len(items)}, at most {settings.max_batch})")
    out = []
    for i, item in enumerate(items):
        where = f"articles[{i}]"
        if not isinstance(item, dict):
            raise BadRequest(422, f"{where}: expected an article object, got {type(item).__name__}")
        try:
            out.append(ArticleIn.model_validate(item))
        except ValidationError as exc:
            raise BadRequest(422, "; ".join(_field_error(where, e) for e in exc.errors()[:3])) from None
    return out


def check_records(records: Sequence[ArticleIn]) -> list[str]:
    """Check what the ingestor would reject (dates, empty text after cleaning) before writing;
    returns the article id each record will get."""
    ids = []
    for i, rec in enumerate(records):
        try:
            doc = record_to_doc(rec.model_dump(exclude_none=True), origin=f"articles[{i}]")
        except (DateError, FormatError) as exc:
            raise BadRequest(422, f"articles[{i}]: {exc}") from None
        title = clean_title(doc.title)
        text = clean_text(doc.text, title=title)
        if len(text) < DEFAULT_SETTINGS.min_text_chars:
            raise BadRequest(422, f"articles[{i}].text: too short ({len(text)} characters after cleaning, "
                                  f"at least {DEFAULT_SETTINGS.min_text_chars})")
        ids.append(article_id(doc, content_hash(title, text)))
    if len(set(ids)) < len(ids):
        raise BadRequest(422, "the batch holds the same article twice (same id, url or content)")
    return ids


class Writer:
    """Runs writes one at a time on its own connection (SQLite has one writer anyway)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.ingestor = Ingestor(store)
        self._lock = threading.Lock()

    def ingest(self, records: Sequence[ArticleIn]) -> dict[str, object]:
        """Store, cluster and extract facts of a checked batch; the story each article joined."""
        ids = check_records(records)
        payload = "".join(json.dumps(r.model_dump(exclude_none=True), ensure_ascii=False) + "\n" for r in records)
        data = payload.encode("utf-8")
        # an in-memory JSONL file: the ingestor reads it like any input, in one batch
        name = f"api/{utcnow()}.jsonl"
        source = InputFile(name=name, open=lambda: io.BytesIO(data), size=len(data))
        with self._lock:
            known = self.store.content_hashes(ids)
            run_id = self.store.start_run([name])
            report = self.ingestor.ingest([source])
            self.store.finish_run(run_id, report.counts())
            if report.rejections:  # checked above; a rejection here is a bug, say so
                raise BadRequest(422, "; ".join(str(r) for r in report.rejections))
            cluster_pending(self.store)
            extract_pending(self.store)
            stories = self.store.stories_of(ids)
            fresh = set(report.stored_ids)
            out = []
            for aid in ids:
                art = self.store.get_article(aid)
                story = self.store.story(stories[aid]) if aid in stories else None
                out.append({
                    "id": aid, "status": "unchanged" if aid not in fresh else "updated" if aid in known else "stored",
                    "duplicate_of": art.duplicate_of if art else None,
                    "story": None if story is None else {k: story[k] for k in ("id", "title", "n_articles", "langs")},
                })
        return {"stored": report.stored, "updated": report.updated, "unchanged": report.unchanged,
                "duplicates": report.duplicates, "articles": out}
