"""Sign-in through SURFconext with OpenID Connect (mozilla-django-oidc).

The library runs the code flow (state, nonce, PKCE), fetches the tokens and
checks the ID token's signature against the provider's keys. On top of it:
the ID token's audience and issuer are checked (the library leaves the
audience out), and the person is matched by ``stagebeheer.sso``, never created.
"""

import logging

import jwt
import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from stagebeheer import sso
from stagebeheer.models import Federation

logger = logging.getLogger(__name__)


class SurfconextOIDCBackend(OIDCAuthenticationBackend):
    def _verify_jws(self, payload, key):
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("The ID token's algorithm is not the configured one")
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_OP_ISSUER,
                options={"require": ["exp", "iat", "aud", "iss", "sub"]},
            )
        except jwt.InvalidTokenError as exc:
            raise SuspiciousOperation(f"ID token refused: {exc}") from exc

    def authenticate(self, request, **kwargs):
        if "nonce" not in kwargs or "password" in kwargs:
            # Only the library's callback view signs in here; a password form
            # with ?code=...&state=... in its address must not start a token exchange.
            return None
        try:
            return super().authenticate(request, **kwargs)
        except (SuspiciousOperation, requests.RequestException) as exc:
            # A tampered or replayed response, or the provider refusing a used
            # code: the sign-in fails with the clear page, never a 500.
            logger.warning("OpenID Connect sign-in refused: %s", exc)
            return None

    def get_userinfo(self, access_token, id_token, payload):
        claims = super().get_userinfo(access_token, id_token, payload)
        if claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("userinfo is about someone else than the ID token")
        return {**claims, **{k: v for k, v in payload.items() if k in ("email", "schac_home_organization")}}

    def verify_claims(self, claims):
        return bool(claims.get("email")) and bool(claims.get("schac_home_organization"))

    def filter_users_by_claims(self, claims):
        person = sso.person_for(
            federation=Federation.SURFCONEXT,
            home_organization=sso.first(claims.get("schac_home_organization")),
            email=sso.first(claims.get("email")),
        )
        return [person] if person else []

    def create_user(self, claims):  # pragma: no cover - OIDC_CREATE_USER is False
        return None

    def update_user(self, user, claims):
        # Nothing is taken over from the federation: not the name, not roles.
        return user
