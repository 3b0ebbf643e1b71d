"""Dates as US courts print them, and which of a caption's dates is the decision date.

Forms read (each returns an ISO date, or a year-month for a term):

- `March 16, 2022`, `Mar. 16, 2022`, `Sept. 5, 2020`, `MARCH 16, 2022`, `March 16 2022`
- `16 March 2022`
- `3/16/22`, `03/16/2022`, `3-16-2022` (month first, the US order)
- `16th day of March, 2022`, `this sixteenth day of March, A.D. 2022`
- spelled-out years: `March 16, two thousand twenty-two`, `the sixteenth day of March in the
  year of our Lord one thousand eight hundred and nineteen`
- `December Term, 1819` (a month only: precision "month")

Which date decides: a date labelled `Decided`, `Filed`, `Dated`, `Entered`, `Issued`, `Signed`
or `Date` wins over the first date; dates labelled `Argued`, `Submitted`, `Heard`, `Received`
never decide while another date is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = ("january february march april may june july august september october november "
          "december").split()
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
             "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
             "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
             "thirtieth": 30}
_NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and|first|second|"
                r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
                r"twentieth|thirtieth)\b")
_WORDS = rf"{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*"
_SPELLED_YEAR = rf"(?:(?:in\s+)?the\s+year\s+(?:of\s+our\s+Lord\s+)?)?(?P<wyear>{_WORDS})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"

# Labels printed before a date, and whether such a date can be the decision date.
DECIDING = ("decided", "filed", "dated", "date", "entered", "issued", "signed", "ordered",
            "rendered", "delivered", "opinion filed", "judgment entered")
# Labels that name the decision itself: such a caption date wins even over the date the
# closing states (a "Filed" or "Dated" caption date is the paper's, and yields to the closing).
DECIDED = ("decided", "rendered", "delivered", "judgment entered")
NOT_DECIDING = ("argued", "submitted", "heard", "received", "considered", "calendared",
                "reargued", "argued and submitted", "oral argument")
_LABEL = re.compile(r"\b(?P<label>argued and submitted|opinion filed|judgment entered|"
                    r"decided|filed|dated|date|entered|issued|signed|ordered|rendered|"
                    r"delivered|argued|submitted|heard|received|considered|calendared|"
                    r"reargued|oral argument)\b"
                    r"(?:\s+(?:in|before|by|at)\s+[^.;\n\d]{0,40}?)?"  # "Heard in the Supreme Court"
                    r"[\s:.,;\-–—(]*(?:on\s+)?(?:this\s+)?$", re.I)
# How far before a date its label may stand ("Filed:      February 5, 2010").
LABEL_REACH = 40

_FORMS = [
    ("mdy", re.compile(rf"\b(?P<month>{_MONTH})\s+{_DAY},?\s+{_YEAR}\b", re.I)),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?P<month>{_MONTH})\s*,?\s+{_YEAR}\b", re.I)),
    ("day-of", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+day\s+of\s+"
                          rf"(?P<month>{_MONTH})\s*,?\s+(?:A\.\s?D\.\s+)?{_YEAR}\b", re.I)),
    ("words-day-of", re.compile(rf"\b(?P<wday>{_WORDS})\s+day\s+of\s+(?P<month>{_MONTH})\s*,?"
                                rf"\s+(?:A\.\s?D\.\s+)?(?:{_YEAR}|{_SPELLED_YEAR})", re.I)),
    ("mdy-words", re.compile(rf"\b(?P<month>{_MONTH})\s+{_DAY},?\s+{_SPELLED_YEAR}", re.I)),
    ("numeric", re.compile(r"(?<![\d/.-])(?P<nmonth>\d{1,2})([/-])(?P<day>\d{1,2})\2"
                           r"(?P<nyear>\d{4}|\d{2})(?![\d/-])")),
    ("term", re.compile(rf"\b(?P<month>{_MONTH})\s+Term,?\s+{_YEAR}\b", re.I)),
]


@dataclass
class FoundDate:
    start: int
    end: int
    text: str
    iso: str  # yyyy-mm-dd, or yyyy-mm when precision is "month"
    precision: str = "day"  # day | month
    label: str | None = None  # the word printed before it, lower case ("decided", "filed")

    @property
    def deciding(self) -> bool:
        return self.label is None or self.label not in NOT_DECIDING


def month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    for n, name in enumerate(MONTHS, 1):
        if name.startswith(word[:3]) and name.startswith(word):
            return n
    if word == "sept":
        return 9
    return None


def words_to_number(text: str) -> int | None:
    """`two thousand twenty-two` -> 2022, `one thousand eight hundred and nineteen` -> 1819,
    `sixteenth` -> 16, `twenty-first` -> 21."""
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if not word or word == "and":
            continue
        if word in _UNITS:
            current += _UNITS.index(word)
        elif word in _TENS:
            current += 10 * _TENS.index(word)
        elif word in _ORDINALS:
            current += _ORDINALS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _full_year(two: str) -> int:
    """Two-digit years in court stamps: 00-69 are 2000s, 70-99 are 1900s (federal e-filing
    began in the late 1990s; older two-digit dates are 19xx)."""
    n = int(two)
    return 2000 + n if n < 70 else 1900 + n


def _value(kind: str, m: re.Match) -> tuple[str, str] | None:
    g = m.groupdict()
    try:
        if kind == "numeric":
            year = int(g["nyear"]) if len(g["nyear"]) == 4 else _full_year(g["nyear"])
            month, day = int(g["nmonth"]), int(g["day"])
        else:
            month = month_number(g["month"])
            if month is None:
                return None
            if g.get("wyear"):
                year = words_to_number(g["wyear"])
            else:
                year = int(g["year"])
            if kind == "term":
                return f"{year:04d}-{month:02d}", "month"
            day = words_to_number(g["wday"]) if g.get("wday") else int(g["day"])
        if not year or not day or not 1600 <= year <= 2100:
            return None
        return date(year, month, day).isoformat(), "day"
    except (ValueError, TypeError):
        return None


def find_dates(text: str) -> list[FoundDate]:
    """Every date printed in `text`, in order, each with the label printed before it."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _FORMS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = _value(kind, m)
            if value is None:
                continue
            taken.append((m.start(), m.end()))
            label = _LABEL.search(text[max(0, m.start() - LABEL_REACH):m.start()])
            found.append(FoundDate(m.start(), m.end(), m.group(0), value[0], value[1],
                                   label.group("label").lower() if label else None))
    return sorted(found, key=lambda d: d.start)


def decision_date(text: str) -> FoundDate | None:
    """The decision date among a caption's dates: a date labelled as deciding first, then the
    first date no label rules out, then a term (month only)."""
    dates = find_dates(text)
    for d in dates:
        if d.label in DECIDING and d.precision == "day":
            return d
    for d in dates:
        if d.deciding and d.precision == "day":
            return d
    return next((d for d in dates if d.deciding), None)


_FORM_HEADS = re.compile(r"\bMONTH\s+DAY\s+YEAR\s*$")
_FORM_VALUES = re.compile(r"(?<!\d)(?P<m>\d{1,2})\s+(?P<d>\d{1,2})\s+(?P<y>\d{4})\s*$")


def form_date(rows: list[str]) -> FoundDate | None:
    """A printed form's date boxes: a row headed `MONTH  DAY  YEAR` over a row that ends in
    the three numbers (`... appeared in person on this date.   07  12  2021`), as the federal
    courts' judgment forms print it."""
    for head, values in zip(rows, rows[1:]):
        if _FORM_HEADS.search(head):
            m = _FORM_VALUES.search(values)
            if m:
                try:
                    iso = date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
                except ValueError:
                    continue
                return FoundDate(m.start(), m.end(), m.group(0).strip(), iso, "day", "date")
    return None


def iso_date(text: str) -> str | None:
    """The ISO date of a text that is one date (`June 24, 2013`), else None."""
    dates = find_dates(text)
    return dates[0].iso if dates and dates[0].precision == "day" else None


# The label printed under a signature block's date line ("July 12, 2021" / "Date").
_LABEL_BELOW = re.compile(r"^\s*(?:Date|Dated|Date\s+Signed)\s*:?\s*$", re.I)


def signed_date(rows: list[str]) -> FoundDate | None:
    """A date a signature block prints on its line with the label under it, as forms do:

        July 12, 2021
        Date                      U. S. District Judge ...

    (the federal courts' judgment form CR-104; plain pdftotext puts the label on the row
    below the date).  The first such date, else None."""
    rows = [r for r in rows if r.strip()]
    for above, below in zip(rows, rows[1:]):
        if not _LABEL_BELOW.match(re.split(r"\s{3,}", below.strip())[0]):
            continue
        found = find_dates(above)
        if len(found) == 1 and found[0].precision == "day" and \
                len(found[0].text) >= len(above.strip()) - 1:
            d = found[0]
            return FoundDate(d.start, d.end, d.text, d.iso, "day", "date")
    return None
