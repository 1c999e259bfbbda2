"""The legacy JS cookie challenge: a tiny page that sets a cookie and reloads."""

from __future__ import annotations

import re

# <script>document.cookie="N=V; path=/";location.reload();</script> — the whole page.
_CHALLENGE = re.compile(rb"""document\.cookie\s*=\s*["']([^=;"'\s]+)=([^;"']*)""")
_MAX_CHALLENGE_BYTES = 4096


def cookie_challenge(body: bytes) -> tuple[str, str] | None:
    """The (name, value) a challenge page asks for, or None for an ordinary page."""
    if len(body) > _MAX_CHALLENGE_BYTES or b"<p" in body.lower():
        return None
    match = _CHALLENGE.search(body)
    if match is None:
        return None
    name, value = (part.decode("latin-1") for part in match.groups())
    return name, value
