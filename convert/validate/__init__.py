"""Validation of Akoma Ntoso documents: the official OASIS AKN 3.0 schema, the project's
profile for US judgments (`schemas/akn-us-judgment.sch`), readable reports, safe on hostile
input.  See docs/validate.md.

The Python API is `validate`:

    from convert.validate import validate          # or: from convert import validate
    report = validate("opinion.xml")                #     report = validate.validate(...)
    report.valid, report.errors

(`convert.validate` is this package, so the call is `convert.validate.validate(...)`; a
package cannot itself be called.)
"""

from __future__ import annotations

from .core import UsageError, iter_xml_files, validate, validate_files
from .report import Issue, Report
from .safe import DEFAULT_MAX_BYTES, InputRefused

__all__ = ["validate", "validate_files", "iter_xml_files", "Report", "Issue", "InputRefused",
           "UsageError", "DEFAULT_MAX_BYTES"]
