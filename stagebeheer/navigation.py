"""What each role sees in the menu and on the start page.

Each app lists its own entries in ``<app>/navigation.py`` as ``NAV_ITEMS`` and
``HOME_PANELS``; this module gathers them, so the core never imports the apps.
"""

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from stagebeheer.scoping import roles_of


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


@cache
def _collected():
    items, panels = [], []
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.navigation")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.navigation":
                raise
            continue
        items += getattr(module, "NAV_ITEMS", [])
        panels += getattr(module, "HOME_PANELS", [])
    return sorted(items, key=lambda i: i.order), sorted(panels, key=lambda p: p.order)


def nav_for(user):
    if not user.is_authenticated:
        return []
    roles = roles_of(user)
    result = []
    for item in _collected()[0]:
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
    for panel in _collected()[1]:
        if panel.role not in roles and not (user.is_superuser and panel.role == "coordinator"):
            continue
        context = panel.context(request)
        if context is not None:
            shown.append({"template": panel.template, "context": context})
    return shown


# The core's own entries; gettext_lazy keeps labels translatable.
from django.utils.translation import gettext_lazy as _  # noqa: E402

NAV_ITEMS = [
    NavItem(_("Verzonden mail"), "outbox", frozenset({"coordinator"}), order=90),
]
