"""Ids read from URLs, query strings and posted forms.

One parser for every id the user can type or tamper with: only a plain
positive ASCII integer that fits a bigint is an id. Anything else — "abc",
"²" (which passes ``str.isdigit()``), "1e3", "-1", " 7", a NUL byte, a
hundred digits — is a 404, the same answer as a stranger's id, so a probe
learns nothing and the database never sees a value it cannot compare.
"""

import re

from django.http import Http404

# PostgreSQL's bigint (the BigAutoField primary keys) ends at 2**63 - 1.
MAX_ID = 2**63 - 1
_PLAIN = re.compile(r"[1-9][0-9]{0,18}")


def parse_id(value) -> int:
    """The id in ``value`` or Http404."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _PLAIN.fullmatch(value):
        number = int(value)
    else:
        raise Http404
    if not 0 < number <= MAX_ID:
        raise Http404
    return number


def optional_id(params, name: str) -> int | None:
    """``params[name]`` as an id; None when absent or empty, Http404 when malformed."""
    raw = params.get(name)
    if raw is None or raw == "":
        return None
    return parse_id(raw)


def required_id(params, name: str) -> int:
    """``params[name]`` as an id; Http404 when absent or malformed."""
    return parse_id(params.get(name))


def id_list(params, name: str) -> list[int]:
    """Every value of a repeated parameter (checkboxes) as ids; Http404 on any malformed one."""
    return [parse_id(raw) for raw in params.getlist(name) if raw != ""]


def has_nul(params) -> bool:
    """True when any key or value of a QueryDict holds a NUL byte."""
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in params.lists())


def optional_date(params, name: str):
    """``params[name]`` as an ISO date (2027-03-01) between the years the forms
    allow; None when absent, malformed or out of range (year 0001 or 9999 would
    overflow the date arithmetic that follows), so the page shows its default."""
    import datetime

    from stagebeheer.formlimits import year_in_range

    raw = params.get(name) or ""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw):
        return None
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        return None
    return day if year_in_range(day) else None
