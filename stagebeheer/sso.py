"""Matching a federated sign-in to a person in the app (SAML and OpenID Connect).

The federation says who someone is (e-mail address) and which institution
they belong to (Entree: nlEduPersonHomeOrganizationId, the BRIN; SURFconext:
schacHomeOrganization). A sign-in is accepted only for an active person with a
role at a school connected to that federation under that institution id.
Nobody gets an account or a role from the federation: unknown people are
refused (they ask their coordinator for an invitation), and the roles are
always the ones given in the app.
"""

import logging

from stagebeheer.models import User

logger = logging.getLogger(__name__)

FEDERATED_BACKENDS = (
    "stagebeheer.oidc.SurfconextOIDCBackend",
    "stagebeheer.saml.FederationSaml2Backend",
)


def person_for(*, federation: str, home_organization: str, email: str):
    """The one active person with this address and a role at a school of this
    federation and institution id, or None."""
    email = (email or "").strip()
    home_organization = (home_organization or "").strip()
    if not email or not home_organization:
        return None
    people = list(
        User.objects.filter(
            email__iexact=email,
            is_active=True,
            memberships__department__school__federation=federation,
            memberships__department__school__home_organization__iexact=home_organization,
        ).distinct()[:2]
    )
    if len(people) != 1:
        logger.info(
            "federated sign-in refused: no person for %s at %s/%s", email, federation, home_organization
        )
        return None
    return people[0]


def first(value):
    """Attributes arrive as lists (SAML) or single values (OIDC)."""
    if isinstance(value, (list, tuple)):
        return value[0] if value else ""
    return value or ""
