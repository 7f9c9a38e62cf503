"""The client's address, read the one way the deployment names.

Behind a load balancer REMOTE_ADDR is the balancer's: every visitor would share
one address, so one guesser would lock out every link holder and every
signature would record the balancer. ``TRUSTED_PROXY_HEADER`` names the header
the proxy sets (e.g. ``X-Forwarded-For``) and ``TRUSTED_PROXY_COUNT`` how many
proxies stand in front; the address is the one that many hops from the right,
since anything further left was written by the client and can be forged.

Used by the login lockout (django-axes), the link-guess limit and signatures.
"""

import ipaddress

from django.conf import settings


def _valid(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request) -> str | None:
    header = settings.TRUSTED_PROXY_HEADER
    if header:
        raw = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        hops = [hop.strip() for hop in raw.split(",") if hop.strip()]
        count = settings.TRUSTED_PROXY_COUNT
        if len(hops) >= count:
            found = _valid(hops[-count])
            if found:
                return found
    return _valid(request.META.get("REMOTE_ADDR", "")) or None


def login_name(request, credentials=None) -> str:
    """The account a login attempt is for, in one case, so FOO@x and foo@x
    count as one account (log-in is case-insensitive on the address)."""
    name = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(name).strip().lower()
