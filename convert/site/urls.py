"""Where each opinion lives in the site: a path built from its FRBR work URI.

`/akn/us/judgment/ca1/2020-06-23/20-1507` -> `us/judgment/ca1/2020/20-1507/`: the `akn`
prefix goes, a full date becomes its year (a court's numbers are unique within a year; two
decisions that would share a path keep their full dates, see `assign_paths`).  A URI that is
an http(s) URL (The National Archives' `https://caselaw.../id/ewca/crim/2021/1412`) gives its
path.  Components keep letters (any script), digits, `.`, `_` and `-`; anything else becomes
`-`, so no URI can leave the site directory.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)
_FULL_DATE = re.compile(r"^(\d{4})-\d{2}-\d{2}$")


def component(text: str) -> str:
    text = _UNSAFE.sub("-", text.strip()).strip("-")
    return text if text.strip(".") else "-"  # never "." or ".."


def slug(text: str) -> str:
    """A lower-case path component for a court's or another label's page."""
    return re.sub(r"-{2,}", "-", component(re.sub(r"\s+", "-", text.lower()))) or "-"


def uri_parts(frbr_uri: str | None, year_only: bool = True) -> list[str]:
    if not frbr_uri:
        return []
    path = urlsplit(frbr_uri).path if re.match(r"^https?://", frbr_uri) else frbr_uri
    parts = [p for p in path.split("/") if p and not p.startswith("!")]
    if parts and parts[0] == "akn":
        parts = parts[1:]
    if year_only:
        parts = [_FULL_DATE.sub(r"\1", p) for p in parts]
    return [component(p) for p in parts]


def assign_paths(items: list[tuple[str, str | None]]) -> dict[str, str]:
    """{source key: site path ending in '/'} for (source key, FRBR URI) pairs, in a stable
    order.  Clashes keep the full date, then take `-2`, `-3`, ...; a document without a URI
    goes under `documents/<source name>/`."""
    wanted: dict[str, list[str]] = {}
    for key, uri in items:
        parts = uri_parts(uri) or ["documents", component(key.rsplit("/", 1)[-1]
                                                         .rsplit(".", 1)[0])]
        wanted[key] = parts
    counts: dict[str, int] = {}
    for parts in wanted.values():
        counts["/".join(parts)] = counts.get("/".join(parts), 0) + 1
    taken: set[str] = set()
    out: dict[str, str] = {}
    for key, uri in sorted(items, key=lambda kv: kv[0]):
        parts = wanted[key]
        if counts["/".join(parts)] > 1 and uri_parts(uri, year_only=False):
            parts = uri_parts(uri, year_only=False)
        path, n = "/".join(parts), 1
        while path in taken:
            n += 1
            path = "/".join(parts) + f"-{n}"
        taken.add(path)
        out[key] = path + "/"
    return out


def href(path: str) -> str:
    """A site path as a link target (percent-encoded, `/` kept)."""
    return quote(path, safe="/")


def relative(from_dir: str, to_path: str) -> str:
    """A relative link from a page in `from_dir` ('' = the site root, else ends in '/') to
    `to_path` (a site path), so the site works from any base URL and from disk."""
    depth = from_dir.count("/")
    return "../" * depth + href(to_path)
