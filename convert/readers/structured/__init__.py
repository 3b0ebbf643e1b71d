"""Readers for sources that are already structured: CAP / case.law HTML and JSON, Fastcase
vendor HTML/XML, CourtListener's legacy vendor XML.

Each format is one module with `sniff(path, head)` and `read(source, data)`; what they share
sits in its own module: `safe` (hostile-input guards), `inline` (formatting, citations),
`pages` (reporter page markers and series), `notes` (calls and bodies), `flow` (units to the
document model).
"""
