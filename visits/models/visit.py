"""Contact moments: planned from the plan's rules, then logged as a visit.

One row is one contact moment. It starts ``planned`` (from a rule or added by
hand), may be moved, and ends ``done`` (the visit log) or ``cancelled`` (with a
reason). Keeping plan and log in one row means the agenda and the log never
disagree about what happened to a moment.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placements.models import Placement
from stagebeheer import permissions


class Mode(models.TextChoices):
    PHONE = "phone", _("telefoongesprek")
    ON_SITE = "on_site", _("bezoek bij het stagebedrijf")
    SCHOOL = "school", _("gesprek op school")
    VIDEO = "video", _("videogesprek")


class Purpose(models.TextChoices):
    INTRODUCTION = "introduction", _("kennismaking")
    START = "start", _("startgesprek")
    INTERIM = "interim", _("tussentijds gesprek")
    FINAL = "final", _("eindgesprek")
    TRIPARTITE = "tripartite", _("driehoeksgesprek")


class VisitStatus(models.TextChoices):
    PLANNED = "planned", _("gepland")
    DONE = "done", _("gehouden")
    CANCELLED = "cancelled", _("geannuleerd")


class VisitQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.visits_visible(self, user)

    def editable_by(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.visits_editable(self, user)

    def open(self):
        return self.filter(status=VisitStatus.PLANNED)


class Visit(models.Model):
    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="visits", verbose_name=_("stage")
    )
    # Set when planned from a rule; (placement, rule, sequence) is unique so
    # planning the same placement twice adds nothing.
    rule = models.ForeignKey(
        "visits.ContactMomentRule", on_delete=models.SET_NULL, null=True, blank=True, related_name="visits"
    )
    sequence = models.PositiveSmallIntegerField(default=0)
    mode = models.CharField(_("soort contact"), max_length=10, choices=Mode.choices, default=Mode.ON_SITE)
    purpose = models.CharField(_("doel"), max_length=20, choices=Purpose.choices, default=Purpose.INTERIM)
    required = models.BooleanField(_("verplicht"), default=True)
    unannounced_allowed = models.BooleanField(_("onaangekondigd toegestaan"), default=False)
    planned_on = models.DateField(_("gepland op"))
    status = models.CharField(
        _("status"), max_length=10, choices=VisitStatus.choices, default=VisitStatus.PLANNED
    )
    change_reason = models.TextField(_("reden van verplaatsen of annuleren"), blank=True)
    # --- the log ---
    held_on = models.DateField(_("gehouden op"), null=True, blank=True)
    unannounced = models.BooleanField(_("onaangekondigd bezoek"), default=False)
    with_student = models.BooleanField(_("leerling was erbij"), default=True)
    with_workplace_supervisor = models.BooleanField(_("praktijkbegeleider was erbij"), default=True)
    others_present = models.CharField(_("anderen aanwezig"), max_length=200, blank=True)
    # The four keys of a good stagegesprek.
    learning_moments = models.TextField(
        _("wat de leerling leerde"), blank=True, help_text=_("Momenten waarop het klikte.")
    )
    learning_potential = models.TextField(
        _("leerpotentieel van de werkplek"), blank=True, help_text=_("Wat kan de leerling hier nog leren?")
    )
    workplace_judgement = models.TextField(_("oordeel van de praktijkbegeleider"), blank=True)
    guidance_showing = models.BooleanField(_("voordoen"), default=False)
    guidance_drawing_in = models.BooleanField(_("erbij betrekken"), default=False)
    guidance_entrusting = models.BooleanField(_("werk toevertrouwen"), default=False)
    guidance_examples = models.TextField(_("voorbeelden van de begeleiding"), blank=True)
    notes = models.TextField(_("overige notities"), blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    logged_at = models.DateTimeField(null=True, blank=True)
    # Claimed by the task that mails the workplace supervisor before the conversation.
    input_requested_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["planned_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(mode__in=Mode.values), name="visit_mode_valid"),
            models.CheckConstraint(condition=Q(purpose__in=Purpose.values), name="visit_purpose_valid"),
            models.CheckConstraint(condition=Q(status__in=VisitStatus.values), name="visit_status_valid"),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(held_on__isnull=False), name="visit_done_has_date"
            ),
            models.UniqueConstraint(
                fields=["placement", "rule", "sequence"],
                condition=Q(rule__isnull=False),
                name="visit_planned_once_per_rule",
            ),
        ]
        indexes = [
            # The agenda and the reminders: open moments by day.
            models.Index(fields=["status", "planned_on"], name="visit_status_day_idx"),
            models.Index(fields=["placement", "planned_on"], name="visit_placement_day_idx"),
        ]

    def __str__(self):
        return f"{self.get_purpose_display()} — {self.planned_on:%d-%m-%Y}"

    @property
    def is_overdue(self) -> bool:
        return self.status == VisitStatus.PLANNED and self.planned_on < timezone.localdate()

    @property
    def guidance_choices(self) -> list[str]:
        return [
            str(label)
            for flag, label in (
                (self.guidance_showing, _("voordoen")),
                (self.guidance_drawing_in, _("erbij betrekken")),
                (self.guidance_entrusting, _("werk toevertrouwen")),
            )
            if flag
        ]


class ActionOwner(models.TextChoices):
    STUDENT = "student", _("leerling")
    WORKPLACE_SUPERVISOR = "workplace_supervisor", _("praktijkbegeleider")
    SCHOOL_SUPERVISOR = "school_supervisor", _("stagebegeleider")
    OTHER = "other", _("iemand anders")


class AgreedAction(models.Model):
    """An agreement made in a conversation, followed up at the next one."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("afspraak"), max_length=300)
    owner = models.CharField(_("wie"), max_length=20, choices=ActionOwner.choices)
    due_on = models.DateField(_("uiterlijk"), null=True, blank=True)
    done = models.BooleanField(_("gedaan"), default=False)
    followed_up_in = models.ForeignKey(
        Visit, on_delete=models.SET_NULL, null=True, blank=True, related_name="followed_up_actions"
    )

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(owner__in=ActionOwner.values), name="action_owner_valid"),
        ]

    def __str__(self):
        return self.description


class WorkplaceInput(models.Model):
    """The workplace supervisor's judgement, asked for by link a few days
    before a conversation and shown on the visit form."""

    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="workplace_input")
    judgement = models.TextField(_("hoe gaat het met de leerling?"))
    going_well = models.TextField(_("wat gaat goed?"), blank=True)
    to_improve = models.TextField(_("wat kan beter?"), blank=True)
    topics = models.TextField(_("wat wilt u bespreken?"), blank=True)
    submitted_by = models.CharField(max_length=150)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("inbreng van de praktijkbegeleider")
        verbose_name_plural = _("inbreng van praktijkbegeleiders")

    def __str__(self):
        return f"{self.submitted_by} ({self.visit_id})"


class ReminderLog(models.Model):
    """One row per reminder mail and day: the unique key makes a second run a no-op."""

    class Kind(models.TextChoices):
        SUPERVISOR_DAILY = "supervisor_daily", _("dagelijkse herinnering")
        COORDINATOR_WEEKLY = "coordinator_weekly", _("wekelijks overzicht")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "sent_on"], name="reminder_once_a_day"),
        ]

    def __str__(self):
        return f"{self.kind} {self.user_id} {self.sent_on}"
