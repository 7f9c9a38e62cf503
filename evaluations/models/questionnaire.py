"""Evaluation forms per plan and audience, versioned.

A form version never changes once made: editing a plan's form stores a new
version, so every response keeps the questions it was given on.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stagebeheer.scoping import department_ids


class Audience(models.TextChoices):
    STUDENT = "student", _("leerling")
    WORKPLACE_SUPERVISOR = "workplace_supervisor", _("praktijkbegeleider")
    SCHOOL_SUPERVISOR = "school_supervisor", _("stagebegeleider van school")
    COORDINATOR = "coordinator", _("stagecoördinator")


# Audiences reached by an emailed link (no account); the others answer in the app.
LINK_AUDIENCES = (Audience.STUDENT, Audience.WORKPLACE_SUPERVISOR)


class Topic(models.TextChoices):
    """What a question is about; dashboards and the host page group by it."""

    FINDING = "finding", _("een plek vinden")
    PREPARATION = "preparation", _("voorbereiding")
    WORK = "work", _("het werk zelf")
    HOST_GUIDANCE = "host_guidance", _("begeleiding door het bedrijf")
    SCHOOL_GUIDANCE = "school_guidance", _("begeleiding door school")
    ASSIGNMENTS = "assignments", _("opdrachten")
    ASSESSMENT = "assessment", _("beoordeling")
    SAFETY = "safety", _("veiligheid")
    HOST = "host", _("het stagebedrijf")
    GENERAL = "general", _("algemeen")


# Topics whose answers are about the host and roll up on the host's page.
HOST_TOPICS = (Topic.WORK, Topic.HOST_GUIDANCE, Topic.SAFETY, Topic.HOST)


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("schaal 1–5")
    OPEN = "open", _("open vraag")


class EvaluationFormQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(plan__department_id__in=department_ids(user))


class EvaluationForm(models.Model):
    plan = models.ForeignKey(
        "placements.PlacementPlan",
        on_delete=models.CASCADE,
        related_name="evaluation_forms",
        verbose_name=_("stageplan"),
    )
    audience = models.CharField(_("voor"), max_length=24, choices=Audience.choices)
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = EvaluationFormQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluatieformulier")
        verbose_name_plural = _("evaluatieformulieren")
        ordering = ["plan", "audience", "-version"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(audience__in=Audience.values), name="evalform_audience_valid"
            ),
            models.UniqueConstraint(fields=["plan", "audience", "version"], name="evalform_version_unique"),
        ]

    def __str__(self):
        return f"{self.plan} — {self.get_audience_display()} v{self.version}"


class EvaluationQuestion(models.Model):
    form = models.ForeignKey(EvaluationForm, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    topic = models.CharField(_("onderwerp"), max_length=20, choices=Topic.choices)
    kind = models.CharField(
        _("soort"), max_length=8, choices=QuestionKind.choices, default=QuestionKind.SCALE
    )
    text = models.CharField(_("vraag"), max_length=300)

    class Meta:
        verbose_name = _("evaluatievraag")
        verbose_name_plural = _("evaluatievragen")
        ordering = ["form", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(topic__in=Topic.values), name="evalquestion_topic_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=QuestionKind.values), name="evalquestion_kind_valid"
            ),
        ]

    def __str__(self):
        return self.text
