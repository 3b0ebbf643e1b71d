"""Packaging beyond what pyproject.toml can say: the stylesheets and the profile schema stay
at the top of the repository (`stylesheets/`, `schemas/`: the one copy, edited there) and ship
inside the wheel as the packages `convert.stylesheets` and `convert.schemas`, read with
importlib.resources (convert/resources.py).  The site's templates (`convert/site/templates/`,
no `__init__.py`) are data too: named as a package of their own, so setuptools ships them
without warning that a data folder is missing from `packages`.  Everything else is in
pyproject.toml."""

from setuptools import find_packages, setup

DATA_DIRS = {"convert.stylesheets": "stylesheets", "convert.schemas": "schemas"}
TEMPLATES = "convert.site.templates"

setup(
    packages=find_packages(include=["convert", "convert.*"]) + list(DATA_DIRS) + [TEMPLATES],
    package_dir=DATA_DIRS,
    package_data={"convert.stylesheets": ["*.css"], "convert.schemas": ["*.sch"],
                  TEMPLATES: ["*.html", "*.css"]},
)
