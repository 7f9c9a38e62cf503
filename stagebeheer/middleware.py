import logging
import time

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


class ChosenLanguageMiddleware:
    """Dutch unless the user chose otherwise with the language switch.

    Django's LocaleMiddleware also follows the browser's Accept-Language, which
    would show English to a Dutch teacher on an English-language laptop; here
    only the explicit choice (the language cookie) counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class RefuseNulMiddleware:
    """A NUL byte in a query parameter or a posted form field is a 400.

    PostgreSQL cannot store or compare a NUL in text (it raises, which became a
    500), and no person types one: it is always a probe. Forms refuse NUL in
    text fields too (Django's CharField); this catches parameters read without a
    form, such as search boxes and filters. Uploaded files are not looked at
    (they are in request.FILES): a PDF holds NUL bytes by nature.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.core.exceptions import BadRequest

        from stagebeheer.params import has_nul

        if "\x00" in request.path or has_nul(request.GET):
            raise BadRequest("NUL byte in the query string")
        form_post = request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data")
        if request.method == "POST" and form_post and has_nul(request.POST):
            raise BadRequest("NUL byte in a posted field")
        return self.get_response(request)


def _is_database_away(exception) -> bool:
    from django.db import InterfaceError, OperationalError

    return isinstance(exception, OperationalError | InterfaceError)


def note_database_away(sender, request=None, **kwargs):
    """got_request_exception: remember a database outage on the request, so the
    outage middleware also answers 503 when a middleware ran into it."""
    import sys

    exception = sys.exc_info()[1]
    if request is not None and _is_database_away(exception):
        request._database_away = exception


class DatabaseAwayMiddleware:
    """While the database is away, pages answer a styled 503 "try again shortly"
    instead of a 500. The page needs nothing from the database (no user, no
    navigation), and the session is left alone so nobody is logged out by it."""

    RETRY_AFTER_SECONDS = 60

    def __init__(self, get_response):
        from django.core.signals import got_request_exception

        self.get_response = get_response
        got_request_exception.connect(note_database_away, dispatch_uid="stagebeheer.database_away")

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "_database_away", None) is not None and response.status_code == 500:
            # Raised in a middleware further in (which Django turned into a 500 there).
            return self._unavailable(request, request._database_away)
        return response

    def process_exception(self, request, exception):
        if not _is_database_away(exception):
            return None
        return self._unavailable(request, exception)

    def _unavailable(self, request, exception):
        from django.template.loader import render_to_string
        from django.utils.cache import add_never_cache_headers

        logging.getLogger(__name__).error("Database unavailable: %s", exception)
        session = getattr(request, "session", None)
        if session is not None:
            session.accessed = session.modified = False
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response


class PrivatePagesMiddleware:
    """Every response gets the Permissions-Policy; every page and download for a
    signed-in user gets ``Cache-Control: no-store`` (personal data stays out of
    shared and browser caches). Static files never reach this (WhiteNoise)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils.cache import add_never_cache_headers

        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        try:
            private = user is not None and user.is_authenticated
        except DatabaseError:  # the database is away (a 503): never cache that either
            private = True
        if private:
            add_never_cache_headers(response)
        return response


class SignInMiddleware:
    """After a sign-in: end a session past its absolute lifetime, and keep a
    person who still owes a second factor on the code or set-up page."""

    OPEN_PREFIXES = ("/static/", "/health/", "/i18n/", "/l/", "/logout/", "/oidc/", "/saml2/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.contrib.auth import logout
        from django.shortcuts import redirect
        from django.urls import reverse
        from django.utils.http import urlencode

        from stagebeheer import two_factor

        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            signed_in_at = request.session.get(SIGNED_IN_AT_KEY)
            now = int(time.time())
            if signed_in_at is None or now - signed_in_at > settings.SESSION_ABSOLUTE_SECONDS:
                # Idle expiry is the session's age (SESSION_COOKIE_AGE, renewed
                # below); this is the hard limit however busy the session.
                logout(request)
                return redirect(f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")
            if now - request.session.get(SEEN_AT_KEY, 0) > SEEN_RENEW_SECONDS:
                # Renews the session's expiry (the idle timeout); at most every few
                # minutes, so a page view does not write the session each time.
                request.session[SEEN_AT_KEY] = now
            state = request.session.get(two_factor.SESSION_KEY)
            if state and not request.path.startswith(self.OPEN_PREFIXES):
                target = reverse("two_factor_code" if state == two_factor.VERIFY else "two_factor_setup")
                if request.path != target:
                    return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


SIGNED_IN_AT_KEY = "signed_in_at"
SEEN_AT_KEY = "seen_at"
SEEN_RENEW_SECONDS = 300


def mark_sign_in(sender, request, user, **kwargs):
    """Connected to user_logged_in: note the time and what the sign-in still owes."""
    from stagebeheer import two_factor

    if request is None:
        return
    request.session[SIGNED_IN_AT_KEY] = request.session[SEEN_AT_KEY] = int(time.time())
    state = two_factor.state_at_login(request, user)
    if state:
        request.session[two_factor.SESSION_KEY] = state
    else:
        request.session.pop(two_factor.SESSION_KEY, None)
