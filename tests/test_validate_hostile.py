"""Hostile input: each attack gets a clear error, with no network access, no file read outside
the input, bounded memory and time, and the other files in the run are still checked.

Two guards prove "no network": a Python-level socket guard (every connect/resolve fails the
test) and a real TCP listener on localhost that the hostile documents point at, which would
see a connection made from C (libxml2) where the Python guard cannot look.  "No file read"
is proven by pointing an external entity at a FIFO with no writer: opening it for reading
would block, and the run has a timeout.
"""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from lxml import etree

from convert.validate import safe, validate

ROOT = Path(__file__).resolve().parent.parent  # not `from conftest`: tests/render has one too

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
MB = 1024 * 1024
TIME_LIMIT = 1.0  # seconds per hostile file, in process
RSS_GROWTH_LIMIT = 64 * MB  # peak-RSS growth allowed while validating one hostile file


# ---------------------------------------------------------------- guards


@pytest.fixture
def socket_guard(monkeypatch):
    """Any network attempt from Python fails the test (and is recorded)."""
    attempts: list[str] = []

    def refuse(name):
        def guard(*args, **kwargs):
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise AssertionError(f"network attempt: {name}")
        return guard

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    yield attempts
    assert attempts == [], f"network attempts: {attempts}"


class Listener:
    """A TCP server on 127.0.0.1 that counts the connections it receives."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


def peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KB


# ---------------------------------------------------------------- the hostile files

GOOD_AKN = None


def good_akn() -> bytes:
    global GOOD_AKN
    if GOOD_AKN is None:
        from test_validate_profile import make_document

        from convert.akn.builder import build, serialize
        GOOD_AKN = serialize(build(make_document()))
    return GOOD_AKN


def doc_with_doctype(doctype: str, body: str = "&x;") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n'
            f'<akomaNtoso xmlns="{AKN}"><judgment name="x">{body}</judgment></akomaNtoso>\n'
            ).encode()


def billion_laughs() -> bytes:
    decls = ['<!ENTITY lol0 "lol">']
    for i in range(1, 10):
        decls.append(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
    return doc_with_doctype("<!DOCTYPE akomaNtoso [\n " + "\n ".join(decls) + "\n]>", "&lol9;")


def quadratic_blowup() -> bytes:
    # One 50 KB entity referenced 4,000 times: 200 MB if expanded.
    return doc_with_doctype(f'<!DOCTYPE akomaNtoso [<!ENTITY a "{"a" * 50_000}">]>',
                            "&a;" * 4_000)


def deep_nesting(levels: int = 100_000) -> bytes:
    return (f'<akomaNtoso xmlns="{AKN}">' + "<judgment>" * levels + "</judgment>" * levels
            + "</akomaNtoso>").encode()


def write_sparse(path: Path, size: int) -> None:
    """A file of ``size`` bytes that starts like a real AKN document: written sparsely (one
    seek), so the 200 MB test costs no time or disk."""
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="{AKN}"><p>'.encode()
    with open(path, "wb") as f:
        f.write(head)
        f.seek(size - 1)
        f.write(b">")


def hostile_files(directory: Path, port: int, secret: Path, fifo_target: Path | None
                  ) -> dict[str, str]:
    """Write the hostile set into ``directory``; return {file name: expected rule}."""
    expected = {}

    def put(name, data, rule):
        (directory / name).write_bytes(data)
        expected[name] = rule

    put("xxe-passwd.xml", doc_with_doctype(
        '<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
        "doctype-external-entity")
    put("xxe-secret.xml", doc_with_doctype(
        f'<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file://{secret}">]>'),
        "doctype-external-entity")
    put("xxe-http.xml", doc_with_doctype(
        f'<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "http://127.0.0.1:{port}/x.txt">]>'),
        "doctype-external-entity")
    put("xxe-parameter.xml", doc_with_doctype(
        f'<!DOCTYPE akomaNtoso [<!ENTITY % p SYSTEM "http://127.0.0.1:{port}/p.dtd"> %p;]>',
        ""), "doctype-external-entity")
    put("external-dtd.xml", doc_with_doctype(
        f'<!DOCTYPE akomaNtoso SYSTEM "http://127.0.0.1:{port}/akn.dtd">', ""),
        "doctype-external-dtd")
    put("xxe-public.xml", doc_with_doctype(
        f'<!DOCTYPE akomaNtoso [<!ENTITY x PUBLIC "-//X//EN" "http://127.0.0.1:{port}/p">]>'),
        "doctype-external-entity")
    put("xxe-utf16.xml", doc_with_doctype(
        '<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file:///etc/passwd">]>').decode()
        .replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
        "doctype-external-entity")
    if fifo_target is not None:
        put("xxe-fifo.xml", doc_with_doctype(
            f'<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file://{fifo_target}">]>'),
            "doctype-external-entity")
    put("billion-laughs.xml", billion_laughs(), "doctype-entity")
    put("quadratic-blowup.xml", quadratic_blowup(), "doctype-entity")
    put("internal-subset.xml", doc_with_doctype(
        '<!DOCTYPE akomaNtoso [<!ATTLIST judgment name CDATA "injected">]>', ""),
        "doctype-subset")
    put("deep-nesting.xml", deep_nesting(), "depth-limit")
    write_sparse(directory / "huge-200mb.xml", 200 * MB)
    expected["huge-200mb.xml"] = "too-large"
    put("binary.xml", bytes(range(256)) * 64, "not-xml")
    put("pdf.xml", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n", "not-xml")
    put("empty.xml", b"", "empty")
    put("whitespace.xml", b"  \n\t\n", "empty")
    put("truncated.xml", good_akn()[: len(good_akn()) // 2], "xml-syntax")
    put("good.xml", good_akn(), None)
    return expected


# ---------------------------------------------------------------- in process, file by file


@pytest.fixture
def hostile_dir(tmp_path, listener):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("TOKEN-7d41c0de-not-to-be-read\n")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    expected = hostile_files(inputs, listener.port, secret, fifo_target=None)
    return inputs, expected, secret


def test_each_hostile_file_is_refused_clearly(hostile_dir, listener, socket_guard):
    inputs, expected, secret = hostile_dir
    token = secret.read_text().strip()
    for name, rule in sorted(expected.items()):
        before_rss, started = peak_rss(), time.perf_counter()
        report = validate(inputs / name)
        elapsed = time.perf_counter() - started
        grown = peak_rss() - before_rss
        assert elapsed < TIME_LIMIT, f"{name}: {elapsed:.2f} s"
        assert grown < RSS_GROWTH_LIMIT, f"{name}: peak RSS grew {grown / MB:.0f} MB"
        if rule is None:
            assert report.valid, (name, report.errors)
            continue
        assert not report.valid and report.errors, name
        err = report.errors[0]
        assert err.rule == rule, (name, err)
        assert err.kind in ("input", "xml")
        assert err.message and "Traceback" not in err.message
        assert token not in json.dumps(report.to_dict())
    assert listener.connections == 0


def test_messages_name_the_problem(tmp_path):
    cases = {
        "xxe-passwd.xml": ["external entity 'x'", "file:///etc/passwd", "refused"],
        "billion-laughs.xml": ["10 entities", "lol0", "refused"],
        "huge-200mb.xml": ["200.0 MB", "50.0 MB limit", "refused"],
        "deep-nesting.xml": ["nested deeper than 256"],
        "pdf.xml": ["not XML", "PDF"],
        "empty.xml": ["file is empty"],
    }
    expected = hostile_files(tmp_path, 9, tmp_path / "s", None)
    for name, words in cases.items():
        report = validate(tmp_path / name)
        message = report.errors[0].message
        for w in words:
            assert w in message, (name, message)
    assert validate(tmp_path / "xxe-passwd.xml").errors[0].line == 2  # the DOCTYPE's line
    assert set(cases) <= set(expected)


def test_doctype_refusal_happens_before_the_parser_runs(monkeypatch):
    def no_parsing(*args, **kwargs):
        raise AssertionError("the parser must not see a refused DOCTYPE")

    monkeypatch.setattr(safe.etree, "fromstring", no_parsing)
    for data in (billion_laughs(), quadratic_blowup(), doc_with_doctype(
            '<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file:///etc/passwd">]>')):
        with pytest.raises(safe.InputRefused) as info:
            safe.parse_bytes(data)
        assert info.value.issue.rule.startswith("doctype")


def test_parser_is_a_second_line_of_defence(monkeypatch):
    """Even with the prolog scan switched off, nothing is expanded or fetched, and the DTD's
    declarations are still refused after parsing."""
    started = time.perf_counter()
    try:
        root = etree.fromstring(billion_laughs(), safe.safe_parser())
    except etree.XMLSyntaxError as err:  # libxml2 >= 2.11 stops the amplification itself
        assert "amplification" in str(err)
    else:  # older libxml2: &lol9; stays a reference, not 3 GB of "lol"
        assert len(etree.tostring(root)) < 2_000
    assert time.perf_counter() - started < TIME_LIMIT
    root = etree.fromstring(doc_with_doctype(
        '<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file:///etc/passwd">]>'), safe.safe_parser())
    assert "root:" not in etree.tostring(root).decode()
    monkeypatch.setattr(safe, "check_prolog", lambda data: None)
    started = time.perf_counter()
    with pytest.raises(safe.InputRefused) as info:
        safe.parse_bytes(billion_laughs())
    assert info.value.issue.rule in ("entity-expansion", "doctype-entity")
    assert time.perf_counter() - started < TIME_LIMIT
    # A DTD that libxml2 parses without complaint is refused after parsing.
    with pytest.raises(safe.InputRefused) as info:
        safe.parse_bytes(doc_with_doctype('<!DOCTYPE akomaNtoso [<!ENTITY x "y">]>'))
    assert info.value.issue.rule == "doctype-entity"


def test_a_bare_doctype_is_harmless_and_accepted():
    data = good_akn().replace(b"<akomaNtoso", b"<!DOCTYPE akomaNtoso>\n<akomaNtoso", 1)
    assert validate(data).valid


def test_special_files_are_not_read(tmp_path):
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    started = time.perf_counter()
    report = validate(fifo)  # opening a FIFO with no writer would block forever
    assert time.perf_counter() - started < TIME_LIMIT
    assert report.errors[0].rule == "not-a-file"
    assert validate(Path("/dev/zero")).errors[0].rule == "not-a-file"


def test_size_cap_is_configurable_and_applies_to_bytes(tmp_path):
    path = tmp_path / "good.xml"
    path.write_bytes(good_akn())
    assert validate(path).valid
    report = validate(path, max_bytes=1000)
    assert report.errors[0].rule == "too-large"
    assert validate(good_akn(), max_bytes=1000).errors[0].rule == "too-large"


def test_read_is_bounded_even_if_the_file_grows(tmp_path, monkeypatch):
    """The cap holds while reading, not only on stat: a file that grows after stat (or lies
    about its size) is cut at max_bytes + 1 and refused."""
    path = tmp_path / "grows.xml"
    path.write_bytes(good_akn())
    real_stat = os.stat

    class Small:
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 10

    from convert import inputs  # the validator's reading checks live there (shared)

    monkeypatch.setattr(inputs.os, "stat", lambda p: Small(real_stat(p)))
    with pytest.raises(safe.InputRefused) as info:
        safe.read_bounded(path, max_bytes=100)
    assert info.value.issue.rule == "too-large" and "grew" in info.value.issue.message


# ---------------------------------------------------------------- one run, whole directory

RUNNER = textwrap.dedent("""
    import json, resource, socket, sys
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    attempts = []
    def guard(name):
        def refuse(*a, **k):
            attempts.append(name)
            raise OSError("network disabled by the test")
        return refuse
    for n in ("connect", "connect_ex", "sendto"):
        setattr(socket.socket, n, guard(n))
    socket.create_connection = guard("create_connection")
    socket.getaddrinfo = guard("getaddrinfo")
    from convert.cli import main
    rc = main(sys.argv[3:])
    # VmHWM is this process's own peak: getrusage's ru_maxrss survives execve on Linux, so it
    # would report the (large, long-running) pytest process that forked this one.
    with open("/proc/self/status") as status:
        hwm = next(int(l.split()[1]) * 1024 for l in status if l.startswith("VmHWM:"))
    with open(sys.argv[2], "w") as f:
        json.dump({"rc": rc, "attempts": attempts, "maxrss": hwm}, f)
""")


def test_whole_run_is_bounded_and_checks_every_file(tmp_path, listener):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("TOKEN-5ee1-not-to-be-read\n")
    trap = tmp_path / "outside" / "trap.fifo"
    os.mkfifo(trap)  # an entity pointing here would block the run if anything opened it
    inputs = tmp_path / "inputs"
    (inputs / "nested").mkdir(parents=True)
    expected = hostile_files(inputs, listener.port, secret, fifo_target=trap)
    os.mkfifo(inputs / "nested" / "special.xml")
    expected["nested/special.xml"] = "not-a-file"
    (inputs / "nested" / "also-good.xml").write_bytes(good_akn())
    expected["nested/also-good.xml"] = None

    runner = tmp_path / "runner.py"
    runner.write_text(RUNNER)
    result = tmp_path / "result.json"
    address_space = 1536 * MB
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(runner), str(address_space), str(result),
         "validate", "--format", "json", str(inputs)],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - started

    assert result.exists(), proc.stderr
    outcome = json.loads(result.read_text())
    assert outcome["attempts"] == [], "network attempted from Python"
    assert listener.connections == 0, "network attempted from C"
    assert elapsed < 20, f"hostile run took {elapsed:.1f} s"
    assert outcome["maxrss"] < 400 * MB, f"peak RSS {outcome['maxrss'] / MB:.0f} MB"
    assert outcome["rc"] == 1 and proc.returncode == 0  # the runner exits normally
    assert "Traceback" not in proc.stderr

    records = {str(Path(r["file"]).relative_to(inputs)): r
               for r in map(json.loads, proc.stdout.splitlines())}
    assert set(records) == set(expected)
    for name, rule in expected.items():
        record = records[name]
        if rule is None:
            assert record["valid"] is True, record
        else:
            assert record["valid"] is False
            assert record["errors"][0]["rule"] == rule, (name, record["errors"])
    assert "TOKEN-5ee1" not in proc.stdout + proc.stderr
    n = len(expected)
    assert f"{n} files: 2 valid, {n - 2} invalid" in proc.stderr
