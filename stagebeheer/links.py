"""Registry of what each emailed link does.

An app declares a handler per purpose (``@register``) in its ``links.py``.
The shared view at ``/l/<token>/`` finds the link, refuses it when unknown,
expired, revoked or completed, and hands it to the handler. Opening a link by
GET never changes anything (mail scanners follow links); forms POST.
"""

from django.dispatch import Signal
from django.http import HttpResponseNotAllowed
from django.utils.module_loading import autodiscover_modules

_handlers: dict[str, "LinkHandler"] = {}
# Actions offered on every link page whatever its purpose (report a concern,
# read the guide), served at /l/<token>/<action>/ by ``func(request, link)``.
_global_actions: dict[str, object] = {}
# Sent with ``link=`` when a known link is opened, before its handler runs, so
# the audit trail can name the link holder as the one who acts.
link_opened = Signal()


class LinkHandler:
    """Subclass per purpose. ``get``/``post`` serve /l/<token>/; a method
    ``get_<action>``/``post_<action>`` serves /l/<token>/<action>/."""

    purpose: str = ""
    label: str = ""
    # Some links stay open for several visits (hours, drafts); they still end
    # when the handler claims completion or the link expires.

    def dispatch(self, request, link, action=None):
        method = request.method.lower()
        if method == "head":
            method = "get"
        name = f"{method}_{action}" if action else method
        handler = getattr(self, name, None)
        if handler is None:
            allowed = [m.upper() for m in ("get", "post") if hasattr(self, f"{m}_{action}" if action else m)]
            if not allowed:
                # /l/<token>/bogus/: no such page behind this link, the same answer as an unknown link.
                from django.shortcuts import render

                return render(request, "links/unknown.html", status=404)
            return HttpResponseNotAllowed(allowed)
        return handler(request, link)

    def completed_response(self, request, link):
        """What a completed link shows; None gives the shared 'already done' page."""
        return

    def revoked_response(self, request, link):
        """What a revoked link shows; None gives the shared 'withdrawn' page."""
        return

    def placement_for(self, link):
        """The placement this link is about, so a concern reported from it, the
        guide and the contact details belong to that stage. The default reads
        ``target.placement``; a handler whose target is the placement itself or
        lies further away overrides it; None for a link about no placement."""
        target = target_of(link)
        return getattr(target, "placement", None)


def target_of(link):
    """The link's target row, or None when it is gone."""
    try:
        return link.target
    except Exception:  # a target of an app that is gone, or a deleted row
        return None


def remember_placement(link, placement) -> None:
    """A handler that loaded the link's placement already says so: the page's
    contact block and actions then do not ask for it again (placement_of)."""
    link._placement = placement


def placement_of(link):
    """The placement behind any link, asked of the handler of its purpose."""
    if "_placement" in link.__dict__:
        return link._placement
    try:
        handler = get_handler(link.purpose)
    except LookupError:
        return None
    return handler.placement_for(link)


def register(handler_class):
    if not handler_class.purpose:
        raise ValueError(f"{handler_class.__name__} has no purpose")
    _handlers[handler_class.purpose] = handler_class()
    return handler_class


def register_global_action(action: str, func) -> None:
    _global_actions[action] = func


def get_global_action(action):
    if not _handlers:
        autodiscover_modules("links", "link_handlers")
    return _global_actions.get(action)


def get_handler(purpose: str) -> LinkHandler:
    if not _handlers:
        autodiscover_modules("links", "link_handlers")
    try:
        return _handlers[purpose]
    except KeyError:
        raise LookupError(f"No link handler for purpose {purpose!r}") from None


def discover():
    autodiscover_modules("links", "link_handlers")


def contacts_for(link) -> list[dict]:
    """Whom a link holder can call: the placement's school supervisor and the
    department's coordinators, with phone and e-mail (at most three people)."""
    from stagebeheer.models import User

    placement = placement_of(link)
    people = []
    supervisor = getattr(placement, "school_supervisor", None) if placement is not None else None
    if supervisor is not None:
        people.append((supervisor, "supervisor"))
    department_id = placement.plan.department_id if placement is not None else link.department_id
    if department_id:
        coordinators = User.objects.filter(
            is_active=True, memberships__department_id=department_id, memberships__role="coordinator"
        ).order_by("full_name")[:2]
        people += [(u, "coordinator") for u in coordinators if supervisor is None or u.pk != supervisor.pk]
    return [{"name": u.full_name, "phone": u.phone, "email": u.email, "role": role} for u, role in people]
