"""When to poll what: per-feed state with exponential back-off, and a per-host rate limit."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone

#: a feed counts as due this fraction of its interval early, so that a cron job
#: running ``--once`` every interval does not miss every other poll by seconds
DUE_SLACK = 0.1


def iso(t: float) -> str:
    """Unix time as the store's UTC timestamp text."""
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def backoff_delay(failures: int, interval: float, cap: float) -> float:
    """Wait after the ``failures``-th failure in a row: interval × 2^failures, capped
    (never below the interval: a failing feed is not polled more often than a healthy one)."""
    return max(interval, min(interval * 2.0 ** min(failures, 40), cap))


@dataclass
class FeedState:
    """What the watcher remembers of one feed between polls (and restarts)."""

    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_poll: float | None = None
    """Unix time of the next poll; None: poll now."""
    last_polled: str | None = None
    last_ok: str | None = None
    last_error: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, object] | None) -> FeedState:
        if not row:
            return cls()
        return cls(**{k: row.get(k) for k in cls.__dataclass_fields__})  # type: ignore[arg-type]

    def to_row(self) -> dict[str, object]:
        return asdict(self)

    def due(self, now: float, interval: float) -> bool:
        return self.next_poll is None or self.next_poll <= now + DUE_SLACK * interval

    def succeeded(self, now: float, interval: float, *, etag: str | None, last_modified: str | None) -> None:
        self.etag, self.last_modified = etag, last_modified
        self.failures = 0
        self.next_poll = now + interval
        self.last_polled = self.last_ok = iso(now)
        self.last_error = None

    def failed(self, now: float, interval: float, cap: float, reason: str, *, retry_after: float | None = None) -> float:
        """Record a failure; returns the delay until the next poll."""
        self.failures += 1
        delay = backoff_delay(self.failures, interval, cap)
        if retry_after is not None:  # the server asked for longer (429/503): honour it, within the cap
            delay = max(delay, min(retry_after, cap))
        self.next_poll = now + delay
        self.last_polled = iso(now)
        self.last_error = reason
        return delay


class HostLimiter:
    """At most one request per ``interval`` seconds to each host, shared by the watcher's threads."""

    def __init__(self, interval: float, *, clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        """Sleep until ``host`` may be asked again, and note the request."""
        host = host.lower()
        # each caller reserves its own slot under the lock and sleeps outside it: two threads
        # never take the same slot, and a thread waiting for one host holds up no other host
        with self._lock:
            now = self.clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
        if slot > now:
            self.sleep(slot - now)
