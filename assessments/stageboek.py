"""The stageboek's workflows: the default assignments, handing in, reviewing,
the completion item, and the student's link.

Every change of a hand-in's state is a conditional UPDATE on (state, version),
so two people acting on the same state, or a double submit, change it once;
the loser gets a clear message and nothing else happens."""

from pathlib import PurePosixPath

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from assessments.models import Assignment, AssignmentKind, HandIn, HandInState
from stagebeheer.history import line, record
from stagebeheer.mail import queue_mail
from stagebeheer.models import AccessLink

PURPOSE = "stageboek"
LINK_DAYS_AFTER_END = 60  # late hand-ins after the last stage day still reach the supervisor

DEFAULTS = [
    (
        AssignmentKind.LOGBOOK,
        gettext_lazy("Logboek"),
        gettext_lazy("Schrijf elke week op wat je gedaan hebt, wat goed ging en wat je lastig vond."),
        False,
    ),
    (
        AssignmentKind.INTERVIEW,
        gettext_lazy("Interview met een collega"),
        gettext_lazy(
            "Vraag een collega naar zijn of haar werk, opleiding en wat het werk leuk maakt. Schrijf de antwoorden op."
        ),
        False,
    ),
    (
        AssignmentKind.PRESENTATION,
        gettext_lazy("Presentatie over het bedrijf"),
        gettext_lazy("Maak een presentatie over je stagebedrijf: wat doet het, wie werken er, wat deed jij?"),
        False,
    ),
    (
        AssignmentKind.REFLECTION,
        gettext_lazy("Reflectie: past dit werk bij mij?"),
        gettext_lazy("Wat vond je van het werk? Wil je dit later doen? Waarom wel of niet?"),
        False,
    ),
    (
        AssignmentKind.DUO,
        gettext_lazy("Duo-opdracht"),
        gettext_lazy("Maak samen met je duo-partner een poster over een dag op de werkvloer."),
        True,
    ),
]


class StaleError(Exception):
    """Someone else acted first, or the page was old."""


def add_defaults(plan, actor=None) -> int:
    """Add the default assignments the plan lacks (by title); how many were new."""
    have = set(Assignment.objects.filter(plan=plan).values_list("title", flat=True))
    start = Assignment.objects.filter(plan=plan).count()
    new = [
        Assignment(
            plan=plan,
            kind=kind,
            title=str(title),
            instructions=str(text),
            shared_by_duo=shared,
            order=(start + n + 1) * 10,
        )
        for n, (kind, title, text, shared) in enumerate(DEFAULTS)
        if str(title) not in have
    ]
    Assignment.objects.bulk_create(new, ignore_conflicts=True)
    if new and actor is not None:
        record(
            plan,
            action="assessments:assignments",
            summary=line(gettext_noop("Standaardopdrachten stageboek toegevoegd")),
            actor=actor,
        )
    return len(new)


def owner_of(assignment, placement):
    """(placement id the hand-in is stored on, partner id or None)."""
    partner_id = placement.duo_partner_id if assignment.shared_by_duo else None
    if partner_id is None:
        return placement.pk, None
    return min(placement.pk, partner_id), max(placement.pk, partner_id)


def rows(placement, assignments=None):
    """[(assignment, hand-in or None)] in the plan's order; two queries."""
    if assignments is None:
        assignments = list(Assignment.objects.filter(plan_id=placement.plan_id))
    handins = {}
    for handin in HandIn.objects.of_placement(placement.pk).select_related("reviewed_by"):
        # The placement's own hand-in wins over one stored on its partner.
        if handin.placement_id == placement.pk or handin.assignment_id not in handins:
            handins[handin.assignment_id] = handin
    shared = {a.pk for a in assignments if a.shared_by_duo}
    return [
        (a, h if h is None or h.placement_id == placement.pk or a.pk in shared else None)
        for a in assignments
        for h in [handins.get(a.pk)]
    ]


def _store_file(handin, upload, kind, stored):
    # A stored name of our own making: the student's name may hold anything.
    name = PurePosixPath(upload.name)
    stem = "".join(c for c in name.stem if c.isalnum() or c in "-_")[:60] or "bestand"
    handin.file.save(f"{handin.assignment_id}-{stem}{name.suffix.lower()}", upload, save=False)
    stored.append(handin.file.name)
    handin.file_name = upload.name[:255]
    handin.file_kind = kind


def _delete_later(name):
    """Remove a replaced file once the new one is committed."""
    if name:
        from django.core.files.storage import default_storage

        transaction.on_commit(lambda: default_storage.delete(name))


def hand_in(placement, assignment, *, text="", upload=None, kind="", by_label=""):
    """First hand-in or a new one after being sent back. StaleError when the
    hand-in awaits review or is done (a double submit lands here); a file
    stored for a refused hand-in is removed again, so nothing stays behind."""
    from django.core.files.storage import default_storage

    stored = []
    try:
        return _hand_in(placement, assignment, text, upload, kind, by_label, stored)
    except StaleError:
        for name in stored:
            default_storage.delete(name)
        raise


def _hand_in(placement, assignment, text, upload, kind, by_label, stored):
    owner_id, partner_id = owner_of(assignment, placement)
    now = timezone.now()
    with transaction.atomic():
        existing = (
            HandIn.objects.select_for_update().filter(assignment=assignment, placement_id=owner_id).first()
        )
        if existing is None:
            handin = HandIn(
                assignment=assignment,
                placement_id=owner_id,
                partner_id=partner_id,
                text=text,
                handed_in_at=now,
                handed_in_by_label=by_label[:150],
            )
            if upload is not None:
                _store_file(handin, upload, kind, stored)
            try:
                with transaction.atomic():
                    handin.save()
            except IntegrityError:
                raise StaleError(_("Deze opdracht is al ingeleverd.")) from None
        else:
            if existing.state != HandInState.SENT_BACK:
                raise StaleError(_("Deze opdracht is al ingeleverd; je begeleider kijkt ernaar."))
            old_file = existing.file.name
            handin = existing
            handin.text = text
            if upload is not None:
                _store_file(handin, upload, kind, stored)
            else:
                handin.file, handin.file_name, handin.file_kind = "", "", ""
            changed = HandIn.objects.filter(
                pk=handin.pk, state=HandInState.SENT_BACK, version=existing.version
            ).update(
                state=HandInState.HANDED_IN,
                text=handin.text,
                file=handin.file.name or "",
                file_name=handin.file_name,
                file_kind=handin.file_kind,
                handed_in_at=now,
                handed_in_by_label=by_label[:150],
                version=F("version") + 1,
            )
            if changed != 1:
                raise StaleError(_("Deze opdracht is al ingeleverd."))
            if old_file and old_file != handin.file.name:
                _delete_later(old_file)
    record(
        placement,
        action="assessments:handin",
        summary=line(gettext_noop("Stageboek: %(a)s ingeleverd"), a=assignment.title),
        actor_label=by_label,
    )
    return handin


def review(handin, *, done, feedback, actor, version):
    """Mark done or send back, once: refused when the state moved on since the page was shown."""
    new_state = HandInState.DONE if done else HandInState.SENT_BACK
    changed = HandIn.objects.filter(pk=handin.pk, state=HandInState.HANDED_IN, version=version).update(
        state=new_state,
        feedback=feedback,
        reviewed_at=timezone.now(),
        reviewed_by=actor,
        version=F("version") + 1,
    )
    if changed != 1:
        raise StaleError(
            _("Deze inlevering is intussen al beoordeeld of opnieuw ingeleverd. Bekijk de pagina opnieuw.")
        )
    message = (
        gettext_noop("Stageboek: %(a)s afgerond") if done else gettext_noop("Stageboek: %(a)s teruggestuurd")
    )
    record(
        handin.placement,
        action="assessments:handin",
        summary=line(message, a=handin.assignment.title),
        actor=actor,
    )


def missing_assignments(placement, rows_=None) -> list[str]:
    """Titles of the plan's required assignments not done for this placement;
    ``rows_`` are the placement's rows when the caller has them already."""
    if rows_ is None:
        rows_ = rows(placement, list(Assignment.objects.filter(plan_id=placement.plan_id, required=True)))
    return [a.title for a, h in rows_ if a.required and (h is None or h.state != HandInState.DONE)]


def checklist_items(placement, rows_=None) -> list[dict]:
    """The completion checklist's line, when the plan has required assignments."""
    if rows_ is None and not Assignment.objects.filter(plan_id=placement.plan_id, required=True).exists():
        return []
    if rows_ is not None and not any(a.required for a, _h in rows_):
        return []
    missing = missing_assignments(placement, rows_)
    return [
        {
            "label": _("Opdrachten stageboek afgerond"),
            "ok": not missing,
            "detail": _("nog niet afgerond: %(a)s") % {"a": ", ".join(missing)} if missing else "",
        }
    ]


def send_link(placement, actor=None) -> bool:
    """Mail the student a new stageboek link; the earlier ones stop working."""
    student = placement.student
    if not student.email:
        return False
    for old in AccessLink.objects.for_target(placement).filter(purpose=PURPOSE).usable():
        old.revoke()
    days = max((placement.end_date - timezone.localdate()).days + LINK_DAYS_AFTER_END, 14)
    link, _token = AccessLink.issue(
        purpose=PURPOSE,
        target=placement,
        recipient_name=student.full_name,
        recipient_email=student.email,
        recipient_role=_("leerling"),
        department=placement.plan.department,
        days=days,
        created_by=actor,
    )
    queue_mail(
        to_email=student.email,
        to_name=student.full_name,
        subject=_("Je stageboek voor je stage bij %(h)s") % {"h": placement.host.name},
        template="assessments/mail/stageboek",
        context={
            "student": student.full_name,
            "host": placement.host.name,
            "url": link.mail_url,
            "link": link,
        },
        related=placement,
        department=placement.plan.department,
    )
    record(
        placement,
        action="assessments:stageboek_link",
        summary=line(gettext_noop("Stageboeklink naar de leerling gestuurd")),
        actor=actor,
    )
    return True
