"""The command line writes decimals as its language does (found after issue 10: '33.2 %' in a Swedish table)."""

from __future__ import annotations

from sst_desk import i18n


def test_a_swedish_command_line_writes_a_decimal_comma() -> None:
    try:
        i18n.use_language("sv")
        assert i18n.decimal(33.24) == "33,2"
        assert i18n.decimal(10) == "10,0"
        i18n.use_language("en")
        assert i18n.decimal(19.84) == "19.8"
    finally:
        i18n.reset()
