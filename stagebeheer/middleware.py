import logging

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


class DatabaseAwayMiddleware:
    """While the database is away, pages answer a styled 503 "try again shortly"
    instead of a 500. The page needs nothing from the database (no user, no
    navigation), and the session is left alone so nobody is logged out by it."""

    RETRY_AFTER_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError
        from django.template.loader import render_to_string
        from django.utils.cache import add_never_cache_headers

        if not isinstance(exception, OperationalError | InterfaceError):
            return None
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
