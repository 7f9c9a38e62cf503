"""Two-factor login with django-otp: a TOTP device (any authenticator app)
and ten single-use recovery codes (a static device).

At each sign-in the session gets one of these states (``SESSION_KEY``):

- ``verify``: the person has a confirmed device; every page asks for a code
  until one is given;
- ``setup``: the person must have two-factor login (coordinator, administrator,
  or a school that requires it) but has no device yet; every page leads to the
  set-up page;
- absent: nothing to do (verified, not required, or signed in through the
  school's federation, which brings its own second factor).

The state is decided once per sign-in, so pages after it ask no extra queries.
"""

import django_otp
from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from stagebeheer.scoping import roles_of

SESSION_KEY = "two_factor"
VERIFY = "verify"
SETUP = "setup"
RECOVERY_CODES = 10
TOTP_NAME = "authenticator-app"
RECOVERY_NAME = "recovery-codes"


def is_required(user) -> bool:
    required = set(settings.TWO_FACTOR_REQUIRED_ROLES)
    if user.is_superuser and "administrator" in required:
        return True
    if roles_of(user) & required:
        return True
    return user.memberships.filter(department__school__require_two_factor=True).exists()


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def state_at_login(request, user) -> str | None:
    from stagebeheer.sso import FEDERATED_BACKENDS

    # Django's login() notes the back-end that authenticated the person.
    if getattr(user, "backend", "") in FEDERATED_BACKENDS:
        return None
    if has_device(user):
        return VERIFY
    if is_required(user):
        return SETUP
    return None


def verify(request, token: str) -> bool:
    """Check a code from the app or a recovery code. django-otp throttles each
    device after a wrong code (a growing delay) and refuses a TOTP code that was
    already used, so neither guessing nor replay gets through."""
    token = "".join(token.split()).lower()
    if not token:
        return False
    device = django_otp.match_token(request.user, token)
    if device is None:
        return False
    django_otp.login(request, device)
    request.session.pop(SESSION_KEY, None)
    return True


@transaction.atomic
def enable(request, key: str, token: str) -> list[str] | None:
    """Confirm a new TOTP device with a first code; return the recovery codes
    (shown once), or None when the code is wrong."""
    user = request.user
    # The candidate is stored unconfirmed, so django-otp's throttle on wrong
    # codes holds between attempts; only a right code confirms it.
    TOTPDevice.objects.filter(user=user, confirmed=False).exclude(key=key).delete()
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, key=key, confirmed=False, defaults={"name": TOTP_NAME}
    )
    if not device.verify_token("".join(token.split())):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(user)
    django_otp.login(request, device)
    request.session.pop(SESSION_KEY, None)
    return codes


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace any earlier codes with ten new ones; each works once."""
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=code) for code in codes])
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()
