"""AKN -> Markdown that CommonMark/GFM readers (markdown-it-py, GitHub) and pandoc (`gfm` and
`markdown`) all read the same way.

- YAML front matter (JSON-quoted strings, valid YAML): title, court, date, docket, parties,
  judges, citation, frbr_uri, lang.  Values are Markdown-escaped too (pandoc reads front-matter
  strings as Markdown), so `AT&T` is written `"AT\\&T"`.
- Paragraph anchors are raw `<a id="para_12"></a>` at the start of the paragraph (ids pass
  through `akn.ids.safe_id`, so they hold nothing HTML could read as markup): GitHub and
  pandoc ignore `{#id}` attributes on paragraphs, but all read inline HTML.
- Headings keep their numbers (`## <a id="lvl_1"></a>I. Background`).
- Page markers: `<a id="page_14"></a>[*14]`, visible, with an anchor.
- Footnotes: `[^label]` where the label is the court's marker when that is alphanumeric and
  not taken by an earlier note, otherwise the note's id; definitions follow the text.
- Every text character that Markdown (or pandoc's extensions: `$` math, `@` citations, `^`/`~`
  super/subscript, fancy list markers) would read as syntax is backslash-escaped, so text that
  looks like markup (`<script>`) stays text.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from .html import safe_href, safe_image_src
from .model import HIERARCHY, SKIPPED, Model, Note, local, squash

# Markdown's punctuation, each escaped with a backslash (str.translate: ~4x a regex sub).
_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>~^|$@&{}#!"})
_SPACE = re.compile(r"\s+")
_TRAILING_BREAKS = re.compile(r"(?:\s*<br>\s*)+$")
_LIST_START = re.compile(r"^(\(?(?:\d{1,9}|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+))([.)])(?=\s|$)")
_BLOCKISH = {"p", "embeddedStructure", "subFlow", "blockList", "table", "blockContainer", "toc",
             "ul", "ol"}
_BLOCKISH_INLINE = {"embeddedStructure", "subFlow", "blockList", "table", "blockContainer", "toc",
                    "ul", "ol"}
_DIRECT_HTML = {"sup": "sup", "sub": "sub", "u": "u", "ins": "ins", "del": "del"}


def esc(text: str | None) -> str:
    if not text:
        return ""
    return _SPACE.sub(" ", text).translate(_ESCAPE)


def start_safe(line: str) -> str:
    """Escape what would make a paragraph's first characters a list, heading, quote, rule,
    definition or table."""
    line = line.lstrip()
    if not line:
        return line
    if line[0] in "-+=:":
        return "\\" + line
    if line[0] == "(" and _LIST_START.match(line):
        line = "\\" + line
    m = _LIST_START.match(line.lstrip("\\"))
    if m:
        offset = len(line) - len(line.lstrip("\\"))
        cut = offset + len(m.group(1))
        line = line[:cut] + "\\" + line[cut:]
    return line


def _wrap(marker: str, text: str) -> str:
    """`**text**` with surrounding whitespace moved outside the markers."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}{marker}{core}{marker}{trail}"


def _url(href: str) -> str:
    return quote(href, safe=":/?#[]@!$&'*+,;=%~-._")


def front_matter_value(value: str) -> str:
    """A YAML scalar that pandoc reads as plain text: pandoc parses front-matter strings as
    Markdown (so `<img onerror=...>` in a title would be live HTML), hence the Markdown
    escaping; JSON quoting makes the result a valid YAML double-quoted string."""
    return json.dumps(start_safe(esc(value)), ensure_ascii=False)


class MarkdownRenderer:
    def __init__(self, model: Model):
        self.m = model
        self.labels: dict[str, str] = {}
        taken = {re.sub(r"[^A-Za-z0-9_-]", "-", n.id) for n in model.notes}
        for note in model.notes:
            if re.fullmatch(r"[A-Za-z0-9]+", note.marker) and note.marker not in taken:
                label = note.marker
            else:
                label = re.sub(r"[^A-Za-z0-9_-]", "-", note.id)
                while label in self.labels.values():
                    label += "-"
            taken.add(label)
            self.labels[note.id] = label
        self.note_order: list[Note] = []

    # ------------------------------------------------------------ inline

    def inline_children(self, src) -> str:
        parts = [esc(src.text)]
        for child in src:
            parts.append(self.inline(child))
            parts.append(esc(child.tail))
        return "".join(parts)

    def inline(self, src) -> str:
        name = local(src)
        if name is None:
            return esc("".join(src.itertext())) if isinstance(src.tag, str) else ""
        if name in SKIPPED or name == "eol":
            return ""
        if name in ("authorialNote", "noteRef"):
            found = self.m.note_of_call(src)
            if found is None:
                marker = squash(src.get("marker"))
                return f"<sup>{esc(marker)}</sup>" if marker else ""
            note = found[0]
            if note not in self.note_order:
                self.note_order.append(note)
            return f"[^{self.labels[note.id]}]"
        if name == "eop":
            # `[*14] ` with a space after it, escaped so that no reader takes it for a link,
            # citation or emphasis; the anchor keeps `#page_14` working.
            eid = self.m.id_of(src)
            anchor = f'<a id="{eid}"></a>' if eid else ""
            return f"{anchor}\\[{esc(self.m.page_of(src).text)}\\] "
        if name == "br":
            return "<br>"
        if name == "marker":
            return " "
        if name == "img":
            alt = esc(src.get("alt") or src.get("title") or "")
            href = safe_image_src(src.get("src"))
            return f"![{alt}]({_url(href)})" if href else (f"\\[{alt}\\]" if alt else "")
        inner = self.inline_children(src)
        if name == "b" or name == "strong":
            return _wrap("**", inner)
        if name == "i" or name == "em":
            return _wrap("*", inner)
        if name in _DIRECT_HTML and inner.strip():
            tag = _DIRECT_HTML[name]
            return f"<{tag}>{inner}</{tag}>"
        if name in ("ref", "a", "mref", "rref"):
            href = self.m.local_href(safe_href(src.get("href")))
            if href and inner.strip() and "](" not in inner:
                return f"[{inner}]({_url(href)})"
            return inner
        if name == "p" or name in HIERARCHY or name in _BLOCKISH:
            return " " + inner + " "
        return inner

    # ------------------------------------------------------------ blocks
    # A block is (kind, text): kind "p" for a plain paragraph a lead can be prefixed to.

    def para(self, text: str) -> list[tuple[str, str]]:
        text = " ".join(text.split())  # white space runs as one space, none at the ends
        if "<br>" in text:
            text = _TRAILING_BREAKS.sub("", text)
        return [("p", start_safe(text))] if text else []

    def mixed_blocks(self, src) -> list[tuple[str, str]]:
        """A p (or any mixed-content element): split around block structures inside it."""
        out: list[tuple[str, str]] = []
        buf = [esc(src.text)]
        for child in src:
            if local(child) in _BLOCKISH_INLINE:
                out += self.para("".join(buf))
                buf = []
                out += self.blocks(child)
            else:
                buf.append(self.inline(child))
            buf.append(esc(child.tail))
        out += self.para("".join(buf))
        return out

    def children_blocks(self, src, skip=()) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        if src.text and src.text.strip():
            out += self.para(esc(src.text))
        for child in src:
            if child in skip:
                continue
            out += self.blocks(child)
            if child.tail and child.tail.strip():
                out += self.para(esc(child.tail))
        return out

    @staticmethod
    def is_mixed(src) -> bool:
        return bool((src.text and src.text.strip()) or any(c.tail and c.tail.strip() for c in src))

    def blocks(self, src) -> list[tuple[str, str]]:
        name = local(src)
        if name is None:
            return self.para(esc("".join(src.itertext()))) if isinstance(src.tag, str) else []
        if name in SKIPPED:
            return []
        if name == "p":
            return self.mixed_blocks(src)
        if name in HIERARCHY:
            return self.container(src)
        if name in ("blockContainer", "embeddedStructure"):
            inner = self.children_blocks(src)
            if name == "blockContainer" and "blockquote" not in (src.get("class") or "").split():
                return inner
            return [("quote", self.quote(inner))] if inner else []
        if name in ("blockList", "toc", "ul", "ol"):
            return self.listing(src)
        if name == "table":
            return self.table(src)
        if name == "crossHeading":
            return [("heading", self.heading_line(src, None, src, 2))]
        if name in ("authorialNote", "noteRef", "eop", "img", "br"):
            return self.para(self.inline(src))
        if name in ("num", "heading", "subheading", "docTitle", "signature") or \
                self.is_mixed(src):
            return self.mixed_blocks(src)
        if not any(local(c) is not None for c in src):
            return self.para(self.inline_children(src))
        return self.children_blocks(src)

    def heading_line(self, container, num, heading, rank: int) -> str:
        eid = self.m.id_of(container)
        text = ""
        if num is not None:
            text = self.inline_children(num).strip() + " "
        text += self.inline_children(heading) if heading is not None else ""
        text = _SPACE.sub(" ", text).strip() or "\\*"
        anchor = f'<a id="{eid}"></a>' if eid else ""
        return "#" * min(6, rank) + " " + anchor + text

    def container(self, src) -> list[tuple[str, str]]:
        num = next((c for c in src if local(c) == "num"), None)
        heading = next((c for c in src if local(c) == "heading"), None)
        writing = self.m.writing_labels.get(src) if heading is None else None
        if writing:  # a separate writing: a heading with its label ("Scalia, J., concurring")
            eid = self.m.id_of(src)
            anchor = f'<a id="{eid}"></a>' if eid else ""
            rank = min(6, self.m.heading_depth(src) + 1)
            return [("heading", "#" * rank + " " + anchor + esc(writing))] + \
                self.children_blocks(src, skip=(num,))
        if heading is not None:
            rank = self.m.heading_depth(src) + 1
            out = [("heading", self.heading_line(src, num, heading, rank))]
            return out + self.children_blocks(src, skip=(num, heading))
        eid = self.m.id_of(src)
        lead = f'<a id="{eid}"></a>' if eid else ""
        if num is not None:
            n = _SPACE.sub(" ", self.inline_children(num)).strip()
            if n:
                lead += f"**{n}**"
        rest = self.children_blocks(src, skip=(num,))
        if not lead:
            return rest
        if rest and rest[0][0] == "p":
            sep = "" if lead.endswith("</a>") else " "
            return [("p", lead + sep + rest[0][1])] + rest[1:]
        return [("p", lead)] + rest

    @staticmethod
    def quote(blocks) -> str:
        lines = []
        for k, (_, text) in enumerate(blocks):
            if k:
                lines.append(">")
            lines += ["> " + line if line else ">" for line in text.split("\n")]
        return "\n".join(lines)

    @staticmethod
    def indent(text: str, first: str, pad: str) -> str:
        lines = text.split("\n")
        return "\n".join([first + lines[0]] + [pad + ln if ln else "" for ln in lines[1:]])

    def listing(self, src) -> list[tuple[str, str]]:
        items = []
        for child in src:
            cname = local(child)
            if cname is None:
                continue
            num = next((c for c in child if local(c) == "num"), None)
            if self.is_mixed(child) or not any(local(c) in _BLOCKISH or local(c) in HIERARCHY
                                               for c in child):
                inner = self.para(self.inline_children(child))
            else:
                inner = self.children_blocks(child, skip=(num,))
                if num is not None:
                    n = esc(squash("".join(num.itertext())))
                    if inner and inner[0][0] == "p":
                        inner[0] = ("p", start_safe(n + " " + inner[0][1]))
                    else:
                        inner.insert(0, ("p", start_safe(n)))
            eid = self.m.id_of(child)
            if eid and inner and inner[0][0] == "p":
                inner[0] = ("p", f'<a id="{eid}"></a>' + inner[0][1])
            if not inner:
                continue
            body = "\n\n".join(text for _, text in inner)
            items.append(self.indent(body, "- ", "  "))
        return [("list", "\n".join(items))] if items else []

    def table(self, src) -> list[tuple[str, str]]:
        rows = []
        for tr in src:
            if local(tr) != "tr":
                continue
            row = []
            for cell in tr:
                if local(cell) not in ("td", "th"):
                    continue
                parts = [text for _, text in self.children_blocks(cell)]
                row.append(" <br> ".join(p.replace("\n", " ") for p in parts) or " ")
            rows.append(row)
        if not rows:
            return []
        width = max(len(r) for r in rows) or 1
        rows = [r + [" "] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return [("table", "\n".join(lines))]

    # ------------------------------------------------------------ the document

    def front_matter(self) -> str:
        m = self.m
        q = front_matter_value
        lines = ["---", f"title: {q(m.title)}"]
        for key, value in (("court", m.court), ("date", m.date), ("docket", m.docket),
                           ("citation", m.citation)):
            if value:
                lines.append(f"{key}: {q(value)}")
        if m.parties:
            lines.append("parties:")
            for p in m.parties:
                lines.append(f"  - name: {q(p.name)}")
                if p.role:
                    lines.append(f"    role: {q(p.role)}")
        if m.panel:
            lines.append("panel:")
            lines += [f"  - {q(j)}" for j in m.panel]
        if m.judges:
            lines.append("judges:")
            lines += [f"  - {q(j)}" for j in m.judges]
        if m.frbr_uri:
            lines.append(f"frbr_uri: {q(m.frbr_uri)}")
        lines.append(f"lang: {q(m.lang)}")
        lines.append("---")
        return "\n".join(lines)

    def note_definitions(self) -> list[str]:
        out = []
        k = 0
        while k < len(self.note_order):  # a note called inside a note joins the queue
            note = self.note_order[k]
            k += 1
            blocks = self.children_blocks(note.element)
            body = "\n\n".join(text for _, text in blocks) or "\\*"
            out.append(self.indent(body, f"[^{self.labels[note.id]}]: ", "    "))
        return out

    def render(self) -> str:
        chunks = [self.front_matter(), "# " + esc(self.m.title)]
        for part in self.m.parts:
            chunks += [text for _, text in self.blocks(part)]
        chunks += self.note_definitions()
        return "\n\n".join(chunk for chunk in chunks if chunk) + "\n"


def render_markdown(model: Model) -> bytes:
    return MarkdownRenderer(model).render().encode("utf-8")
