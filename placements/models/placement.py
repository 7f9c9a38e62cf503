"""One student's stage at one host for one period."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stagebeheer import permissions


class PlacementState(models.TextChoices):
    DRAFT = "draft", _("concept")
    AGREEMENT_PENDING = "agreement_pending", _("overeenkomst in behandeling")
    ACTIVE = "active", _("lopend")
    COMPLETED = "completed", _("afgerond")
    TERMINATED = "terminated", _("voortijdig beëindigd")


class PlacementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.placements_visible(self, user)

    def editable_by(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.placements_editable(self, user)

    def supervised_by(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.placements_supervised(self, user)


class Placement(models.Model):
    # Changing any of these after the agreement was sent needs a new version (agreements app).
    CONTRACT_FIELDS = (
        "host",
        "start_date",
        "end_date",
        "schedule",
        "activities",
        "work_location",
        "school_supervisor",
        "school_trainer",
        "allowance_per_month",
        "travel_allowance",
    )

    student = models.ForeignKey(
        "placements.Student", on_delete=models.PROTECT, related_name="placements", verbose_name=_("leerling")
    )
    plan = models.ForeignKey(
        "placements.PlacementPlan",
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("stageplan"),
    )
    host = models.ForeignKey(
        "placements.Host", on_delete=models.PROTECT, related_name="placements", verbose_name=_("stagebedrijf")
    )
    workplace_supervisors = models.ManyToManyField(
        "placements.WorkplaceSupervisor",
        through="placements.PlacementWorkplaceSupervisor",
        related_name="placements",
        verbose_name=_("praktijkbegeleiders"),
    )
    school_supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supervised_placements",
        verbose_name=_("stagebegeleider"),
    )
    # Teacher education: the schoolopleider, one of the host's people (the
    # opleidingsschool), who coordinates its werkplekbegeleiders. With the school
    # supervisor (the instituutsopleider) the school-side team of the placement.
    school_trainer = models.ForeignKey(
        "placements.WorkplaceSupervisor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trained_placements",
        verbose_name=_("schoolopleider"),
    )
    start_date = models.DateField(_("begindatum"))
    end_date = models.DateField(_("einddatum"))
    # Weekly schedule: [{"weekday": 0-6 (Monday 0), "start": "08:30", "end": "16:30",
    # "break_minutes": 30}, ...]; services.planned_hours() turns it into hours.
    schedule = models.JSONField(_("weekrooster"), default=list, blank=True)
    planned_hours = models.DecimalField(_("geplande uren"), max_digits=7, decimal_places=2, default=0)
    activities = models.TextField(_("leeractiviteiten"), blank=True)
    work_location = models.CharField(
        _("werkplek(ken)"),
        max_length=300,
        blank=True,
        help_text=_("Alleen invullen als de leerling niet op het adres van het bedrijf werkt."),
    )
    allowance_per_month = models.DecimalField(
        _("stagevergoeding per maand"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    travel_allowance = models.DecimalField(
        _("reiskostenvergoeding per maand"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    notes = models.TextField(_("notities"), blank=True)
    # How the student relates to this host (family, own side job); a plan may forbid these.
    host_kinds = models.JSONField(_("relatie met het stagebedrijf"), default=list, blank=True)
    state = models.CharField(
        _("status"), max_length=20, choices=PlacementState.choices, default=PlacementState.DRAFT
    )
    terminated_on = models.DateField(_("beëindigd op"), null=True, blank=True)
    termination_reason = models.TextField(_("reden van beëindiging"), blank=True)
    replaces = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replacements",
        verbose_name=_("vervangt"),
    )
    # Hours missed by the placement this one replaces, planned again here (lwt, UB art. 2.65).
    carried_over_hours = models.DecimalField(_("overgenomen uren"), max_digits=7, decimal_places=2, default=0)
    # Both sides of a duo point at each other; services.pair_duo keeps them in step.
    duo_partner = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("duo-partner"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlacementQuerySet.as_manager()

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["-start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=PlacementState.values), name="placement_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="placement_dates_ordered"
            ),
            models.CheckConstraint(
                condition=~models.Q(state="terminated") | models.Q(terminated_on__isnull=False),
                name="placement_terminated_has_date",
            ),
        ]
        indexes = [
            # Overview per plan and state; the supervisor's list.
            models.Index(fields=["plan", "state"], name="placement_plan_state_idx"),
            models.Index(fields=["school_supervisor", "state"], name="placement_supervisor_idx"),
            # Capacity per host and period.
            models.Index(fields=["host", "start_date", "end_date"], name="placement_host_period_idx"),
        ]

    def __str__(self):
        return f"{self.student} — {self.host} ({self.start_date:%d-%m-%Y})"

    @property
    def department_id(self):
        return self.plan.department_id

    @property
    def primary_workplace_supervisor(self):
        """Uses prefetched links when present (prefetch 'supervisor_links__workplace_supervisor')."""
        links = list(self.supervisor_links.all())
        for link in links:
            if link.is_primary:
                return link.workplace_supervisor
        return links[0].workplace_supervisor if links else None


class PlacementWorkplaceSupervisor(models.Model):
    """Guidance by a team: several workplace supervisors, one of them primary."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="supervisor_links")
    workplace_supervisor = models.ForeignKey(
        "placements.WorkplaceSupervisor", on_delete=models.PROTECT, related_name="placement_links"
    )
    is_primary = models.BooleanField(_("eerste aanspreekpunt"), default=False)

    class Meta:
        verbose_name = _("praktijkbegeleider van een stage")
        verbose_name_plural = _("praktijkbegeleiders van een stage")
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "workplace_supervisor"], name="placement_supervisor_unique"
            ),
            models.UniqueConstraint(
                fields=["placement"], condition=models.Q(is_primary=True), name="placement_one_primary"
            ),
        ]

    def __str__(self):
        return f"{self.workplace_supervisor} ({self.placement_id})"

    @classmethod
    def first_of(cls, placement_ids) -> dict:
        """{placement id: its primary (else first) workplace supervisor}, one query
        for any number of placements (the periodic mails)."""
        placement_ids = list(placement_ids)
        if not placement_ids:
            return {}
        first = {}
        for link in (
            cls.objects.filter(placement_id__in=placement_ids)
            .select_related("workplace_supervisor")
            .order_by("placement_id", "-is_primary", "pk")
        ):
            first.setdefault(link.placement_id, link.workplace_supervisor)
        return first
