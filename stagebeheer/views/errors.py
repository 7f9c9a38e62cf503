"""The CSRF failure page (settings.CSRF_FAILURE_VIEW); 400/403/404/500 are the
templates of the same names."""

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme


def csrf_failure(request, reason=""):
    """A form posted without a valid CSRF token (a vanished cookie, a page open
    for hours): say so in Dutch, store nothing, offer the page again."""
    retry_url = request.path
    if not url_has_allowed_host_and_scheme(retry_url, allowed_hosts={request.get_host()}):
        retry_url = "/"
    response = render(request, "403_csrf.html", {"retry_url": retry_url}, status=403)
    add_never_cache_headers(response)
    return response
