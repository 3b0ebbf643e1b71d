"""What an AKN judgment says, as plain data for `score`."""

from __future__ import annotations

from dataclasses import dataclass, field

from convert.akn.names import NS


def _text(el) -> str:
    return " ".join(" ".join(el.itertext()).split())


@dataclass
class Found:
    notes: list[tuple[str, str]] = field(default_factory=list)  # (marker, text) in order
    eops: list[str | None] = field(default_factory=list)  # printed number or None, in order
    dockets: list[str] = field(default_factory=list)
    date: str | None = None
    court_id: str | None = None
    court_name: str | None = None
    titles: list[str] = field(default_factory=list)
    writings: list[tuple[str, str | None]] = field(default_factory=list)  # (kind, author)
    paragraphs: int = 0  # the body's paragraphs (judgmentBody//paragraph)
    paragraph_words: int = 0  # the words in them


def found_in(tree) -> Found:
    root = tree.getroot() if hasattr(tree, "getroot") else tree

    def xp(path):
        return root.xpath(path, namespaces=NS)

    f = Found()
    f.notes = [(n.get("marker") or "", _text(n)) for n in xp("//akn:authorialNote")]
    f.eops = [e.get("number") for e in xp("//akn:eop")]
    paragraphs = xp("//akn:judgmentBody//akn:paragraph")
    f.paragraphs = len(paragraphs)
    f.paragraph_words = sum(len(" ".join(p.itertext()).split()) for p in paragraphs)
    f.dockets = [_text(d) for d in xp("//akn:docketNumber")]
    f.dockets += [v for v in xp("//akn:FRBRWork/akn:FRBRnumber/@value") if v not in f.dockets]
    dates = xp("//akn:FRBRWork/akn:FRBRdate[@name='decision']/@date")
    f.date = str(dates[0]) if dates else None
    authors = xp("//akn:FRBRWork/akn:FRBRauthor/@href")
    if authors:
        cid = str(authors[0]).lstrip("#")
        org = xp(f"//akn:TLCOrganization[@eId='{cid}']")
        if org and cid != "court":  # the builder's placeholder when no court was resolved
            f.court_id = cid
            f.court_name = org[0].get("showAs") if org else None
        elif org and org[0].get("showAs") != "Unknown court":
            f.court_name = org[0].get("showAs")
    f.titles = [str(v) for v in xp("//akn:FRBRWork/akn:FRBRname/@value")]
    f.titles += [_text(t) for t in xp("//akn:docTitle")]
    # A title printed over several caption rows is marked row by row: read them as one too.
    rows = [_text(t) for t in xp("//akn:header//akn:docTitle")]
    if len(rows) > 1:
        f.titles.append(" ".join(rows))
    people = {p.get("eId"): p.get("showAs") for p in xp("//akn:TLCPerson")}
    for w in xp("//akn:hcontainer[@name='opinion']"):
        by = w.xpath(".//akn:opinion/@by", namespaces=NS)
        author = people.get(str(by[0]).lstrip("#")) if by else None
        f.writings.append((w.get("class") or "", author))
    if not f.writings and xp("//akn:judgmentBody"):
        # No separate writings: the body is the one writing, the court's, by the judge who
        # signs it (an order's "JANE ROE / United States District Judge").
        signer = xp("//akn:signature//akn:judge/@refersTo")
        f.writings.append(("majority", people.get(str(signer[0]).lstrip("#")) if signer
                           else None))
    return f
