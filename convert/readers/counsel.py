"""Counsel: the attorneys a caption lists, each with the party side they appear for.

US opinions print their counsel in a few layouts, all built from the same pieces -- a person's
name, a firm or office, a city, and a role phrase that says whom they represent:

- an appearances block below a district court's caption (D.N.J.):
      APPEARANCES:
      KEVIN T. FLOOD, Esq.
      181 Route 206
      Hillsborough, NJ 08844
                On behalf of Plaintiff
- a counsel list, one entry per attorney with `(Argued)` and `Counsel for ...` (3d Cir.):
      Robert G. Rose (Argued)
      Hogan & Hartson
      Newark, NJ 07102
             Counsel for Appellant, International Fidelity Insurance Co.
- a reporter headnote paragraph, entries closed by `for <role>.` (1st, 2d, 4th, Fed. Cir.,
  N.C.):
      Philip P. Mann, Mann Law Group, of Seattle, Washington, for plaintiff-appellee.
      ARGUED: Jane Roe, ROE LLP, Richmond, Virginia, for Appellants.
      Smith Firm, P.A., by Michael A. Grace for plaintiff-appellants.
- a minutes form's field (C.D. Cal. CV-90): `Attorneys Present for Plaintiffs:`.

(The examples are from the development corpus's documents: njd_16-4465, ca3_09-1225,
cafc_2009-1361, ca4_08-2373, nc_2022-NCSC-1, cacd_664551; names in the last two changed.)

What decides is the role phrase (`for`, `on behalf of`, `Counsel for`, `Attorneys for`
followed by a party's role word) -- words every US court uses, not one court's -- and the shape
of a person's name before it; a firm (`LLP`, `P.A.`, `&`, `Law`, `Office`), a street address
or a city is not a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .caption import _ROLE_WORD, roles_in

# "for Plaintiff-Appellant", "On behalf of Plaintiff", "Counsel for Appellee", "Attorneys
# Present for Defendants", "for the petitioner".
COUNSEL_ROLE = re.compile(
    rf"(?:\b(?:Counsel|Attorneys?)(?:\s+Present)?\s+for|\bOn\s+behalf\s+of)\s+(?:the\s+)?"
    rf"(?P<role>{_ROLE_WORD}(?:[-–\s]+{_ROLE_WORD})*)|"
    rf"\bfor\s+(?:the\s+)?(?P<end_role>{_ROLE_WORD}(?:[-–\s]+{_ROLE_WORD})*)\s*[.;,:]?\s*$",
    re.I)
