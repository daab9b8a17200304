"""Every benchmark still imports (a moved or removed module breaks a benchmark that no test runs otherwise).

Only the import: the benchmarks themselves run for minutes and print figures, so they are not run here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).resolve().parents[2] / "benchmarks").glob("bench_*.py"))


@pytest.mark.parametrize("path", BENCHMARKS, ids=[p.stem for p in BENCHMARKS])
def test_the_benchmark_imports(path: Path) -> None:
    spec = importlib.util.spec_from_file_location(f"benchmark_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # the module level only: main() runs under ``if __name__ == "__main__"``
    assert callable(getattr(module, "main", None)), f"{path.name} has no main()"
