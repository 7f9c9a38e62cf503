"""The stageboek: a plan's assignments, each placement's hand-ins, and the final
presentation with its grade.

A hand-in row exists from the first hand-in on; no row means "open". An
assignment shared by a duo has one hand-in for both placements: it is stored on
the placement with the lower id and names the other as ``partner``, so either
student can hand it in and either supervisor sees the same state."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from placements.models import Placement, PlacementPlan


class AssignmentKind(models.TextChoices):
    LOGBOOK = "logbook", _("logboek")
    INTERVIEW = "interview", _("interview met een collega")
    PRESENTATION = "presentation", _("presentatie over het bedrijf")
    REFLECTION = "reflection", _("reflectie: past dit werk bij mij?")
    DUO = "duo", _("duo-opdracht")
    OTHER = "other", _("andere opdracht")


class HandInState(models.TextChoices):
    HANDED_IN = "handed_in", _("ingeleverd")
    SENT_BACK = "sent_back", _("teruggestuurd")
    DONE = "done", _("afgerond")


class AssignmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(plan__in=PlacementPlan.objects.visible_to(user))


class Assignment(models.Model):
    plan = models.ForeignKey(
        PlacementPlan,
        on_delete=models.CASCADE,
        related_name="stageboek_assignments",
        verbose_name=_("stageplan"),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0, validators=[MaxValueValidator(999)])
    kind = models.CharField(
        _("soort"), max_length=20, choices=AssignmentKind.choices, default=AssignmentKind.OTHER
    )
    title = models.CharField(_("titel"), max_length=120)
    instructions = models.TextField(_("wat de leerling doet"), max_length=2000, blank=True)
    shared_by_duo = models.BooleanField(
        _("samen met de duo-partner"),
        default=False,
        help_text=_(
            "Eén inlevering voor beide leerlingen van een duo; zonder duo-partner maakt de leerling hem alleen."
        ),
    )
    required = models.BooleanField(_("verplicht voor afronden"), default=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("opdracht")
        verbose_name_plural = _("opdrachten")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=AssignmentKind.values), name="assignment_kind_valid"),
            models.UniqueConstraint(fields=["plan", "title"], name="assignment_title_once_per_plan"),
        ]

    def __str__(self):
        return self.title


class HandInQuerySet(models.QuerySet):
    def visible_to(self, user):
        visible = Placement.objects.visible_to(user)
        return self.filter(Q(placement__in=visible) | Q(partner__in=visible))

    def of_placement(self, placement_id):
        """The placement's own hand-ins and the duo hand-ins stored on its partner."""
        return self.filter(Q(placement_id=placement_id) | Q(partner_id=placement_id))


def _file_path(handin, filename):
    # Never under a public URL: files are served by a view that checks the reader.
    return f"stageboek/{handin.placement_id}/{filename}"


class HandIn(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="handins")
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="stageboek_handins")
    # The duo partner of a shared assignment's hand-in (see the module docstring).
    partner = models.ForeignKey(Placement, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    state = models.CharField(
        _("status"), max_length=10, choices=HandInState.choices, default=HandInState.HANDED_IN
    )
    text = models.TextField(_("tekst"), max_length=5000, blank=True)
    file = models.FileField(_("bestand"), upload_to=_file_path, blank=True, max_length=255)
    file_name = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    file_kind = models.CharField(max_length=10, blank=True)  # what the content is, not what the name says
    handed_in_at = models.DateTimeField(_("ingeleverd op"))
    handed_in_by_label = models.CharField(max_length=150, blank=True)
    # Raised by every hand-in and review: an action from an older page is refused.
    version = models.PositiveIntegerField(default=1)
    feedback = models.TextField(_("feedback"), max_length=2000, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = HandInQuerySet.as_manager()

    class Meta:
        verbose_name = _("inlevering")
        verbose_name_plural = _("inleveringen")
        ordering = ["assignment__order", "assignment_id"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "placement"], name="handin_once_per_placement"),
            models.CheckConstraint(condition=Q(state__in=HandInState.values), name="handin_state_valid"),
        ]
        indexes = [
            # The stageboek page of a duo partner: hand-ins stored on the other placement.
            models.Index(fields=["partner"], name="handin_partner_idx"),
        ]

    def __str__(self):
        return f"{self.assignment} — {self.get_state_display()}"


GRADE_MIN, GRADE_MAX = Decimal("1.0"), Decimal("10.0")


class FinalPresentation(models.Model):
    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="final_presentation")
    held_on = models.DateField(_("gehouden op"))
    grade = models.DecimalField(
        _("cijfer"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(GRADE_MIN), MaxValueValidator(GRADE_MAX)],
    )
    level = models.ForeignKey(
        "assessments.ScaleLevel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("niveau"),
    )
    comment = models.TextField(_("toelichting"), max_length=1000, blank=True)
    recorded_at = models.DateTimeField(auto_now=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("eindpresentatie")
        verbose_name_plural = _("eindpresentaties")
        constraints = [
            # A grade or a level, never both, never neither.
            models.CheckConstraint(
                condition=Q(grade__isnull=True, level__isnull=False)
                | Q(grade__isnull=False, level__isnull=True),
                name="presentation_grade_or_level",
            ),
            models.CheckConstraint(
                condition=Q(grade__isnull=True) | Q(grade__gte=GRADE_MIN, grade__lte=GRADE_MAX),
                name="presentation_grade_range",
            ),
        ]

    def __str__(self):
        return str(self.grade if self.grade is not None else self.level)

    @property
    def outcome(self):
        return self.grade if self.grade is not None else self.level
