"""Distance between two Dutch postcodes, as well as the data allows.

No geocoding service is reachable and no maintained package ships a PC4
coordinate table without downloading it at run time. So a small table is
vendored (``data/pc4_places.csv``): ranges of PC4 areas with the centre of the
place they cover, for the demo region and the larger cities. Where both
postcodes are in it the distance is the great-circle (haversine) distance
between those centres, in km: a straight line, never a route. Elsewhere it falls
back to comparing postcode numbers (Dutch PC4 areas are numbered by region) in
bands, and the interface says it is an indication.
"""

import bisect
import csv
import math
from functools import cache, lru_cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

TABLE = Path(__file__).parent / "data" / "pc4_places.csv"
EARTH_RADIUS_KM = 6371.0

# (band, label, rough upper bound in km; a typical lower bound in km)
BANDS = [
    (0, _("zelfde wijk"), 3, 0),
    (1, _("zelfde plaats of buurgemeente"), 10, 0),
    (2, _("zelfde regio"), 30, 5),
    (3, _("zelfde landsdeel"), 80, 20),
    (4, _("ver weg"), 250, 80),
]


def pc4(postcode: str) -> int | None:
    digits = (postcode or "").replace(" ", "")[:4]
    return int(digits) if len(digits) == 4 and digits.isdigit() else None


@cache
def _table() -> tuple[list[int], list[tuple[int, str, float, float]]]:
    """Ranges sorted by their first PC4, for a bisect look-up."""
    rows = []
    with TABLE.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines):
            rows.append(
                (int(row["pc4_from"]), int(row["pc4_to"]), row["place"], float(row["lat"]), float(row["lon"]))
            )
    rows.sort()
    return [r[0] for r in rows], [(r[1], r[2], r[3], r[4]) for r in rows]


@lru_cache(maxsize=8192)
def place_of(postcode: str) -> tuple[str, float, float] | None:
    """(place, lat, lon) of the PC4 range the postcode falls in, or None."""
    number = pc4(postcode)
    if number is None:
        return None
    starts, rows = _table()
    index = bisect.bisect_right(starts, number) - 1
    if index < 0:
        return None
    last, place, lat, lon = rows[index]
    return (place, lat, lon) if number <= last else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def km(a: str, b: str) -> float | None:
    """Straight-line km between the two places, or None when either is not in the table."""
    x, y = place_of(a), place_of(b)
    if x is None or y is None:
        return None
    return round(haversine_km(x[1], x[2], y[1], y[2]), 1)


def band(a: str, b: str) -> int | None:
    """0 (same area) … 4 (far); None when a postcode is missing."""
    x, y = pc4(a), pc4(b)
    if x is None or y is None:
        return None
    gap = abs(x - y)
    if gap == 0:
        return 0
    if gap <= 15:
        return 1
    if gap <= 250:
        return 2
    if gap <= 1000:
        return 3
    return 4


def describe(a: str, b: str) -> dict | None:
    """What the pages show: km where known, else the band; None when a postcode is missing.
    ``max_km`` is a rough upper bound and ``min_km`` a typical lower value (both
    equal to ``km`` when it is known); only ``km`` is a measurement."""
    found = km(a, b)
    if found is not None:
        return {
            "km": found,
            "band": None,
            "label": _("ongeveer %(km)s km hemelsbreed") % {"km": f"{found:.0f}"},
            "max_km": found,
            "min_km": found,
        }
    level = band(a, b)
    if level is None:
        return None
    _level, label, upper, lower = BANDS[level]
    return {"km": None, "band": level, "label": label, "max_km": upper, "min_km": lower}


def sort_km(a: str, b: str) -> float:
    """A distance to sort by: km where known, the middle of the band, else far."""
    measured = km(a, b)
    if measured is not None:
        return measured
    found = describe(a, b)
    if found is None:
        return 1000.0
    if found["km"] is not None:
        return found["km"]
    return (found["max_km"] + found["min_km"]) / 2 + 0.5
