"""Where schemas live: ours ship in the package, third-party ones are installed on demand.

Our own JSON Schemas (``schemas/*.schema.json``) are package data.  IPTC's NewsML-G2 XSD set and
schema.org's vocabulary are not ours to redistribute inside the wheel, so ``newsmodel schemas
install`` downloads a pinned release and checks its SHA-256 sums, or copies the same files from a
local folder.  Nothing here touches the network except :func:`install` without ``source``.

Layout of a schema folder (the same as ``../shared/schemas``)::

    <dir>/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd, xml.xsd, ...
    <dir>/schemaorg/schemaorg-current-https.jsonld, schemaorgcontext.jsonld
    <dir>/ninjs/ninjs-schema_1.0.json ... ninjs-schema_3.1.json, GeoJSON.json

Search order: ``NEWSMODEL_SCHEMA_DIR``, then the per-user data folder
(``$XDG_DATA_HOME/newsmodel/schemas``, default ``~/.local/share/newsmodel/schemas``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.request
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from newsmodel.errors import ResourceError, SchemaNotInstalledError


@dataclass(frozen=True, slots=True)
class SchemaSet:
    """A pinned third-party schema release: its files, their sums and where to get them."""

    name: str
    version: str
    base_url: str
    files: dict[str, str]  # file name -> SHA-256
    entry: str  # the file validators open
    licence: str
    urls: dict[str, str] = field(default_factory=dict)  # a file fetched from elsewhere


SCHEMA_SETS: dict[str, SchemaSet] = {
    "newsml-g2": SchemaSet(
        name="newsml-g2",
        version="2.35",
        base_url="https://raw.githubusercontent.com/iptc/newsml-g2/c4d3924e30f23b75e598a56cc54fcdf0c73acecd/releases/2.35/specification/",
        files={
            "NewsML-G2_2.35-spec-All-Power.xsd": "06ef1c5076a32f2568ac8955994029890afac0268f795e3c26642ded52cf0181",  # noqa: E501
            "ODRL22.xsd": "315761f659ce4294357a8b563826c62d66a82a3c90744d8e6088d2fcd45479aa",
            "nitf-3-6-ruby-include.xsd": "cd24abf32fbf76d8ea139a96222884f7a51f12fd2d06c7c806d7343beed0b30b",  # noqa: E501
            "nitf-3-6.xsd": "78f4931e19ae7c1b8dc55156675991b90d85b147fe7e683a2f11928071470cf4",
            "xml.xsd": "61960fb3131e38022caad5360e2f33a3382578ab3c80cd58bd74320ede61b20c",
        },
        entry="NewsML-G2_2.35-spec-All-Power.xsd",
        licence="CC BY 4.0 (IPTC); xml.xsd by W3C",
    ),
    "schemaorg": SchemaSet(
        name="schemaorg",
        version="30.0",
        base_url="https://raw.githubusercontent.com/schemaorg/schemaorg/420231f6bfac8372fc564abb121fae57ccb36a0c/data/releases/30.0/",
        files={
            "schemaorg-current-https.jsonld": "4467fa19edcb1d7fb3c46c0adf3591b7f870c4a60b7838bdb61694fd02864cf6",  # noqa: E501
            "schemaorgcontext.jsonld": "d8167890b056bc7c71eb39b30cbb4816490d5e671371ba50a5a633d1bc36961a",  # noqa: E501
        },
        entry="schemaorg-current-https.jsonld",
        licence="CC BY-SA 3.0 (schema.org)",
    ),
    "ninjs": SchemaSet(
        name="ninjs",
        version="1.0-3.1",
        base_url="https://raw.githubusercontent.com/iptc/newsinjson/055b5f7a1fb248a673b4b2cbfe8ea1d441d34344/specification/",
        files={
            "ninjs-schema_1.0.json": "f2ea48cd839217b665a7433f5b8e31ae5c5ec81bcdfe6f3b5590c5559a99cb92",  # noqa: E501
            "ninjs-schema_1.1.json": "c2f48f625475d4567df52515db6bfde095a1db165f65eba656db170c9495fac0",  # noqa: E501
            "ninjs-schema_1.2.json": "f55ff6df71b8da43f74daf422a8b459ca71d1a9fc9c968672953f066649cd432",  # noqa: E501
            "ninjs-schema_1.3.json": "2a0930f093e541ec68529ea5ac5c8f1b5a2fb1339365725704bcb27dc97d2cb6",  # noqa: E501
            "ninjs-schema_1.4.json": "1585fd676cf74da54d9d39a590d0130b16fb4fd04cceb78349d7ee8fae9d997e",  # noqa: E501
            "ninjs-schema_1.5.json": "9ba23fdb368c61253faf97bbdce92b3979f6f4209c54b649437be42ef63f9fda",  # noqa: E501
            "ninjs-schema_1.6.json": "ae8deb3991f10368593ace8696888a3fd47189893dd327ab89eb344e6b966f49",  # noqa: E501
            "ninjs-schema_2.0.json": "2489b1ebf7de595f1632e5d08e5e44a88be8e22fdda501c753060e53d2809a00",  # noqa: E501
            "ninjs-schema_2.1.json": "4587358623bfa6c3d83a19b8719180983db02a40a355f5825fc604604a3936f8",  # noqa: E501
            "ninjs-schema_2.2.json": "88c84fa87382c5a7a314fd44ab1041921c7cbac47ab9550bc4964b1fa30897e2",  # noqa: E501
            "ninjs-schema_3.0.json": "9c1158d5165e92dfdfb9c4dac64a78e59241dea1c8a32b57fbc7bb6795a0eb07",  # noqa: E501
            "ninjs-schema_3.1.json": "404f578a299bf34e76e98f2de26ad9989882ebd7abf3a4d3cf3aa689b70a8744",  # noqa: E501
            "GeoJSON.json": "e52886cce1429941ab3725a055a61d6bf8b6f5429837ff7dbca32f809e3500c2",
        },
        entry="ninjs-schema_3.1.json",
        licence="MIT (IPTC); GeoJSON.json from the geojson.org schema project",
        urls={"GeoJSON.json": "https://geojson.org/schema/GeoJSON.json"},
    ),
}

ENV_VAR = "NEWSMODEL_SCHEMA_DIR"


def user_schema_dir() -> Path:
    """The per-user folder ``schemas install`` writes to by default."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newsmodel" / "schemas"


def search_dirs() -> list[Path]:
    """Folders searched for third-party schema sets, in order."""
    dirs = []
    if os.environ.get(ENV_VAR):
        dirs.append(Path(os.environ[ENV_VAR]))
    dirs.append(user_schema_dir())
    return dirs


def find_schema_set(name: str) -> Path | None:
    """The folder holding every file of schema set ``name``, or ``None`` if none is installed."""
    schema_set = _get_set(name)
    for base in search_dirs():
        folder = base / name
        if all((folder / file).is_file() for file in schema_set.files):
            return folder
    return None


def require_schema_set(name: str) -> Path:
    """Like :func:`find_schema_set`, but a clear error saying how to install it."""
    folder = find_schema_set(name)
    if folder is None:
        schema_set = _get_set(name)
        raise SchemaNotInstalledError(
            f"the {name} {schema_set.version} schema files are not installed",
            hint=f"run `newsmodel schemas install` (or `--from DIR` offline), or set {ENV_VAR}",
        )
    return folder


def bundled_schema(filename: str) -> bytes:
    """One of our own JSON Schemas, from the installed package or, in a checkout, ``schemas/``."""
    packaged = resources.files("newsmodel").joinpath("schemas", filename)
    if packaged.is_file():
        return packaged.read_bytes()
    checkout = Path(__file__).resolve().parents[3] / "schemas" / filename
    if checkout.is_file():
        return checkout.read_bytes()
    raise ResourceError(f"bundled schema {filename!r} is missing from this installation")


def bundled_schema_names() -> list[str]:
    """Names of our own JSON Schemas (``article`` for ``article.schema.json``...)."""
    names: set[str] = set()
    packaged = resources.files("newsmodel").joinpath("schemas")
    if packaged.is_dir():
        names.update(item.name for item in packaged.iterdir())
    checkout = Path(__file__).resolve().parents[3] / "schemas"
    if checkout.is_dir():
        names.update(item.name for item in checkout.iterdir())
    return sorted(
        name.removesuffix(".schema.json") for name in names if name.endswith(".schema.json")
    )


def install(
    names: list[str] | None = None,
    *,
    target: Path | None = None,
    source: Path | None = None,
    timeout: float = 60.0,
) -> dict[str, Path]:
    """Install schema sets into ``target`` (default: the user folder) and verify their sums.

    With ``source`` the files are copied from ``source/<set>/`` (or ``source/`` itself);
    otherwise they are downloaded from the pinned release.  A file whose SHA-256 differs from
    the pinned sum is never installed.  Returns the folder of each set.
    """
    target = target or (Path(os.environ[ENV_VAR]) if os.environ.get(ENV_VAR) else user_schema_dir())
    installed = {}
    for name in names or list(SCHEMA_SETS):
        schema_set = _get_set(name)
        folder = target / name
        folder.mkdir(parents=True, exist_ok=True)
        for file, expected in schema_set.files.items():
            data = _fetch(schema_set, file, source, timeout)
            actual = hashlib.sha256(data).hexdigest()
            if actual != expected:
                raise ResourceError(
                    f"{file}: SHA-256 is {actual}, expected {expected}; not installed",
                    where=str(source or schema_set.base_url),
                )
            _write_atomically(folder / file, data)
        installed[name] = folder
    return installed


def _fetch(schema_set: SchemaSet, file: str, source: Path | None, timeout: float) -> bytes:
    if source is not None:
        for candidate in (source / schema_set.name / file, source / file):
            if candidate.is_file():
                return candidate.read_bytes()
        raise ResourceError(
            f"{file} not found in {source} or {source / schema_set.name}", where=str(source)
        )
    url = schema_set.urls.get(file, schema_set.base_url + file)
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (pinned https)
            data: bytes = response.read()
    except OSError as error:
        raise ResourceError(
            f"cannot download {url}: {error}", hint="download elsewhere and use --from DIR"
        ) from None
    return data


def _write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file, then give it the mode a new file gets under the umask
    (a temporary file is private, 0600, which would hide a shared install from other users)."""
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, prefix=".tmp-") as handle:
        handle.write(data)
    os.chmod(handle.name, 0o666 & ~_umask())
    os.replace(handle.name, path)


def _umask() -> int:
    """The process's umask (reading it means setting it: it is put straight back)."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _get_set(name: str) -> SchemaSet:
    try:
        return SCHEMA_SETS[name]
    except KeyError:
        raise SchemaNotInstalledError(
            f"unknown schema set {name!r}", hint=f"known: {', '.join(SCHEMA_SETS)}"
        ) from None
