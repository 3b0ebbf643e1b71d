"""The reader-side document model: what a reader found, before it becomes Akoma Ntoso.

Readers build these plain objects; `convert.akn.builder` turns them into AKN XML and is the
only place that knows namespaces, eIds and metadata layout.  The model is deliberately small:
inline content is a list of strings and inline objects, blocks are a handful of types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


# ---------------------------------------------------------------- inline content


@dataclass
class PageBreak:
    """The start of a source page (AKN `eop`). `number` is the printed page number, or None.

    A case printed in several reporters has several page series (`945 N.E.2d 484`,
    `920 N.Y.S.2d 291`): `series` names the reporter whose page begins here, and `rank` is
    the series' place among the document's series (1 for the first), which is how many stars
    CAP-style star paging shows (`*484`, `**291`).  Both are None for a single series.
    """

    number: str | None = None
    series: str | None = None
    rank: int | None = None


@dataclass
class Note:
    """A footnote called at this point (AKN `authorialNote`). `marker` is the court's marker."""

    marker: str
    blocks: list["Block"] = field(default_factory=list)


@dataclass
class Span:
    """Formatting or a semantic mark around inline content.

    `tag` is an AKN inline element name: `b`, `i`, `u`, `sup` for formatting; `party`,
    `judge`, `docketNumber`, `docTitle`, `docType`, `courtType`, `docDate`, `signature`,
    `opinion` for semantic marks.  `attrs` carries what the mark needs (`role` for a party,
    `date` for a docDate, `name` for people and courts); the builder turns names into
    `refersTo` references.
    """

    tag: str
    content: list["Inline"] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)


Inline = Union[str, PageBreak, Note, Span]


# ---------------------------------------------------------------- blocks


@dataclass
class P:
    """One run of inline text (AKN `p`)."""

    content: list[Inline] = field(default_factory=list)


@dataclass
class Quote:
    """A block quotation (AKN `blockContainer class="blockquote"`)."""

    blocks: list["Block"] = field(default_factory=list)


@dataclass
class Item:
    num: str | None
    content: list[Inline] = field(default_factory=list)


@dataclass
class ListBlock:
    """A numbered or bulleted list (AKN `blockList`)."""

    items: list[Item] = field(default_factory=list)


@dataclass
class Table:
    rows: list[list[list[Inline]]] = field(default_factory=list)


Block = Union[P, Quote, ListBlock, Table]


@dataclass
class Paragraph:
    """A body paragraph: its blocks (text, then any quote or list it carries), and the court's
    own number when it printed one."""

    blocks: list[Block] = field(default_factory=list)
    num: str | None = None


@dataclass
class Section:
    """A headed section (AKN `level`). `depth` is 1 for I., 2 for A., 3 for 1., 4 for a."""

    num: list[Inline] | None
    heading: list[Inline]
    depth: int = 1
    children: list["BodyItem"] = field(default_factory=list)


@dataclass
class Writing:
    """One separate writing in a decision: majority, concurrence, dissent, per curiam...
    (AKN `hcontainer name="opinion"`)."""

    kind: str
    author: str | None = None
    children: list["BodyItem"] = field(default_factory=list)


BodyItem = Union[Paragraph, Section, Writing]


# ---------------------------------------------------------------- the document


@dataclass
class Party:
    name: str
    role: str  # plaintiff, defendant, appellant, appellee, petitioner, respondent, ...


@dataclass
class Meta:
    court_id: str | None = None  # CourtListener / courts-db id: dcd, cacd, scotus ...
    court_name: str | None = None
    docket: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd of the decision
    title: str | None = None
    doc_name: str = "judgment"  # judgment/@name, e.g. memorandumOpinion, order
    parties: list[Party] = field(default_factory=list)
    judges: list[str] = field(default_factory=list)
    # Case identity beyond the work URI (see convert/case.py and readers/caption.py).
    dockets: list[str] = field(default_factory=list)  # every docket of this case, as printed
    lower_dockets: list[str] = field(default_factory=list)  # the lower court's, kept apart
    panel: list[str] = field(default_factory=list)  # judges hearing the case
    citations: list[str] = field(default_factory=list)  # neutral/official cites printed on it
    case_line: str | None = None  # a case name printed as such ("In re X", a running head)
    court_source: str | None = None  # what named the court: caption, page furniture, ...
    date_source: str | None = None  # caption, closing, signature, filing stamp
    attorneys: list = field(default_factory=list)  # counsel.Attorney: name, side, party


@dataclass
class Document:
    meta: Meta = field(default_factory=Meta)
    header: list[Block] = field(default_factory=list)
    body: list[BodyItem] = field(default_factory=list)
    conclusions: list[Block] = field(default_factory=list)
    # Notes that are not the court's (a publisher's or editor's note): AKN meta/notes, called
    # by a `noteRef` at the start of the header.  Each is a list of blocks.
    editorial_notes: list[list[Block]] = field(default_factory=list)


@dataclass
class Prebuilt:
    """A document that is Akoma Ntoso already (the `akn` reader): it passes through the
    builder unchanged.  `tree` is an lxml ElementTree."""

    tree: object


def inline_text(content: list[Inline]) -> str:
    """The visible text of inline content, notes left out."""
    out: list[str] = []
    for item in content:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Span):
            out.append(inline_text(item.content))
    return "".join(out)
