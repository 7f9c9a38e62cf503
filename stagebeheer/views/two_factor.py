"""Two-factor pages: the code after the password, and setting up an app."""

from base64 import b32encode
from binascii import unhexlify

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from stagebeheer import two_factor

SETUP_KEY = "two_factor_setup_key"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=gettext_lazy("De zes cijfers uit uw app, of een van uw herstelcodes."),
    )


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return "home"


@login_required
def code(request):
    """The second step of a password login."""
    if request.session.get(two_factor.SESSION_KEY) != two_factor.VERIFY:
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.verify(request, form.cleaned_data["code"]):
            return redirect(_next(request))
        form.add_error(
            "code",
            _("Deze code klopt niet of is al gebruikt. Na een foute code moet u steeds iets langer wachten."),
        )
    status = 400 if request.method == "POST" else 200
    return render(
        request, "stagebeheer/two_factor/code.html", {"form": form, "next": _next(request)}, status=status
    )


def _qr_svg(device):
    return mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR-code")))  # noqa: S308 - segno's own SVG of our own URL


@login_required
def setup(request):
    """Show a new secret as QR code; a first correct code confirms it and shows
    the recovery codes once."""
    key = request.session.get(SETUP_KEY)
    if not key or request.method == "GET":
        # A fresh secret on every visit: a secret is never shown twice.
        key = random_hex(20)
        request.session[SETUP_KEY] = key
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.enable(request, key, form.cleaned_data["code"])
        if codes is not None:
            request.session.pop(SETUP_KEY, None)
            return render(request, "stagebeheer/two_factor/recovery_codes.html", {"codes": codes})
        form.add_error(
            "code", _("Deze code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw.")
        )
    device = TOTPDevice(user=request.user, name=two_factor.TOTP_NAME, key=key)
    context = {
        "form": form,
        "qr": _qr_svg(device),
        "secret": b32encode(unhexlify(key)).decode(),
        "required": request.session.get(two_factor.SESSION_KEY) == two_factor.SETUP,
        "enabled": two_factor.has_device(request.user),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "stagebeheer/two_factor/setup.html", context, status=status)


@login_required
def overview(request):
    return render(
        request,
        "stagebeheer/two_factor/overview.html",
        {
            "enabled": two_factor.has_device(request.user),
            "required": two_factor.is_required(request.user),
            "codes_left": two_factor.recovery_codes_left(request.user),
        },
    )


@login_required
@require_POST
def new_codes(request):
    if not two_factor.has_device(request.user):
        messages.error(request, _("Zet eerst tweestapsverificatie aan."))
        return redirect("two_factor")
    codes = two_factor.new_recovery_codes(request.user)
    return render(request, "stagebeheer/two_factor/recovery_codes.html", {"codes": codes})
