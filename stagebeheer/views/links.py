from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from stagebeheer.client_address import client_address
from stagebeheer.links import get_global_action, get_handler, link_opened
from stagebeheer.models import AccessLink, GuessCounter
from stagebeheer.models.access_links import hash_token


def _guess_key(request) -> str:
    return f"link-guesses:{client_address(request) or 'unknown'}"


def _refuse(request, template, status, link=None):
    response = render(request, template, {"link": link}, status=status)
    add_never_cache_headers(response)
    return response


def open_link(request, token, action=None):
    """Every emailed link lands here: find it by the token's hash, refuse it
    when it cannot be used, otherwise let its purpose's handler answer."""
    link = AccessLink.objects.filter(token_hash=hash_token(token)).first()
    request.access_link = link  # for the contact details in the link pages' footer
    if link is None:
        # Too many unknown tokens from this address: refuse further guesses for a
        # while. A real token still works, so a guesser behind the same proxy as
        # a link holder cannot lock the holder out. Counted in the database, so
        # the limit holds across worker processes without Redis too.
        key = _guess_key(request)
        window = settings.ACCESS_LINK_GUESS_WINDOW
        if GuessCounter.current(key, window) >= settings.ACCESS_LINK_GUESSES:
            return _refuse(request, "links/too_many.html", 429)
        GuessCounter.note(key, window)
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
        response = handler.revoked_response(request, link)
        if response is None:
            return _refuse(request, "links/revoked.html", 410, link)
        add_never_cache_headers(response)
        return response
    if state == AccessLink.State.EXPIRED:
        return _refuse(request, "links/expired.html", 410, link)
    response = handler.dispatch(request, link, action)
    add_never_cache_headers(response)
    return response
