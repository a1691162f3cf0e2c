"""``python -m newsmodel``: the same as the ``newsmodel`` command."""

from newsmodel.cli import main

raise SystemExit(main())
