"""NewsML-G2: the IPTC news exchange format, written valid against the 2.35 power XSD and read
from agency feeds of any 2.x version.

This module is the format's face in the registry; the work is split in two:
:mod:`newsmodel.formats.newsml_write` (``dump``, ``dump_many``) and
:mod:`newsmodel.formats.newsml_read` (``load``).  docs/newsml.md has the mapping tables.
"""

from __future__ import annotations

from newsmodel.formats.newsml_read import load
from newsmodel.formats.newsml_write import dump, dump_many

__all__ = ["dump", "dump_many", "load"]
