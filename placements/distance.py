"""A rough indication of distance between two Dutch postcodes.

No geocoding service is reachable and no maintained package ships a PC4
coordinate table without downloading it at run time, so this only compares
postcode numbers: Dutch PC4 areas are numbered by region, so nearby numbers are
usually nearby places. The result is an indication ("indicatie") in bands,
never a route distance, and the interface says so.
"""

from django.utils.translation import gettext_lazy as _

# (band, label, rough upper bound in km used against a plan's maximum)
BANDS = [
    (0, _("zelfde wijk"), 3),
    (1, _("zelfde plaats of buurgemeente"), 10),
    (2, _("zelfde regio"), 30),
    (3, _("zelfde landsdeel"), 80),
    (4, _("ver weg"), 250),
]


def pc4(postcode: str) -> int | None:
    digits = (postcode or "").replace(" ", "")[:4]
    return int(digits) if len(digits) == 4 and digits.isdigit() else None


def band(a: str, b: str) -> int | None:
    """0 (same area) … 4 (far); None when a postcode is missing."""
    x, y = pc4(a), pc4(b)
    if x is None or y is None:
        return None
    if x == y:
        return 0
    if abs(x - y) <= 10 or x // 10 == y // 10:
        return 1
    if x // 100 == y // 100:
        return 2
    if x // 1000 == y // 1000:
        return 3
    return 4


def describe(a: str, b: str) -> dict | None:
    found = band(a, b)
    if found is None:
        return None
    level, label, km = BANDS[found]
    return {"band": level, "label": label, "max_km": km}
