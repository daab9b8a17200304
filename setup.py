"""Which packages go into the wheel: found, not listed (house style 7b). Everything else is in pyproject.toml.

Two searches, because ``[tool.setuptools.packages.find]`` cannot rename a folder: the code under
``sst_desk/`` (``sst_desk/ui`` is a namespace package, hence the namespace search), and ``resources/`` at the
top of the checkout, which becomes ``sst_desk.resources`` (mapped in pyproject.toml's package-dir; its data
files are matched by package-data there). tests/integration/test_wheel.py builds the wheel and runs it.
"""

from setuptools import find_namespace_packages, setup

_NOT_PACKAGES = ["*__pycache__*"]

code = find_namespace_packages(include=["sst_desk", "sst_desk.*"], exclude=_NOT_PACKAGES)
resources = ["sst_desk.resources"] + [
    f"sst_desk.resources.{name}" for name in find_namespace_packages("resources", exclude=_NOT_PACKAGES)
]

setup(packages=code + resources)
