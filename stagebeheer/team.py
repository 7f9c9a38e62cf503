"""Team management: invite staff, change and remove roles, deactivate people.

Views stay thin; every change to a person's access goes through these
functions. Who may do what:

- a coordinator manages the memberships of the departments she coordinates,
  and may give the roles stagebegeleider, mentor and coordinator;
- a leader (schoolleider) is invited and changed only by an administrator
  (``is_superuser``, the board's functional manager).
"""

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from stagebeheer.mail import queue_mail
from stagebeheer.models import AccessLink, Membership, Role, User
from stagebeheer.scoping import department_ids, forget_memberships

INVITATION_PURPOSE = "staff_invitation"
INVITATION_DAYS = 14


class TeamError(Exception):
    """A refused change, with a message for the page."""


def managed_department_ids(actor) -> list[int] | None:
    """Departments whose team the actor manages; None means all (administrator)."""
    if actor.is_superuser:
        return None
    return department_ids(actor, [Role.COORDINATOR])


def roles_actor_may_give(actor) -> list[str]:
    if actor.is_superuser:
        return list(Role.values)
    return [Role.SUPERVISOR, Role.MENTOR, Role.COORDINATOR]


def _check_may_manage(actor, department_id, role):
    managed = managed_department_ids(actor)
    if managed is not None and department_id not in managed:
        raise TeamError(_("U beheert het team van deze afdeling niet."))
    if role not in roles_actor_may_give(actor):
        raise TeamError(_("Een schoolleider wordt uitgenodigd door een beheerder."))


def _send_invitation(membership, actor):
    user = membership.user
    link, _token = AccessLink.issue(
        purpose=INVITATION_PURPOSE,
        target=membership,
        recipient_name=user.full_name,
        recipient_email=user.email,
        department=membership.department,
        days=INVITATION_DAYS,
        created_by=actor,
        recipient_role=membership.role,
    )
    queue_mail(
        to_email=user.email,
        to_name=user.full_name,
        subject=_("Uitnodiging voor Stagebeheer van %(department)s") % {"department": membership.department},
        template="mail/staff_invitation",
        context={
            "membership": membership,
            "inviter": actor,
            "url": link.mail_url,
            "expires_at": link.expires_at,
        },
        related=membership,
        department=membership.department,
    )
    return link


@transaction.atomic
def invite(actor, *, department, email, full_name, role) -> Membership:
    """Give a colleague a role in a department and mail an invitation link.

    An existing person (same e-mail address, any case) keeps their account and
    gets the extra role; a new one gets an account without a usable password,
    which they set through the link (or sign in through the federation)."""
    _check_may_manage(actor, department.pk, role)
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create(email=email, full_name=full_name, password=make_password(None))
    elif not user.is_active:
        raise TeamError(_("Deze persoon is gedeactiveerd; een beheerder kan het account weer activeren."))
    try:
        with transaction.atomic():
            membership = Membership.objects.create(user=user, department=department, role=role)
    except IntegrityError:
        raise TeamError(_("Deze persoon heeft deze rol in deze afdeling al.")) from None
    _send_invitation(membership, actor)
    return membership


def open_invitation(membership):
    return AccessLink.objects.for_target(membership).filter(purpose=INVITATION_PURPOSE).usable().first()


@transaction.atomic
def resend_invitation(actor, membership) -> AccessLink:
    _check_may_manage(actor, membership.department_id, membership.role)
    if membership.user.has_usable_password() or membership.user.last_login:
        raise TeamError(_("Deze persoon heeft de uitnodiging al geaccepteerd."))
    for link in AccessLink.objects.for_target(membership).filter(purpose=INVITATION_PURPOSE).usable():
        link.revoke()
    return _send_invitation(membership, actor)


@transaction.atomic
def revoke_invitation(actor, membership) -> None:
    """Withdraw an unanswered invitation: the link stops working and the role
    it would have given is taken away again."""
    _check_may_manage(actor, membership.department_id, membership.role)
    links = list(AccessLink.objects.for_target(membership).filter(purpose=INVITATION_PURPOSE).usable())
    if not links:
        raise TeamError(_("Er staat geen open uitnodiging voor deze rol."))
    for link in links:
        link.revoke()
    membership.delete()


@transaction.atomic
def change_role(actor, membership, new_role) -> Membership:
    _check_may_manage(actor, membership.department_id, membership.role)
    _check_may_manage(actor, membership.department_id, new_role)
    if membership.user_id == actor.pk and membership.role == Role.COORDINATOR and not actor.is_superuser:
        raise TeamError(_("U kunt uw eigen rol als stagecoördinator niet wijzigen."))
    if new_role == membership.role:
        return membership
    try:
        with transaction.atomic():
            Membership.objects.filter(pk=membership.pk).update(role=new_role)
    except IntegrityError:
        raise TeamError(_("Deze persoon heeft deze rol in deze afdeling al.")) from None
    membership.role = new_role
    forget_memberships(membership.user)
    return membership


@transaction.atomic
def remove_role(actor, membership) -> None:
    _check_may_manage(actor, membership.department_id, membership.role)
    if membership.user_id == actor.pk and membership.role == Role.COORDINATOR and not actor.is_superuser:
        raise TeamError(_("U kunt uw eigen rol als stagecoördinator niet verwijderen."))
    for link in AccessLink.objects.for_target(membership).filter(purpose=INVITATION_PURPOSE).usable():
        link.revoke()
    membership.delete()


def open_placements_of(person):
    """Placements still running with this person as school supervisor: they
    need another supervisor when the person leaves."""
    # Imported here: placements imports the core, not the other way round at load.
    from placements.models import Placement
    from placements.models.placement import PlacementState

    open_states = (PlacementState.DRAFT, PlacementState.AGREEMENT_PENDING, PlacementState.ACTIVE)
    return (
        Placement.objects.filter(school_supervisor=person, state__in=open_states)
        .select_related("student", "plan__department", "host")
        .order_by("plan__department__name", "student__last_name")
    )


def may_deactivate(actor, person) -> bool:
    """Only someone who manages every department the person works in."""
    if person.pk == actor.pk or person.is_superuser:
        return False
    managed = managed_department_ids(actor)
    if managed is None:
        return True
    held = set(person.memberships.values_list("department_id", flat=True))
    leader = person.memberships.filter(role=Role.LEADER).exists()
    return bool(held) and held <= set(managed) and not leader


@transaction.atomic
def deactivate(actor, person) -> None:
    """The person can no longer sign in. Their memberships, placements and
    history stay, so past work still names them."""
    if not may_deactivate(actor, person):
        raise TeamError(_("U kunt deze persoon niet deactiveren."))
    User.objects.filter(pk=person.pk).update(is_active=False)
    person.is_active = False
    for membership in person.memberships.all():
        for link in AccessLink.objects.for_target(membership).filter(purpose=INVITATION_PURPOSE).usable():
            link.revoke()
    # Sessions of the person end at their next request: Django's auth middleware
    # refuses inactive users (ModelBackend.user_can_authenticate).
