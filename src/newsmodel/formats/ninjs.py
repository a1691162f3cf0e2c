"""IPTC ninjs (News in JSON), versions 1.0 to 3.1: ``dump`` writes one version (default
:data:`DEFAULT_VERSION`, the latest), ``load`` reads any of them.

The writer lives in :mod:`newsmodel.formats.ninjs_write` (the newsroom metadata in
:mod:`~newsmodel.formats.ninjs_write_meta`), the reader in :mod:`newsmodel.formats.ninjs_read`
(entities in :mod:`~newsmodel.formats.ninjs_read_entities`, metadata in
:mod:`~newsmodel.formats.ninjs_read_meta`), and both look property names up in
:mod:`newsmodel.validation.ninjs_versions`, which the validator shares.  docs/ninjs.md has the
mapping table and what each version cannot carry.
"""

from __future__ import annotations

from newsmodel.formats.ninjs_read import load
from newsmodel.formats.ninjs_write import article_to_ninjs, dump, dump_many, losses
from newsmodel.validation.ninjs_versions import DEFAULT_VERSION, VERSIONS

__all__ = ["DEFAULT_VERSION", "VERSIONS", "article_to_ninjs", "dump", "dump_many", "load", "losses"]
