"""The one exception hierarchy of newsmodel.

Every error a user can cause is a :class:`NewsmodelError`; anything else escaping the library is
a bug.  Each error carries the place it happened (a file, a line and column, a JSON pointer) so
the command line can print one clear line without a traceback.  This module imports nothing from
the package, so every layer may raise these.
"""

from __future__ import annotations


class NewsmodelError(Exception):
    """Base class: a problem with the input or the request, never a bug in newsmodel.

    ``where`` names the place (a path, ``line:column``, a JSON pointer) when one is known, and
    ``hint`` says what the user can do about it.
    """

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class InputError(NewsmodelError):
    """The input cannot be read as what it claims to be: empty, binary, badly encoded, hostile."""


class FormatError(NewsmodelError):
    """An unknown format name, or data whose format cannot be detected."""


class DocumentError(InputError):
    """A document in a known format is malformed or cannot be mapped onto the model."""


class ModelError(NewsmodelError):
    """Data does not satisfy the model's rules (for example a dangling id)."""


class SchemaNotInstalledError(NewsmodelError):
    """A third-party schema (IPTC XSD, schema.org vocabulary) needed for a check is missing."""


class ResourceError(NewsmodelError):
    """A schema download or copy failed, or its checksum did not match."""


__all__ = [
    "DocumentError",
    "FormatError",
    "InputError",
    "ModelError",
    "NewsmodelError",
    "ResourceError",
    "SchemaNotInstalledError",
]
