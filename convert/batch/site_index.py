"""`index.html` in OUT: the converted opinions, with case name, court, date and docket, and a
link to each format."""

from __future__ import annotations

from html import escape

FORMAT_LABELS = {"html": "HTML", "xml": "AKN XML", "md": "Markdown", "pdf": "PDF"}


def index_html(entries: dict[str, dict]) -> bytes:
    """`entries`: the manifest (input rel -> outputs relative to OUT, case facts)."""
    rows = []
    for rel, entry in sorted(entries.items()):
        meta = entry.get("meta") or {}
        links = []
        for target in entry.get("outputs", []):
            href = target
            fmt = href.rsplit(".", 1)[-1]
            links.append(f'<a href="{escape(href)}">{FORMAT_LABELS.get(fmt, fmt)}</a>')
        title = meta.get("title") or rel
        rows.append("<tr>"
                    f"<td>{escape(title)}</td>"
                    f"<td>{escape(meta.get('court') or '')}</td>"
                    f"<td>{escape(meta.get('date') or '')}</td>"
                    f"<td>{escape(meta.get('docket') or '')}</td>"
                    f"<td>{' '.join(links)}</td>"
                    f"<td><code>{escape(rel)}</code></td></tr>")
    body = "\n".join(rows)
    return (f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Converted opinions ({len(rows)})</title>
<style>body{{font:16px/1.4 system-ui,sans-serif;margin:2rem}}table{{border-collapse:collapse}}
th,td{{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}}
</style></head>
<body><h1>Converted opinions ({len(rows)})</h1>
<table><thead><tr><th>Case</th><th>Court</th><th>Date</th><th>Docket</th><th>Formats</th>
<th>Source</th></tr></thead>
<tbody>
{body}
</tbody></table></body></html>
""").encode()
