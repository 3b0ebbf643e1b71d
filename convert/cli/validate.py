"""`akn validate PATH...`: the validator's own command line (convert/validate/cli.py)."""

from __future__ import annotations

HELP = "validate AKN files against the official schema and the project profile"


def add_arguments(p) -> None:
    from ..validate import cli

    cli.add_arguments(p)


def run(args) -> int:
    from ..validate import cli

    return cli.run(args)
