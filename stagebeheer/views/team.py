"""Team pages: the coordinator's staff, invitations, roles, deactivation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stagebeheer import team
from stagebeheer.models import AccessLink, Membership, User
from stagebeheer.scoping import get_visible_or_404
from stagebeheer.team_forms import InviteForm, RoleForm


def _require_team_manager(user):
    if not user.is_superuser and not team.managed_department_ids(user):
        raise PermissionDenied


@login_required
def team_list(request):
    """Everyone with a role in the departments the user coordinates: one query
    for the people, one for their roles there, one for open invitations."""
    _require_team_manager(request.user)
    memberships = Membership.objects.visible_to(request.user).select_related("department")
    people = (
        User.objects.filter(pk__in=memberships.values("user_id"))
        .prefetch_related(Prefetch("memberships", queryset=memberships, to_attr="team_memberships"))
        .order_by("full_name", "pk")
    )
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    ids = [m.pk for person in page for m in person.team_memberships]
    invitations = {
        link.object_id: link
        for link in AccessLink.objects.filter(
            purpose=team.INVITATION_PURPOSE,
            content_type=ContentType.objects.get_for_model(Membership),
            object_id__in=ids,
            revoked_at__isnull=True,
        ).order_by("created_at")
    }
    rows = []
    for person in page:
        roles = []
        for membership in person.team_memberships:
            link = invitations.get(membership.pk)
            pending = link is not None and not person.has_usable_password() and person.last_login is None
            roles.append({"membership": membership, "invitation": link if pending else None})
        rows.append({"person": person, "roles": roles})
    return render(
        request,
        "stagebeheer/team/list.html",
        {"page": page, "rows": rows, "role_form": RoleForm(actor=request.user)},
    )


@login_required
def invite(request):
    _require_team_manager(request.user)
    form = InviteForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            membership = team.invite(request.user, **form.cleaned_data)
        except team.TeamError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Uitnodiging verstuurd naar %(email)s.") % {"email": membership.user.email}
            )
            return redirect("team")
    status = 400 if request.method == "POST" else 200
    return render(request, "stagebeheer/team/invite.html", {"form": form}, status=status)


def _membership(request, pk):
    _require_team_manager(request.user)
    return get_visible_or_404(Membership.objects.select_related("user", "department"), request.user, pk=pk)


def _run(request, action, success):
    try:
        action()
    except team.TeamError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("team")


@login_required
@require_POST
def change_role(request, pk):
    membership = _membership(request, pk)
    form = RoleForm(request.POST, actor=request.user)
    if not form.is_valid():
        messages.error(request, _("Kies een rol uit de lijst."))
        return redirect("team")
    return _run(
        request,
        lambda: team.change_role(request.user, membership, form.cleaned_data["role"]),
        _("De rol van %(name)s is gewijzigd.") % {"name": membership.user.full_name},
    )


@login_required
@require_POST
def remove_role(request, pk):
    membership = _membership(request, pk)
    return _run(
        request,
        lambda: team.remove_role(request.user, membership),
        _("De rol van %(name)s is verwijderd.") % {"name": membership.user.full_name},
    )


@login_required
@require_POST
def resend_invitation(request, pk):
    membership = _membership(request, pk)
    return _run(
        request,
        lambda: team.resend_invitation(request.user, membership),
        _("Nieuwe uitnodiging verstuurd naar %(email)s.") % {"email": membership.user.email},
    )


@login_required
@require_POST
def revoke_invitation(request, pk):
    membership = _membership(request, pk)
    return _run(
        request,
        lambda: team.revoke_invitation(request.user, membership),
        _("De uitnodiging is ingetrokken."),
    )


def _person(request, pk):
    _require_team_manager(request.user)
    memberships = Membership.objects.visible_to(request.user)
    person = User.objects.filter(pk=pk, pk__in=memberships.values("user_id")).first()
    if person is None:
        raise Http404
    return person


@login_required
def deactivate(request, pk):
    """GET shows the person's open placements that need another supervisor;
    POST deactivates. Placements and history keep naming the person."""
    person = _person(request, pk)
    if not team.may_deactivate(request.user, person):
        raise PermissionDenied
    if request.method == "POST":
        return _run(
            request,
            lambda: team.deactivate(request.user, person),
            _("%(name)s is gedeactiveerd en kan niet meer inloggen.") % {"name": person.full_name},
        )
    placements = team.open_placements_of(person)
    return render(request, "stagebeheer/team/deactivate.html", {"person": person, "placements": placements})
