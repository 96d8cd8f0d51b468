"""Publication dates: parse many spellings, keep their precision, reject nonsense.

A date is stored as text at the precision it was given (``2022-01`` stays a
month: we never invent a day) and datetimes are normalised to UTC.
"""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from dateutil import parser as du_parser

from ..model import Precision
from ..settings import DEFAULT_SETTINGS, Settings


class DateError(ValueError):
    """A date that is present but unusable (absurd, future or unreadable)."""


_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# Two defaults that differ in every field reveal which fields dateutil filled in.
_DEFAULT_A = datetime(2001, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2002, 2, 2, 1, 1, 1)


def _fmt(dt: datetime, precision: Precision) -> str:
    if precision == "year":
        return f"{dt.year:04d}"
    if precision == "month":
        return f"{dt.year:04d}-{dt.month:02d}"
    if precision == "day":
        return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}"
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
    if precision == "minute":
        return dt.strftime("%Y-%m-%dT%H:%MZ")
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(value: str) -> tuple[datetime, Precision]:
    s = value.strip()
    if m := _YEAR.match(s):
        return datetime(int(m[1]), 1, 1), "year"
    if m := _MONTH.match(s):
        return datetime(int(m[1]), int(m[2]), 1), "month"
    if m := _DAY.match(s):
        return datetime(int(m[1]), int(m[2]), int(m[3])), "day"
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
        return dt, "second"
    except ValueError:
        pass
    try:  # RFC 822, as in RSS
        return parsedate_to_datetime(s), "second"
    except (TypeError, ValueError, IndexError):
        pass
    a = du_parser.parse(s, default=_DEFAULT_A)
    b = du_parser.parse(s, default=_DEFAULT_B)
    if a.year != b.year:
        raise ValueError("no year")
    if a.month != b.month:
        return a, "year"
    if a.day != b.day:
        return a, "month"
    if a.hour != b.hour:
        return a, "day"
    if a.second != b.second:
        return a, "minute"
    return a, "second"


def parse_date(
    value: object,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    now: datetime | None = None,
) -> tuple[str | None, Precision | None]:
    """Return ``(normalised text, precision)``; ``(None, None)`` for no date.

    Raises :class:`DateError` for a date that is unreadable, absurdly old or in
    the future.
    """
    if value is None or value == "":
        return None, None
    try:
        if isinstance(value, time.struct_time):
            dt, precision = datetime(*value[:6], tzinfo=timezone.utc), "second"
        elif isinstance(value, datetime):
            dt, precision = value, "second"
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            # epoch seconds, or milliseconds when absurdly large
            ts = float(value) / (1000.0 if value > 1e11 else 1.0)
            dt, precision = datetime.fromtimestamp(ts, tz=timezone.utc), "second"
        elif isinstance(value, str):
            dt, precision = _parse(value)
        else:
            raise DateError(f"unreadable date {value!r}")
    except (ValueError, OverflowError, OSError) as exc:
        if isinstance(exc, DateError):
            raise
        raise DateError(f"unreadable date {str(value)[:40]!r}") from None
    if dt.year < settings.min_year:
        raise DateError(f"absurd date {_fmt(dt, precision)} (before {settings.min_year})")
    now = now or datetime.now(timezone.utc)
    aware = dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
    if aware > now + timedelta(hours=settings.future_tolerance_hours):
        raise DateError(f"date {_fmt(dt, precision)} is in the future")
    if precision == "second" and dt.second == 0 and isinstance(value, str) and value.count(":") == 1:
        precision = "minute"
    return _fmt(dt, precision), precision


def interval(published: str | None, precision: str | None) -> tuple[float, float] | None:
    """The span of time a stored date stands for, as UTC epoch seconds ``[start, end)``.

    ``2022-01`` covers the whole month, ``2022-01-07`` the whole day, and a
    timestamp a single instant; None for an undated article.
    """
    if not published:
        return None
    if precision == "year":
        start = datetime(int(published[:4]), 1, 1, tzinfo=timezone.utc)
        end = datetime(start.year + 1, 1, 1, tzinfo=timezone.utc)
    elif precision == "month":
        y, m = int(published[:4]), int(published[5:7])
        start = datetime(y, m, 1, tzinfo=timezone.utc)
        end = datetime(y + (m == 12), m % 12 + 1, 1, tzinfo=timezone.utc)
    elif precision == "day":
        start = datetime.fromisoformat(published).replace(tzinfo=timezone.utc)
        end = start + timedelta(days=1)
    else:
        start = datetime.fromisoformat(published.replace("Z", "+00:00"))
        end = start
    return start.timestamp(), end.timestamp()
