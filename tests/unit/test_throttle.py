"""Failed sign-ins: the wait before the next try grows, survives the process, and does not tell who exists.

Regression: ten wrong passwords in a row cost nothing but the Argon2 derivation, and none was recorded.
Measured with an injected clock and sleep (no real waiting); tests/integration/test_revocation.py has the
real-time check through the command line.
"""

from __future__ import annotations

from pathlib import Path

from sst_desk.security.throttle import MAX_DELAY_S, Throttle, delay


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_the_wait_grows_with_each_failure_and_is_capped() -> None:
    waits = [delay(n) for n in range(12)]
    assert waits[:3] == [0.0, 0.0, 0.5]  # one slip costs nothing
    assert all(later >= earlier for earlier, later in zip(waits, waits[1:]))
    assert waits[5] == 4.0 and waits[-1] == MAX_DELAY_S
    assert sum(waits[:10]) > 60  # ten tries in a row take more than a minute


def test_ten_wrong_tries_in_a_row_wait_longer_and_longer(tmp_path: Path) -> None:
    clock = Clock()
    throttle = Throttle(tmp_path / "db.attempts", clock=clock, sleep=clock.sleep)
    for _ in range(10):
        throttle.wait("name")
        throttle.failed("name")
    assert clock.slept == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
    # A new process (the next command) reads the same file: it waits too.
    again = Throttle(tmp_path / "db.attempts", clock=clock, sleep=clock.sleep)
    assert again.wait_needed("name") == 30.0
    clock.now += 12
    assert again.wait_needed("name") == 18.0


def test_a_right_password_ends_the_wait_but_the_failures_stay_for_the_log(tmp_path: Path) -> None:
    clock = Clock()
    throttle = Throttle(tmp_path / "db.attempts", clock=clock, sleep=clock.sleep)
    for _ in range(3):
        throttle.failed("name")
    throttle.succeeded("name")
    assert throttle.wait_needed("name") == 0.0
    [pending] = throttle.unlogged()
    assert (pending.name_hash, pending.count) == ("name", 3)
    throttle.failed("name")  # after they were read, before they were marked logged: kept for next time
    throttle.mark_logged([pending])
    assert [(p.name_hash, p.count) for p in throttle.unlogged()] == [("name", 1)]


def test_an_unknown_name_waits_exactly_like_a_known_one(tmp_path: Path) -> None:
    """The file is keyed by a salted hash of whatever name was typed: the wait tells nothing about accounts."""
    clock = Clock()
    throttle = Throttle(tmp_path / "db.attempts", clock=clock, sleep=clock.sleep)
    for name in ("hash-of-sara", "hash-of-nobody"):
        for _ in range(4):
            throttle.failed(name)
    assert throttle.wait_needed("hash-of-sara") == throttle.wait_needed("hash-of-nobody") == 2.0
    assert throttle.wait_needed("hash-of-someone-else") == 0.0


def test_the_file_is_readable_by_its_owner_only_and_a_damaged_one_starts_again(tmp_path: Path) -> None:
    clock = Clock()
    path = tmp_path / "db.attempts"
    throttle = Throttle(path, clock=clock, sleep=clock.sleep)
    throttle.failed("name")
    assert path.stat().st_mode & 0o077 == 0
    path.write_bytes(b"\x00garbage")
    assert throttle.wait_needed("name") == 0.0
    throttle.failed("name")
    throttle.failed("name")
    assert throttle.wait_needed("name") == 0.5
