"""`python -m replica`: serve the replica portals until Ctrl-C."""

from __future__ import annotations

import sys

from replica.cli import main

sys.exit(main())
