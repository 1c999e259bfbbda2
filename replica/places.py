"""The one province table (vocab/places.json): names text picks from, and the THADS sub-sites."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from replica.vocab import vocab


@dataclass(frozen=True)
class Place:
    """One Cục THADS: its path slug, name, how text names it, and its own district map."""

    slug: str
    name: str  # "Đồng Tháp"
    place: str  # how a sentence names it: "tỉnh Đồng Tháp", "Thành phố Hồ Chí Minh"
    agency: str  # "Cục Thi hành án dân sự tỉnh Đồng Tháp"
    address: str
    phone: str
    portal: str
    districts: dict[str, tuple[str, ...]]


def _province(row: dict[str, Any]) -> Place:
    place = row.get("place", f"tỉnh {row['name']}")
    agency = f"Cục Thi hành án dân sự {place}"
    fields = (row["address"], row["phone"], row["portal"], row["districts"])
    return Place(row["slug"], row["name"], place, agency, *fields)


# Every province a text may name (a news pool, a family 4/5 voice).
PROVINCE_NAMES: tuple[str, ...] = vocab("places").NAMES
# The THADS sub-sites: path slug, name, address, districts.
PROVINCES: tuple[Place, ...] = tuple(map(_province, vocab("places").PROVINCES))
BY_SLUG = {p.slug: p for p in PROVINCES}
DONGTHAP_DISTRICTS = BY_SLUG["dongthap"].districts
# The national site (Tổng cục) at the host root; its text borrows a province per article.
NATIONAL = Place(**vocab("places").NATIONAL, districts=DONGTHAP_DISTRICTS)
