from stagebeheer.links import contacts_for
from stagebeheer.navigation import link_actions_for, nav_for


def sign_in(request):
    """Which federated sign-in buttons the login and invitation pages show."""
    from django.conf import settings

    saml = set(settings.SAML_FEDERATIONS.values()) if settings.SAML_ENABLED else set()
    return {
        "sso_oidc": settings.OIDC_ENABLED,
        "sso_saml": bool(saml),
        "sso_saml_entree": "entree" in saml,
        "sso_saml_surfconext": "surfconext" in saml and not settings.OIDC_ENABLED,
    }


def navigation(request):
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name in {"access_link", "access_link_action"}:
        # A page reached by an emailed link: no menu, but the shared link actions.
        link = getattr(request, "access_link", None)
        return {
            "nav_items": [],
            "link_actions": link_actions_for(match.kwargs["token"]),
            # A callable: the template asks for the people only where it shows them.
            "link_contacts": (lambda: contacts_for(link)) if link is not None else [],
        }
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "link_actions": []}
    return {"nav_items": nav_for(user), "link_actions": []}
