"""akn-convert: court opinions to Akoma Ntoso 3.0 judgments, and back out to HTML, Markdown
and PDF.  See README.md and DESIGN notes in docs/."""

__version__ = "0.1.0"
