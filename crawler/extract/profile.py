"""What extraction reads of a site's profile, as a protocol: the caller passes the profile
(crawler.sites.SiteProfile is one), so extract/ needs no registry."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from crawler.extract.selectors import PageRules


class Profile(Protocol):
    """A site profile as the extractor uses it."""

    @property
    def slug(self) -> str: ...

    @property
    def agency(self) -> str: ...

    @property
    def rules(self) -> PageRules: ...

    @property
    def api(self) -> Mapping[str, Any]: ...

    def canonical(self, url: str) -> str: ...
