"""Pass `closing`: the closing date line and signature (`state.closing`, cut off by `parts`)
-> conclusions with the decision date and the signing judge marked."""

from __future__ import annotations

from ...document import P, Span
from .. import marks
from ..caption import DATE_RE, iso_date, title_case
from .parts import CLOSING_RE, caps, signer

NAME = "closing"


def run(state) -> None:
    meta = state.doc.meta
    out: list[P] = []
    texts = [marks.visible(line.text).strip() for line in state.closing]
    for i, line in enumerate(state.closing):
        text = texts[i]
        if signer(texts, i):
            judge = title_case(text)
            meta.judges.append(judge)
            out.append(P([Span("signature", [Span("judge", [text], {"name": judge})])]))
            continue
        m = DATE_RE.search(text)
        if m and CLOSING_RE.match(text):
            date = iso_date(m.group(0))
            content: list = [text[:m.start()]]
            if date:
                meta.date = meta.date or date
                content.append(Span("docDate", [m.group(0)], {"date": date}))
            else:
                content.append(m.group(0))
            rest = text[m.end():]
            name = rest.strip()
            if name and caps(name):
                lead = rest[: len(rest) - len(rest.lstrip())]
                judge = title_case(name)
                meta.judges.append(judge)
                content += [lead, Span("signature", [Span("judge", [name], {"name": judge})])]
            elif rest:
                content.append(rest)
            out.append(P([c for c in content if c != ""]))
        else:
            out.append(P(state.inline(text)))
    state.doc.conclusions = out
