from datetime import datetime, timezone

import pytest

from crosswire.ingest.dates import DateError, parse_date

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022-01", ("2022-01", "month")),
        ("2022", ("2022", "year")),
        ("2022-01-07", ("2022-01-07", "day")),
        ("2022-01-07T07:14:00+01:00", ("2022-01-07T06:14:00Z", "second")),
        ("2022-01-07 07:14:00", ("2022-01-07T07:14:00Z", "second")),
        ("2022-01-07T07:14", ("2022-01-07T07:14Z", "minute")),
        ("Fri, 07 Jan 2022 07:14:00 GMT", ("2022-01-07T07:14:00Z", "second")),
        ("January 2022", ("2022-01", "month")),
        ("7 January 2022", ("2022-01-07", "day")),
        (1641539640, ("2022-01-07T07:14:00Z", "second")),
        (None, (None, None)),
        ("", (None, None)),
    ],
)
def test_dates_keep_their_precision(raw, expected):
    assert parse_date(raw, now=NOW) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("2099-01-01", "in the future"),
        ("2024-06-05", "in the future"),
        ("1066-10-14", "absurd date"),
        ("0001-01-01T00:00:00", "absurd date"),
        ("yesterday-ish", "unreadable date"),
        ("2022-13-45", "unreadable date"),
    ],
)
def test_bad_dates_are_errors_with_a_reason(raw, reason):
    with pytest.raises(DateError, match=reason):
        parse_date(raw, now=NOW)


def test_recent_date_within_tolerance_is_accepted():
    assert parse_date("2024-06-02T00:00:00Z", now=NOW) == ("2024-06-02T00:00:00Z", "second")
