"""Defaults of the web app and HTTP API, in one place."""

from __future__ import annotations

from dataclasses import dataclass

#: the environment variable holding the API key for writes (and locked reads)
API_KEY_ENV = "CROSSWIRE_API_KEY"
#: hosts a server binds to without locking reads by default
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True, kw_only=True)
class ServeSettings:
    """Limits and page sizes of ``crosswire serve`` (host and port are its options).
    Build a variant with ``dataclasses.replace``."""

    #: a POST body larger than this is refused unread (413)
    max_body_bytes: int = 5_000_000
    #: articles one POST may carry: a batch is stored in one transaction
    max_batch: int = 100
    #: longest accepted article text (characters)
    max_text_chars: int = 1_000_000
    #: rows per page by default, and the most a client may ask for
    page_size: int = 50
    max_page_size: int = 500
    #: articles shown on a story page before "more"
    story_articles_shown: int = 500
    #: reports shown per figure row on a story page (every distinct value first) before "all"
    figure_reports_shown: int = 12
    #: the stories page asks for changes this often (milliseconds)
    poll_ms: int = 2000
    #: time buckets of the story timeline (at most this many)
    timeline_buckets: int = 48
    #: keep story-list answers until the database changes (per worker thread, at most this many)
    list_cache: bool = True
    list_cache_entries: int = 256


DEFAULT_SERVE = ServeSettings()
