"""The public verification page: no account; upload a PDF or type the code from its footer."""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from agreements import verification


class VerifyForm(forms.Form):
    document = forms.FileField(
        label=_("De PDF van de overeenkomst"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    code = forms.CharField(
        label=_("Of de code onderaan elke pagina"),
        required=False,
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean(self):
        data = super().clean()
        if not data.get("document") and not (data.get("code") or "").strip():
            raise forms.ValidationError(_("Kies een PDF of typ de code."))
        return data


# The page uses the link pages' plain layout, without a link: no contacts, no link actions.
_NO_LINK = {"link_contacts": [], "link_actions": [], "too_many": False, "answer": None}


def _guess_key(request) -> str:
    return f"verify-guesses:{request.META.get('REMOTE_ADDR', 'unknown')}"


def _count_guess(request):
    # Like the emailed links (stagebeheer.views.links): unknown codes and files are counted per address.
    key = _guess_key(request)
    cache.add(key, 0, settings.ACCESS_LINK_GUESS_WINDOW)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, settings.ACCESS_LINK_GUESS_WINDOW)


@require_http_methods(["GET", "POST"])
def verify(request):
    answer, status = None, 200
    if cache.get(_guess_key(request), 0) >= settings.ACCESS_LINK_GUESSES:
        context = {**_NO_LINK, "form": VerifyForm(), "too_many": True}
        response = render(request, "agreements/verify.html", context, status=429)
        add_never_cache_headers(response)
        return response
    form = VerifyForm(request.POST, request.FILES) if request.method == "POST" else VerifyForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("document")
        if upload:
            answer = verification.by_pdf(upload)
        else:
            answer = verification.by_code(form.cleaned_data["code"]) or verification.Answer(
                "unknown", str(_("Deze code is onbekend. Controleer of u hem goed hebt overgenomen."))
            )
        if answer.verdict != "genuine":
            _count_guess(request)
            status = 400 if answer.verdict in ("not_pdf", "too_big", "encrypted", "broken") else 200
    elif request.method == "POST":
        status = 400
    context = {**_NO_LINK, "form": form, "answer": answer}
    if answer and answer.agreement:
        context["status_words"] = verification.status_words(answer.agreement, answer.newer_version)
    response = render(request, "agreements/verify.html", context, status=status)
    add_never_cache_headers(response)
    return response
