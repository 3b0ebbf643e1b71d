"""Namespace and the few names every module that reads or writes AKN shares."""

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NSMAP = {None: AKN_NS}
NS = {"akn": AKN_NS}  # for XPath


def q(tag: str) -> str:
    """Clark name of an AKN element: q("p") == "{...akn/3.0}p"."""
    return f"{{{AKN_NS}}}{tag}"
