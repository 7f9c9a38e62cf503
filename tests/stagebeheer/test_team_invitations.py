"""Team pages: a coordinator invites colleagues into her own departments, the
invitation is an emailed link that works once, and can be resent or revoked."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from stagebeheer.models import AccessLink, Membership, OutgoingMessage, User
from stagebeheer.team import INVITATION_PURPOSE
from tests.querycount import assert_fixed_queries
from tests.sent_links import token_sent_to

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-new-password-2026"


def _invite(client, department, email="nieuw@school.example", role="supervisor"):
    return client.post(
        reverse("team_invite"),
        {"full_name": "Nina Nieuw", "email": email, "department": department.pk, "role": role},
    )


def _token_from_last_mail():
    return token_sent_to(OutgoingMessage.objects.latest("pk").to_email)


def test_a_coordinator_invites_a_colleague_who_gets_a_mail(
    login, coordinator, department, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(login(coordinator), department)
    assert response.status_code == 302
    person = User.objects.get(email="nieuw@school.example")
    assert not person.has_usable_password()
    assert Membership.objects.filter(user=person, department=department, role="supervisor").exists()
    message = OutgoingMessage.objects.get(to_email="nieuw@school.example")
    assert "/l/" in message.body_text
    assert len(mail.outbox) == 1


def test_the_colleague_accepts_once_sets_a_password_and_lands_on_the_start_page(
    client, login, coordinator, department
):
    _invite(login(coordinator), department)
    token = _token_from_last_mail()
    client.logout()
    url = reverse("access_link", args=[token])
    assert client.get(url).status_code == 200
    response = client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("home")
    person = User.objects.get(email="nieuw@school.example")
    assert person.check_password(NEW_PASSWORD)
    assert client.get(reverse("home")).context["user"] == person
    client.logout()
    again = client.post(
        url, {"new_password1": "another-password-999", "new_password2": "another-password-999"}
    )
    assert again.status_code == 410
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_a_short_or_common_password_is_refused_and_the_link_stays_open(
    client, login, coordinator, department
):
    _invite(login(coordinator), department)
    token = _token_from_last_mail()
    client.logout()
    url = reverse("access_link", args=[token])
    response = client.post(url, {"new_password1": "kort-2026", "new_password2": "kort-2026"})
    assert response.status_code == 400
    assert AccessLink.objects.get(purpose=INVITATION_PURPOSE).is_usable


def test_an_expired_invitation_is_refused(client, login, coordinator, department):
    _invite(login(coordinator), department)
    token = _token_from_last_mail()
    AccessLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.logout()
    response = client.post(
        reverse("access_link", args=[token]), {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 410
    assert not User.objects.get(email="nieuw@school.example").has_usable_password()


def test_a_revoked_invitation_is_refused_and_takes_the_role_away(client, login, coordinator, department):
    _invite(login(coordinator), department)
    token = _token_from_last_mail()
    membership = Membership.objects.get(user__email="nieuw@school.example")
    client.post(reverse("team_revoke_invitation", args=[membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    client.logout()
    response = client.post(
        reverse("access_link", args=[token]), {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 410


def test_a_resent_invitation_replaces_the_old_link(client, login, coordinator, department):
    _invite(login(coordinator), department)
    old = _token_from_last_mail()
    membership = Membership.objects.get(user__email="nieuw@school.example")
    client.post(reverse("team_resend_invitation", args=[membership.pk]))
    new = _token_from_last_mail()
    assert new != old
    client.logout()
    assert client.get(reverse("access_link", args=[old])).status_code == 410
    assert client.get(reverse("access_link", args=[new])).status_code == 200


def test_a_coordinator_cannot_invite_into_another_department(login, coordinator, other_department):
    response = _invite(login(coordinator), other_department)
    assert response.status_code == 400
    assert not User.objects.filter(email="nieuw@school.example").exists()


def test_a_coordinator_cannot_make_a_leader(login, coordinator, department):
    response = _invite(login(coordinator), department, role="leader")
    assert response.status_code == 400
    assert not Membership.objects.filter(role="leader", user__email="nieuw@school.example").exists()


def test_an_administrator_can_invite_a_leader(login, department):
    admin = User.objects.create_superuser("admin@school.example", "x-admin-password-1", full_name="Beheer")
    response = _invite(login(admin), department, role="leader")
    assert response.status_code == 302
    assert Membership.objects.filter(role="leader", user__email="nieuw@school.example").exists()


def test_inviting_the_same_role_twice_is_refused_once_stored(login, coordinator, department):
    client = login(coordinator)
    _invite(client, department)
    response = _invite(client, department)
    assert response.status_code == 400
    assert Membership.objects.filter(user__email="nieuw@school.example").count() == 1


def test_an_existing_colleague_gets_the_extra_role_and_keeps_the_password(
    client, login, coordinator, supervisor, department, password
):
    _invite(login(coordinator), department, email=supervisor.email.upper(), role="mentor")
    assert set(supervisor.memberships.values_list("role", flat=True)) == {"supervisor", "mentor"}
    token = _token_from_last_mail()
    client.logout()
    response = client.get(reverse("access_link", args=[token]))
    assert "U hebt al een account" in response.content.decode()
    supervisor.refresh_from_db()
    assert supervisor.check_password(password)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"full_name": "x" * 151, "email": "a@b.example", "role": "supervisor"},
        {"full_name": "Nina", "email": "geen-adres", "role": "supervisor"},
        {"full_name": "Nina", "email": "a@b.example", "role": "king"},
        {"full_name": "Nina", "email": "a@b.example", "role": "supervisor", "department": "abc"},
    ],
)
def test_bad_input_on_the_invite_form_is_a_clear_400(login, coordinator, department, data):
    data = {"department": department.pk, **data}
    response = login(coordinator).post(reverse("team_invite"), data)
    assert response.status_code == 400
    assert User.objects.count() == 1


def test_readers_get_403_and_strangers_ids_404(login, coordinator, supervisor, outsider):
    assert login(supervisor).get(reverse("team")).status_code == 403
    assert login(supervisor).get(reverse("team_invite")).status_code == 403
    theirs = outsider.memberships.get()
    client = login(coordinator)
    assert client.post(reverse("team_remove_role", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("team_change_role", args=[theirs.pk]), {"role": "mentor"}).status_code == 404
    assert client.get(reverse("team_deactivate", args=[outsider.pk])).status_code == 404


def test_the_team_page_lists_the_department_only(login, coordinator, supervisor, outsider):
    page = login(coordinator).get(reverse("team")).content.decode()
    assert supervisor.full_name in page
    assert outsider.full_name not in page


def test_the_team_page_has_a_fixed_number_of_queries(login, coordinator, department):
    from tests.factories.core import MembershipFactory

    client = login(coordinator)
    _invite(client, department)

    def grow():
        for _ in range(4):
            MembershipFactory(department=department, role="supervisor")
        _invite(client, department, email="tweede@school.example", role="mentor")

    assert_fixed_queries(client, reverse("team"), grow)
