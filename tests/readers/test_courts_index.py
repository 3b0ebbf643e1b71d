"""Issue 10 (fast start): the cached courts-db index finds the same courts as courts-db's own
`find_court`, without compiling courts-db's regex table in the process."""

from __future__ import annotations

import subprocess
import sys

import pytest

from convert.readers import courts

from locations import CORPUS, ROOT, SAMPLES

# Every Nth courts-db court name is checked: courts-db's own search takes ~20 ms a line, so
# all 2,800 names would take a minute; one in 25 still covers every state and court type.
NAME_STRIDE = 25
# Caption lines come from the head of each opinion, where the court is named.
HEAD_LINES = 60


def _court_lines() -> list[str]:
    """Lines naming a court at the head of every sample and corpus text: real captions."""
    files = sorted(SAMPLES.glob("*.txt")) + sorted(CORPUS.glob("**/*.txt"))
    lines = set()
    for path in files:
        for line in path.read_text(errors="replace").splitlines()[:HEAD_LINES]:
            line = " ".join(line.split())
            if "court" in line.lower() and len(line) < 200:
                lines.add(line)
    return sorted(lines)


def _probes() -> list[str]:
    import courts_db

    names = [c["name"] for c in courts_db.courts][::NAME_STRIDE]
    variants = [n.upper() for n in names[::4]] + [f"  {n}  " for n in names[1::8]]
    made_up = ["United States District Court for the District of Columbia",
               "UNITED STATES COURT OF APPEALS FOR THE FIRST CIRCUIT",
               "IN THE UNITED STATES BANKRUPTCY COURT FOR THE DISTRICT OF DELAWARE",
               "Court of Appeals of Ohio, Tenth District", "District Court", "Court",
               "Supreme Court of the United States", "ſupreme Court of Alabama",
               "Court of Appeals of the State of New York", ""]
    return names + variants + made_up + _court_lines()


def test_same_courts_as_courts_db():
    import courts_db

    probes = _probes()
    assert len(probes) > 250
    theirs = {p: sorted(courts_db.find_court(p)) for p in probes}
    ours = {p: sorted(courts.find_court(p)) for p in probes}
    assert [(p, theirs[p], ours[p]) for p in probes if theirs[p] != ours[p]] == []
    assert sum(1 for p in probes if ours[p]) > len(probes) // 3  # found courts, not all empty


def test_resolving_does_not_load_courts_db(tmp_path):
    """With the index cached, resolving a court imports neither courts_db nor its table."""
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    code = ("import sys; from convert.readers.courts import resolve; "
            "r = resolve('UNITED STATES COURT OF APPEALS FOR THE FIRST CIRCUIT'); "
            "print(r[0], 'courts_db' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, cwd=ROOT, timeout=120)
    assert first.stdout.split() == ["ca1", "True"], first.stderr  # built it: courts-db read
    assert list((tmp_path / "akn-convert").glob("courts-db-*.marshal"))
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert second.stdout.split() == ["ca1", "False"], second.stderr


def test_unwritable_cache_still_resolves(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    env = {"XDG_CACHE_HOME": str(blocker), "PATH": "/usr/bin:/bin"}
    code = ("from convert.readers.courts import resolve; "
            "print(resolve('Supreme Court of the United States')[0])")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.stdout.split() == ["scotus"], done.stderr


def test_the_cache_is_keyed_by_courts_db_version():
    key = courts._courts_db_key()
    import courts_db  # noqa: F401  (its version is in the key)
    from importlib.metadata import version

    assert f"courts-db-{version('courts-db')}-" in key


@pytest.mark.parametrize("pattern, low, first, last, words", [
    (r"Supreme Court of (Alabama|Ohio)", 21, "s", "ao", ("supreme court of ",)),
    (r"(State of )?Ohio District Court", 19, "os", "t", ("ohio district court",)),
    (r"Court( of Appeals)?", 5, "c", "st", ("court",)),
    (r"^D(ist)?\.? ?Mass\.?$", 5, "d", ".s", ("mass",)),
    (r"(^|\s)N\.D\. Ill", 8, "\t\n\x0b\x0c\r n", "l", ("n.d. ill",)),
    (r".*Court", 5, None, "t", ("court",)),
])
def test_requirements_of_a_regex(pattern, low, first, last, words):
    lo, _, starts, ends, found = courts._requirements(pattern)
    assert (lo, starts, ends, found) == (low, first, last, words)
