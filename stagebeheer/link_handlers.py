"""The core's own emailed link: the invitation of a colleague to the team.

The link's target is the Membership the invitation gave. Opening it shows how
to get in: set a password, or sign in through the school's federation. Only
the POST that sets the password uses the link up.
"""

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stagebeheer.links import LinkHandler, register
from stagebeheer.models import Federation, Membership
from stagebeheer.team import INVITATION_PURPOSE


def federation_login_url(school):
    """The school's federated sign-in, when it has one and it is configured."""
    if school.federation == Federation.SURFCONEXT and settings.OIDC_ENABLED:
        return reverse("oidc_authentication_init")
    if school.federation in settings.SAML_FEDERATIONS.values():
        return reverse("saml_start", args=[school.federation])
    return ""


@register
class StaffInvitationHandler(LinkHandler):
    purpose = INVITATION_PURPOSE
    label = _("uitnodiging voor het team")

    def placement_for(self, link):
        return None

    def _membership(self, link):
        return (
            Membership.objects.filter(pk=link.object_id).select_related("user", "department__school").first()
        )

    def _render(self, request, link, membership, form, status=200):
        return render(
            request,
            "stagebeheer/team/invitation_accept.html",
            {
                "link": link,
                "membership": membership,
                "person": membership.user,
                "form": form,
                "federation_login_url": federation_login_url(membership.department.school),
            },
            status=status,
        )

    def _refused(self, request, link, membership):
        if membership is None or not membership.user.is_active:
            return render(request, "links/revoked.html", {"link": link}, status=410)
        return None

    def get(self, request, link):
        membership = self._membership(link)
        refused = self._refused(request, link, membership)
        if refused:
            return refused
        return self._render(request, link, membership, SetPasswordForm(membership.user))

    def post(self, request, link):
        membership = self._membership(link)
        refused = self._refused(request, link, membership)
        if refused:
            return refused
        person = membership.user
        if person.has_usable_password():
            # An existing colleague only got an extra role: nothing to set here.
            return redirect("login")
        form = SetPasswordForm(person, request.POST)
        if not form.is_valid():
            return self._render(request, link, membership, form, status=400)
        with transaction.atomic():
            # The claim makes a double submit or a second tab accept once.
            if not link.claim_completion():
                return render(request, "links/completed.html", {"link": link}, status=410)
            form.save()
        login(request, person, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("home")
