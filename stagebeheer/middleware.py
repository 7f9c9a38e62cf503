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
