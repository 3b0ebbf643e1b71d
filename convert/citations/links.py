"""Where a citation links to: public resolvers, chosen from reporters-db's data.

- Case reporters (reporters-db) -> CourtListener's citation resolver,
  `https://www.courtlistener.com/c/{reporter}/{volume}/{page}/`, which is built on the same
  reporters-db names.  That includes Westlaw and Lexis numbers (cite types `specialty_west`,
  `specialty_lexis`: `/c/WL/2019/4707150/`): CourtListener keeps them as citations of the
  opinions it holds and its resolver looks them up like any reporter's (docs/citations.md
  gives the evidence, and the limit: a number it never recorded gets its "not found" page).
  Neutral forms reporters-db lacks (`2021-NCSC-57`) have no resolver.
- The United States Code and the Code of Federal Regulations -> Cornell LII.
- Public laws from the 104th Congress on -> GovInfo's link service (the Government
  Publishing Office's Public and Private Laws collection begins there).
- Everything else (journals, slip opinions, state codes): no link; still a reference.
"""

from __future__ import annotations

import re
from urllib.parse import quote

COURTLISTENER = "https://www.courtlistener.com/c/{reporter}/{volume}/{page}/"
# reporters-db name of the code -> Cornell LII path of a section.
STATUTE_SITES = {
    "U.S.C.": "https://www.law.cornell.edu/uscode/text/{title}/{section}",
    "C.F.R.": "https://www.law.cornell.edu/cfr/text/{title}/{section}",
}
PUBLIC_LAW = "https://www.govinfo.gov/link/plaw/{congress}/public/{number}"
FIRST_GOVINFO_CONGRESS = 104  # GovInfo's PLAW collection starts with the 104th (1995-96)
_LAW_NUMBER = re.compile(r"(\d{1,3})-(\d{1,4})")
_SECTION = re.compile(r"[0-9][0-9A-Za-z.\-]*?(?=[.\-]?$)")


def case_href(reporter: str | None, volume: str | None, page: str | None,
              cite_type: str | None) -> str | None:
    if not (reporter and volume and page and page.isdigit()):
        return None  # a blank page ("569 U.S. ___") has nothing to resolve to
    if cite_type is None:
        return None  # not a reporters-db reporter: CourtListener's resolver cannot read it
    return COURTLISTENER.format(reporter=quote(reporter, safe="."), volume=quote(volume),
                                page=quote(page))


def statute_href(reporter: str | None, title: str | None, section: str | None) -> str | None:
    site = STATUTE_SITES.get(reporter or "")
    if not (site and title and section):
        return None
    m = _SECTION.match(section.strip())
    if not m or not title.isdigit():
        return None
    return site.format(title=title, section=quote(m.group()))


def public_law_href(number: str | None) -> str | None:
    """"104-208" (Pub. L. 104-208) -> GovInfo's page of that law; None before the 104th."""
    m = _LAW_NUMBER.fullmatch((number or "").strip())
    if not m or int(m.group(1)) < FIRST_GOVINFO_CONGRESS:
        return None
    return PUBLIC_LAW.format(congress=int(m.group(1)), number=int(m.group(2)))
