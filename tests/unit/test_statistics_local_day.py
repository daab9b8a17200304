"""The statistics' local day of a stored UTC time (persistence.statistics._local_day_of_text, cached per UTC
day) equals the local calendar day itself, in zones with DST, half-hour DST and odd offsets."""
from __future__ import annotations

import datetime as dt
import os
import random
import time

import pytest

from sst_desk.persistence import statistics as store


@pytest.fixture
def zone():
    before = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()
        store._DAY_OFFSETS.clear()
        store._OFFSETS.clear()

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
    store._DAY_OFFSETS.clear()
    store._OFFSETS.clear()


@pytest.mark.parametrize("name", ["Europe/Stockholm", "America/New_York", "Asia/Kolkata", "Pacific/Chatham",
                                  "Australia/Lord_Howe", "UTC"])
def test_the_local_day_of_a_stored_time_is_the_calendar_day_there(zone, name: str) -> None:
    zone(name)
    rnd = random.Random(name)
    start = dt.datetime(2024, 1, 1)
    moments = [start + dt.timedelta(minutes=rnd.randrange(60 * 24 * 800), seconds=rnd.randrange(60),
                                    microseconds=rnd.randrange(10**6)) for _ in range(20_000)]
    # and the hours around the DST changes of 2025 in Sweden (last Sunday of March and of October, 01:00 UTC)
    moments += [dt.datetime(2025, month, day, hour, minute) for month, day in ((3, 30), (10, 26))
                for hour in (0, 1, 21, 22, 23) for minute in (0, 59)]
    for moment in moments:
        stored = moment.strftime("%Y-%m-%d %H:%M:%S.%f")
        assert store._local_day_of_text(stored) == moment.replace(tzinfo=dt.UTC).astimezone().date(), stored
