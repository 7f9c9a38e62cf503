from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from stagebeheer.links import get_global_action, get_handler, link_opened
from stagebeheer.models import AccessLink
from stagebeheer.models.access_links import hash_token


def _client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def _guess_key(request) -> str:
    return f"link-guesses:{_client_address(request)}"


def _refuse(request, template, status, link=None):
    response = render(request, template, {"link": link}, status=status)
    add_never_cache_headers(response)
    return response


def open_link(request, token, action=None):
    """Every emailed link lands here: find it by the token's hash, refuse it
    when it cannot be used, otherwise let its purpose's handler answer."""
    if cache.get(_guess_key(request), 0) >= settings.ACCESS_LINK_GUESSES:
        # Too many unknown tokens from this address: refuse everything for a while.
        return _refuse(request, "links/too_many.html", 429)
    link = AccessLink.objects.filter(token_hash=hash_token(token)).first()
    request.access_link = link  # for the contact details in the link pages' footer
    if link is None:
        key = _guess_key(request)
        cache.add(key, 0, settings.ACCESS_LINK_GUESS_WINDOW)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, settings.ACCESS_LINK_GUESS_WINDOW)
        return _refuse(request, "links/unknown.html", 404)
    link_opened.send(sender=AccessLink, link=link)
    try:
        handler = get_handler(link.purpose)
    except LookupError:
        return _refuse(request, "links/unknown.html", 404)
    state = link.state
    global_action = get_global_action(action) if action else None
    if global_action is not None and state in (AccessLink.State.ACTIVE, AccessLink.State.COMPLETED):
        # Reporting a concern or reading the guide stays possible after the form is sent.
        response = global_action(request, link)
        add_never_cache_headers(response)
        return response
    if state == AccessLink.State.COMPLETED:
        response = handler.completed_response(request, link)
        if response is None:
            return _refuse(request, "links/completed.html", 410, link)
        add_never_cache_headers(response)
        return response
    if state == AccessLink.State.REVOKED:
        return _refuse(request, "links/revoked.html", 410, link)
    if state == AccessLink.State.EXPIRED:
        return _refuse(request, "links/expired.html", 410, link)
    response = handler.dispatch(request, link, action)
    add_never_cache_headers(response)
    return response
