"""Made-up students for the sample exports: valid-checksum test personnummer (serials 980–999) and common names."""

from __future__ import annotations

import datetime as dt
import random

_FIRST = ["Alva", "Elsa", "Maja", "Ella", "Wilma", "Saga", "Ebba", "Alice", "Olivia", "Nora", "Liam", "Noah",
          "William", "Hugo", "Lucas", "Oliver", "Elias", "Adam", "Ali", "Nils", "Leo", "Sara", "Amir", "Hanna"]
_LAST = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
         "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindqvist", "Berg", "Ahmed", "Holm", "Ek", "Åberg",
         "Öberg", "Sandström", "Mohammed", "Lundgren", "Hassan"]


def luhn_digit(nine_digits: str) -> int:
    """The check digit of YYMMDDNNN."""
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def fake_personnummer(born: dt.date, serial: int) -> str:
    """A normalised YYYYMMDD-NNNC with a valid check digit for a made-up person."""
    short = f"{born:%y%m%d}{serial % 1000:03d}"
    return f"{born:%Y%m%d}-{serial % 1000:03d}{luhn_digit(short)}"


def fake_students(count: int, *, seed: int = 0, born_from: int = 2009, born_to: int = 2015) -> list[tuple[str, str]]:
    """``count`` distinct made-up students: (personnummer, "Förnamn Efternamn")."""
    rng = random.Random(seed)
    students: dict[str, str] = {}
    span = (dt.date(born_to, 12, 31) - dt.date(born_from, 1, 1)).days
    while len(students) < count:
        born = dt.date(born_from, 1, 1) + dt.timedelta(days=rng.randrange(span))
        # Serials 980–999: the range Skatteverket sets aside for test personnummer (as sst_desk.demo.generate), so no
        # generated number belongs to a real person.
        pnr = fake_personnummer(born, rng.randrange(980, 1000))
        students.setdefault(pnr, f"{rng.choice(_FIRST)} {rng.choice(_LAST)}")
    return list(students.items())
