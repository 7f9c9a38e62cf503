import time

from django.conf import settings
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
