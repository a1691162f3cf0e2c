"""MkDocs hook: diagrams drawn from text at build time, and code in tables kept whole.

````` ```dot ````` blocks hold Graphviz DOT source; when the site is built, Graphviz's ``dot``
(``apt-get install graphviz``) turns each into an inline SVG picture.  The picture is part of
the page: nothing is fetched, and no JavaScript runs, when a reader opens it, and the build
needs no network either.  A missing ``dot`` or a DOT syntax error fails the build, so a
broken diagram never ships.

On the Validation page each row of the code tables gets its code as an anchor
(``validation/#jsonld.unknown-type``), which ``newsmodel validate --json`` links every issue to.

Code in table cells (``contentMeta/description[@role="drol:summary"]``) may break only where
a reader expects it, after ``/``, ``[``, ``,`` or ``|``, never in the middle of a word: the
hook marks those places with ``<wbr>`` and ``docs/stylesheets/extra.css`` turns off breaking
anywhere else.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import Any

FENCE = re.compile(r"^```dot[^\n]*\n(?P<source>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_CELL_CODE = re.compile(r"(<td[^>]*>)(.*?)(</td>)", re.DOTALL)
_CODE = re.compile(r"<code>(.*?)</code>", re.DOTALL)
_BREAK_AFTER = re.compile(r"(/|\[|,|\|)(?=[^\s])")
_CODE_ROW = re.compile(r"<tr>(?P<cell>\s*<td><code>(?P<code>[a-z]+\.[a-z0-9.-]+)</code>)")


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    where = page.file.src_uri
    return FENCE.sub(lambda match: render(match["source"], where), markdown)


def on_page_content(html: str, page: Any = None, **_: Any) -> str:
    if page is not None and page.file.src_uri == "validation.md":
        html = anchor_codes(html)
    return _CELL_CODE.sub(lambda cell: cell[1] + _CODE.sub(_breakable, cell[2]) + cell[3], html)


def anchor_codes(html: str) -> str:
    """Give each row of the issue-code tables the code as its id (``validation/#json.type``):
    the anchors ``newsmodel validate --json`` gives with every issue."""
    return _CODE_ROW.sub(lambda row: f'<tr id="{row["code"]}">{row["cell"]}', html)


def render(source: str, where: str = "page") -> str:
    """The SVG of one DOT diagram, as a block of HTML to put in the page."""
    dot = shutil.which("dot")
    if dot is None:
        raise _build_error(f"{where}: a diagram needs Graphviz's `dot`: apt-get install graphviz "
                          "(brew install graphviz on macOS), as the README says")
    done = subprocess.run([dot, "-Tsvg"], input=source.encode("utf-8"),  # noqa: S603 (our docs)
                          capture_output=True, timeout=60, check=False)
    if done.returncode != 0:
        raise _build_error(f"{where}: dot could not draw a diagram: "
                          f"{done.stderr.decode('utf-8', 'replace').strip()}")
    svg = done.stdout.decode("utf-8")
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<!--.*?-->\n?", "", svg, flags=re.DOTALL)
    lines = [line for line in svg.splitlines() if line.strip()]
    return '\n<figure class="diagram">\n' + "\n".join(lines) + "\n</figure>\n"


def _build_error(message: str) -> Exception:
    """MkDocs' own error (a clean one-line build failure); imported here, because the hook's
    tests run where mkdocs is not installed."""
    from mkdocs.exceptions import PluginError

    return PluginError(message)


def _breakable(code: re.Match[str]) -> str:
    return "<code>" + _BREAK_AFTER.sub(r"\1<wbr>", code[1]) + "</code>"
