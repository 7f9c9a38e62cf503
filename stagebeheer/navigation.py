"""What each role sees in the menu, on the start page, and in shared pages.

Each app lists its own entries in ``<app>/navigation.py`` as ``NAV_ITEMS``,
``HOME_PANELS`` and ``PANELS``; this module gathers them, so the core (and
``placements``) never import the downstream apps.

``PANELS`` are sections another app adds to a page it does not own: the
placement page shows the agreement and the visits, the plan page shows the
contact-moment rules, each rendered by the app that owns them.
"""

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from stagebeheer.permissions import roles_of


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset = field(default_factory=frozenset)  # empty: every signed-in user
    order: int = 50


@dataclass(frozen=True)
class HomePanel:
    """A block on the start page for one role. ``context(request)`` returns the
    template's context, or None to hide the panel."""

    role: str
    template: str
    context: object
    order: int = 50


@dataclass(frozen=True)
class Panel:
    """A section on a page of another app. ``slot`` names the page (for example
    "placement_detail", "plan_detail"); ``context(request, obj)`` returns the
    template's context or None to hide it. Keep its queries fixed in number."""

    slot: str
    template: str
    context: object
    order: int = 50


@dataclass(frozen=True)
class LinkAction:
    """A link shown on every page reached by an emailed link, served by a
    global action registered in stagebeheer.links (e.g. "report-concern")."""

    label: str
    action: str
    order: int = 50


@cache
def _gathered(name: str) -> list:
    """Every app's ``<app>.navigation.<name>`` list, sorted by order."""
    found = []
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.navigation")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.navigation":
                raise
            continue
        found += getattr(module, name, [])
    return sorted(found, key=lambda entry: entry.order)


def link_actions_for(token):
    return [
        {"label": a.label, "url": reverse("access_link_action", args=[token, a.action])}
        for a in _gathered("LINK_ACTIONS")
    ]


def panels_for_slot(slot, request, obj):
    """Rendered by ``{% include panel.template with panel=panel.context %}``."""
    shown = []
    for panel in _gathered("PANELS"):
        if panel.slot != slot:
            continue
        context = panel.context(request, obj)
        if context is not None:
            shown.append({"template": panel.template, "context": context})
    return shown


def nav_for(user):
    if not user.is_authenticated:
        return []
    roles = roles_of(user)
    result = []
    for item in _gathered("NAV_ITEMS"):
        if item.roles and not (user.is_superuser or roles & item.roles):
            continue
        try:
            result.append({"label": item.label, "url": reverse(item.url_name), "url_name": item.url_name})
        except NoReverseMatch:
            continue
    return result


def panels_for(request):
    user = request.user
    roles = roles_of(user)
    shown = []
    for panel in _gathered("HOME_PANELS"):
        if panel.role not in roles and not (user.is_superuser and panel.role == "coordinator"):
            continue
        context = panel.context(request)
        if context is not None:
            shown.append({"template": panel.template, "context": context})
    return shown


# The core's own entries; gettext_lazy keeps labels translatable.
from django.utils.translation import gettext_lazy as _  # noqa: E402

NAV_ITEMS = [
    NavItem(_("Team"), "team", frozenset({"coordinator"}), order=85),
    NavItem(_("Verzonden mail"), "outbox", frozenset({"coordinator"}), order=90),
    # No membership holds "administrator": only superusers (nav_for lets them see all) get it.
    NavItem(_("Scholen"), "schools", frozenset({"administrator"}), order=95),
]
