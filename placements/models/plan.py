"""The stageplan: a department's written plan for one kind of stage in one year."""

from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from stagebeheer import permissions


class PlanKind(models.TextChoices):
    VMBO_ORIENTATION = "vmbo_orientation", _("beroepsoriënterende stage vmbo")
    PRO_EXTERNAL = "pro_external", _("externe stage praktijkonderwijs")
    PRO_PLACEMENT = "pro_placement", _("plaatsingsstage praktijkonderwijs")
    LWT = "lwt", _("leerwerktraject")
    MBO_BPV = "mbo_bpv", _("beroepspraktijkvorming mbo")
    TEACHER_EDUCATION = "teacher_education", _("lerarenopleiding")
    COMMUNITY = "community", _("maatschappelijke stage")


# Which agreement a plan's placements need (see agreements app).
AGREEMENT_KIND = {
    PlanKind.VMBO_ORIENTATION: "vo",
    PlanKind.PRO_EXTERNAL: "vo",
    PlanKind.PRO_PLACEMENT: "vo",
    PlanKind.COMMUNITY: "vo",
    PlanKind.LWT: "lwt",
    PlanKind.MBO_BPV: "mbo",
    PlanKind.TEACHER_EDUCATION: "ho",
}


class HostKind(models.TextChoices):
    """Kinds of host a plan may forbid; the school picks which (plan.forbidden_host_kinds)."""

    FAMILY = "family", _("familie van de leerling")
    SIDE_JOB = "side_job", _("eigen bijbaan van de leerling")
    DELIVERY = "delivery", _("bezorgwerk")
    TEMP_AGENCY = "temp_agency", _("uitzendbureau")


def default_forbidden_kinds():
    return [HostKind.FAMILY.value, HostKind.SIDE_JOB.value, HostKind.DELIVERY.value]


class ScheduleType(models.TextChoices):
    BLOCK = "block", _("blokstage")
    RIBBON = "ribbon", _("lintstage")


class PlacementPlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.plans_visible(self, user)

    def editable_by(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.plans_editable(self, user)


class PlacementPlan(models.Model):
    # The five parts art. 2.35 UB WVO 2020 requires of a stageplan.
    LEGAL_PARTS = ("goal", "content", "scope", "structure", "organisation")

    department = models.ForeignKey(
        "stagebeheer.Department", on_delete=models.PROTECT, related_name="plans", verbose_name=_("afdeling")
    )
    school_year = models.CharField(
        _("schooljaar"),
        max_length=9,
        validators=[RegexValidator(r"^20[0-9]{2}-20[0-9]{2}$", _("Schrijf het schooljaar als 2026-2027."))],
    )
    kind = models.CharField(_("soort stage"), max_length=20, choices=PlanKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    year_group = models.PositiveSmallIntegerField(
        _("leerjaar"), null=True, blank=True, validators=[MaxValueValidator(8)]
    )
    # --- the five legal parts (art. 2.35 UB WVO 2020) ---
    goal = models.TextField(_("doel"), blank=True)
    content = models.TextField(_("inhoud"), blank=True)
    scope = models.TextField(_("omvang"), blank=True)
    structure = models.TextField(_("opbouw"), blank=True)
    organisation = models.TextField(_("organisatie"), blank=True)
    # --- rules the placements are checked against ---
    min_hours = models.PositiveIntegerField(_("minimaal aantal uren"), null=True, blank=True)
    max_hours = models.PositiveIntegerField(_("maximaal aantal uren"), null=True, blank=True)
    requires_sbb = models.BooleanField(_("erkend leerbedrijf (SBB) verplicht"), default=False)
    max_distance_km = models.PositiveSmallIntegerField(_("maximale reisafstand (km)"), null=True, blank=True)
    schedule_type = models.CharField(
        _("vorm"), max_length=10, choices=ScheduleType.choices, default=ScheduleType.BLOCK
    )
    in_pta = models.BooleanField(_("telt mee in het PTA"), default=False)
    forbidden_host_kinds = models.JSONField(
        _("niet toegestane stagebedrijven"), default=default_forbidden_kinds, blank=True
    )
    # Weekly schedule in the same shape as Placement.schedule; new placements start from it.
    default_schedule = models.JSONField(_("standaard weekrooster"), default=list, blank=True)
    supervisor_norm = models.PositiveSmallIntegerField(
        _("norm: stages per stagebegeleider"), null=True, blank=True
    )
    guidance_hours_per_student = models.PositiveSmallIntegerField(
        _("begeleidingsuren per leerling (norm)"), null=True, blank=True
    )
    # --- standard contract wording the agreement draws on ---
    guidance_split = models.TextField(
        _("verdeling van de begeleiding"),
        blank=True,
        help_text=_(
            "Welk deel de stagebegeleider van school en welk deel de praktijkbegeleider op zich neemt (art. 2.36 lid 3 onder c UB WVO 2020)."
        ),
    )
    host_assessment_role = models.TextField(
        _("rol van het stagebedrijf bij de beoordeling"),
        blank=True,
        help_text=_(
            "Hoe het stagebedrijf meewerkt aan de beoordeling (art. 2.36 lid 3 onder d UB WVO 2020)."
        ),
    )
    insurance_arrangement = models.TextField(
        _("verzekering"),
        blank=True,
        help_text=_(
            "Wie de leerling verzekert tegen ongevallen en aansprakelijkheid (art. 2.36 lid 4 UB WVO 2020)."
        ),
    )
    insurance_premium_payer = models.CharField(_("wie betaalt de premie"), max_length=200, blank=True)
    termination_clause = models.TextField(_("beëindiging (optioneel)"), blank=True)
    qualification_part = models.TextField(
        _("deel van de kwalificatie / keuzedelen"),
        blank=True,
        help_text=_(
            "Mbo: welk deel van de kwalificatie de bpv dekt en hoe het wordt beoordeeld (art. 7.2.8 WEB)."
        ),
    )
    assessment_criteria = models.TextField(_("beoordelingscriteria"), blank=True)
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("gekopieerd van"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlacementPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("stageplan")
        verbose_name_plural = _("stageplannen")
        ordering = ["-school_year", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=PlanKind.values), name="plan_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(schedule_type__in=ScheduleType.values), name="plan_schedule_type_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(min_hours__isnull=True)
                | models.Q(max_hours__isnull=True)
                | models.Q(min_hours__lte=models.F("max_hours")),
                name="plan_hours_range_ordered",
            ),
            models.UniqueConstraint(fields=["department", "school_year", "title"], name="plan_unique_title"),
        ]

    def __str__(self):
        return f"{self.title} ({self.school_year})"

    @property
    def agreement_kind(self) -> str:
        return AGREEMENT_KIND[self.kind]

    def missing_legal_parts(self) -> list[str]:
        """The parts of art. 2.35 UB WVO 2020 that are still empty, by label."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.LEGAL_PARTS
            if not getattr(self, name).strip()
        ]

    @property
    def is_legally_complete(self) -> bool:
        return not self.missing_legal_parts()
