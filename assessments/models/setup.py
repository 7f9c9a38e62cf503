"""How a plan assesses: its framework, its rounds, and how the final judgement
is formed. Attached to the plan from this app, so placements never knows."""

from datetime import timedelta

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from placements.models import PlacementPlan


class JudgementMethod(models.TextChoices):
    WEIGHTS = "weights", _("gewogen naar partij")
    DECISION = "decision", _("de stagebegeleider beslist met een onderbouwing")


class RoundKind(models.TextChoices):
    INTERIM = "interim", _("tussentijdse beoordeling")
    FINAL = "final", _("eindbeoordeling")


class SetupQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(plan__in=PlacementPlan.objects.visible_to(user))


class PlanAssessmentSetup(models.Model):
    plan = models.OneToOneField(
        PlacementPlan, on_delete=models.CASCADE, related_name="assessment_setup", verbose_name=_("stageplan")
    )
    framework = models.ForeignKey(
        "assessments.CompetencyFramework",
        on_delete=models.PROTECT,
        related_name="setups",
        verbose_name=_("competentielijst"),
    )
    method = models.CharField(
        _("hoe het eindoordeel tot stand komt"),
        max_length=10,
        choices=JudgementMethod.choices,
        default=JudgementMethod.WEIGHTS,
    )
    weight_workplace = models.PositiveSmallIntegerField(
        _("gewicht praktijkbegeleider (%)"), default=50, validators=[MaxValueValidator(100)]
    )
    weight_school = models.PositiveSmallIntegerField(
        _("gewicht stagebegeleider (%)"), default=50, validators=[MaxValueValidator(100)]
    )
    weight_student = models.PositiveSmallIntegerField(
        _("gewicht zelfbeoordeling (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = SetupQuerySet.as_manager()

    class Meta:
        verbose_name = _("beoordeling van een stageplan")
        verbose_name_plural = _("beoordelingen van stageplannen")
        constraints = [
            models.CheckConstraint(condition=Q(method__in=JudgementMethod.values), name="setup_method_valid"),
            models.CheckConstraint(
                condition=~Q(method="weights")
                | Q(weight_workplace=100 - models.F("weight_school") - models.F("weight_student")),
                name="setup_weights_sum_100",
            ),
        ]

    def __str__(self):
        return str(self.plan)

    def weights(self) -> dict[str, int]:
        return {
            "workplace": self.weight_workplace,
            "school": self.weight_school,
            "student": self.weight_student,
        }


class Round(models.Model):
    setup = models.ForeignKey(PlanAssessmentSetup, on_delete=models.CASCADE, related_name="rounds")
    kind = models.CharField(_("ronde"), max_length=10, choices=RoundKind.choices)
    share = models.PositiveSmallIntegerField(
        _("moment (procent van de stageperiode)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("50 is halverwege, 100 is de laatste stagedag."),
    )
    by_workplace = models.BooleanField(_("praktijkbegeleider (via link)"), default=True)
    by_student = models.BooleanField(_("zelfbeoordeling leerling (via link)"), default=True)
    by_school = models.BooleanField(_("stagebegeleider (in Stagebeheer)"), default=False)

    class Meta:
        verbose_name = _("beoordelingsronde")
        verbose_name_plural = _("beoordelingsrondes")
        ordering = ["setup", "share", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=RoundKind.values), name="round_kind_valid"),
            models.CheckConstraint(condition=Q(share__lte=100), name="round_share_at_most_100"),
            models.UniqueConstraint(fields=["setup", "kind"], name="round_kind_once_per_plan"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.share}%)"

    def parties(self) -> list[str]:
        return [
            role
            for role, on in (
                ("workplace", self.by_workplace),
                ("student", self.by_student),
                ("school", self.by_school),
            )
            if on
        ]

    def date_for(self, start, end):
        """The day this round opens for a placement running from start to end."""
        return start + timedelta(days=round((end - start).days * self.share / 100))
