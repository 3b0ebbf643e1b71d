"""Files the package reads at run time: stylesheets, the profile schema, site templates.

They are package data, found with importlib.resources, so a wheel install works without the
repository.  `stylesheets/` and `schemas/` live at the top of the repository (the one copy,
edited there) and are mapped into the wheel as `convert.stylesheets` and `convert.schemas`
(setup.py).  An editable install made before that mapping existed cannot import those two
packages; it then reads the same files from the checkout beside the package.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent  # the repository, in a source checkout


def resource(package: str, name: str) -> Traversable:
    """`name` inside `convert.<package>` (`stylesheets`, `schemas`, `site.templates`)."""
    try:
        found = resources.files(f"convert.{package}").joinpath(name)
        if found.is_file():
            return found
    except ModuleNotFoundError:
        pass
    local = _CHECKOUT / package.replace(".", "/") / name
    if local.is_file():
        return local
    raise FileNotFoundError(f"akn-convert is missing its data file {package}/{name}")


def read_text(package: str, name: str) -> str:
    return resource(package, name).read_text(encoding="utf-8")


def file_path(package: str, name: str) -> Path:
    """A real path for libraries that want one (package data of a wheel is a plain file)."""
    return Path(str(resource(package, name)))
