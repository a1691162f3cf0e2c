"""Parsing untrusted XML never opens a file or a device, whatever the prolog holds.

A FIFO is the witness: opening it for reading blocks until a writer comes, and a writer can
tell (``O_NONBLOCK`` open succeeds only while a reader is waiting).  A watcher thread keeps
trying to open the FIFO for writing; if it ever succeeds, something in the process opened the
FIFO for reading: the parser followed the DOCTYPE.  The watcher then closes its end, so a
broken parser gets end-of-file instead of blocking the test for ever.

The prolog check once stopped at the first ``<`` followed by a letter, so ``<!-- <a -->`` hid
a DOCTYPE from it, and the parser (built with ``collect_ids=False``) then opened the external
subset or parameter entity: ``/dev/stdin`` or a FIFO blocked for ever.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree

from newsmodel import loads, validate
from newsmodel.errors import NewsmodelError
from newsmodel.xmlsafe import XMLInputError, make_parser, parse

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")

G2 = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'


@dataclass
class FifoWatch:
    """A FIFO and a thread that records every time someone opened it for reading."""

    path: Path
    opens: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: nobody is reading
                time.sleep(0.0005)
                continue
            self.opens += 1
            os.close(fd)  # the reader gets end-of-file rather than blocking

    def settle(self) -> int:
        """The number of opens so far, after giving the watcher time to see a late one."""
        time.sleep(0.02)
        return self.opens


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[FifoWatch]:
    path = tmp_path / "blocks-for-ever"
    os.mkfifo(path)
    watch = FifoWatch(path)
    thread = threading.Thread(target=watch.run, daemon=True)
    thread.start()
    yield watch
    watch.stop.set()
    thread.join(timeout=5)


def _hostile(target: Path) -> dict[str, bytes]:
    """DOCTYPEs that name the FIFO, hidden in every way a prolog allows."""
    system = f'<!DOCTYPE newsItem SYSTEM "{target}">'
    parameter = f'<!DOCTYPE newsItem [<!ENTITY % p SYSTEM "{target}"> %p;]>'
    general = f'<!DOCTYPE newsItem [<!ENTITY e SYSTEM "{target}">]>'
    item = f"<newsItem {G2}/>"
    return {
        "plain": (system + item).encode(),
        "after a comment holding a tag": (f"<!-- <a -->{system}{item}").encode(),
        "after a declaration and a comment": (
            f'<?xml version="1.0"?>\n<!-- <newsItem> -->\n{parameter}{item}'
        ).encode(),
        "after a processing instruction holding a tag": (f"<?pi <b?>{system}{item}").encode(),
        "after several comments": (f"<!--x--> <!-- <c> --><!---->{parameter}{item}").encode(),
        "general entity used in the body": (
            f"<!-- <x -->{general}<newsItem {G2}>&e;</newsItem>"
        ).encode(),
        "public identifier": (
            f'<!-- <p --><!DOCTYPE newsItem PUBLIC "-//X//EN" "{target}">{item}'
        ).encode(),
        "utf-16": ('<?xml version="1.0" encoding="UTF-16"?><!-- <a -->' + system + item).encode(
            "utf-16"
        ),
        "in a newsMessage": (
            f"<!-- <x -->{system}<newsMessage {G2}><itemSet>{item}</itemSet></newsMessage>"
        ).encode(),
    }


CASES = list(_hostile(Path("/placeholder")))


@pytest.mark.parametrize("case", CASES)
def test_a_hidden_doctype_naming_a_fifo_is_refused_and_nothing_is_opened(
    fifo: FifoWatch, case: str
) -> None:
    """The hardened parser refuses the DOCTYPE (xml.doctype) and opens nothing."""
    data = _hostile(fifo.path)[case]
    with pytest.raises(XMLInputError) as caught:
        parse(data, source="feed.xml")
    assert caught.value.code == "xml.doctype"
    assert fifo.settle() == 0


@pytest.mark.parametrize("case", CASES)
def test_loads_and_validate_refuse_it_too_without_opening_anything(
    fifo: FifoWatch, case: str
) -> None:
    """Every entry point that reads XML goes through the same refusal."""
    data = _hostile(fifo.path)[case]
    with pytest.raises(NewsmodelError):
        loads(data, "newsml")
    report = validate(data, "newsml")
    assert not report.ok
    assert "xml.doctype" in {issue.code for issue in report.errors}
    assert fifo.settle() == 0


@pytest.mark.parametrize(
    "template",
    [
        '<!DOCTYPE x SYSTEM "{}"><x/>',
        '<!DOCTYPE x [<!ENTITY % p SYSTEM "{}"> %p;]><x/>',
        '<!DOCTYPE x [<!ENTITY e SYSTEM "{}">]><x>&e;</x>',
    ],
)
def test_the_parser_itself_opens_nothing_even_past_the_prolog_check(
    fifo: FifoWatch, template: str
) -> None:
    """Defence in depth: libxml2 with our parser options loads no external subset or entity,
    so a DOCTYPE the prolog check missed still reads nothing."""
    data = template.format(fifo.path).encode()
    with contextlib.suppress(etree.XMLSyntaxError):
        etree.fromstring(data, make_parser())
    assert fifo.settle() == 0


def test_a_doctype_after_the_root_is_refused_without_opening_anything(fifo: FifoWatch) -> None:
    """Past the root element libxml2 refuses a DOCTYPE as extra content."""
    data = f'<newsItem {G2}/><!DOCTYPE x SYSTEM "{fifo.path}">'.encode()
    with pytest.raises(XMLInputError):
        parse(data)
    assert fifo.settle() == 0


def test_a_comment_and_a_tag_name_in_the_prolog_do_not_hide_the_root() -> None:
    """Comments and processing instructions before the root are still parsed normally."""
    document = parse(f'<?xml version="1.0"?><!-- <a --><?pi <b?>\n<newsItem {G2}/>'.encode())
    assert etree.QName(document.root).localname == "newsItem"
