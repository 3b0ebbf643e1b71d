"""Packaging beyond what pyproject.toml can say: the stylesheets and the profile schema stay
at the top of the repository (`stylesheets/`, `schemas/`: the one copy, edited there) and ship
inside the wheel as the packages `convert.stylesheets` and `convert.schemas`, read with
importlib.resources (convert/resources.py).  Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

DATA_DIRS = {"convert.stylesheets": "stylesheets", "convert.schemas": "schemas"}

setup(
    packages=find_packages(include=["convert", "convert.*"]) + list(DATA_DIRS),
    package_dir=DATA_DIRS,
    package_data={"convert.stylesheets": ["*.css"], "convert.schemas": ["*.sch"],
                  "convert.site": ["templates/*"]},
)
