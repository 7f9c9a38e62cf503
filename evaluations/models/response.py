"""Who is asked to evaluate a placement, and what they answered.

Anonymity: an answer is personal data about the respondent and often about
the school supervisor or the host. Individual responses are read only by the
department's coordinators (who act on them) and by the staff member who gave
them; the placement page shows who answered, never what. Leaders and the host
page get aggregates only, and a mean over fewer than ``MIN_GROUP`` answers is
not shown, so no single student's score can be read off a figure. Open answers
never leave the coordinator's view.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from evaluations.models.questionnaire import Audience, EvaluationForm, EvaluationQuestion
from stagebeheer.scoping import department_ids

MIN_GROUP = 3


class EvaluationInvitationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Whoever may read the placement may see that an evaluation was asked and answered."""
        from placements.models import Placement

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(placement__in=Placement.objects.visible_to(user))

    def answerable_by(self, user):
        """Staff invitations this user may answer: their own as school supervisor,
        the coordinator's one for a coordinator of the department."""
        if not user.is_authenticated:
            return self.none()
        scope = Q(audience=Audience.SCHOOL_SUPERVISOR, user=user)
        scope |= Q(
            audience=Audience.COORDINATOR,
            placement__plan__department_id__in=department_ids(user, ["coordinator"]),
        )
        if user.is_superuser:
            scope |= Q(audience__in=[Audience.SCHOOL_SUPERVISOR, Audience.COORDINATOR])
        return self.filter(scope)

    def open(self):
        return self.filter(completed_at__isnull=True)


class EvaluationInvitation(models.Model):
    """One party asked to evaluate one placement; at most one per party."""

    placement = models.ForeignKey(
        "placements.Placement", on_delete=models.CASCADE, related_name="evaluation_invitations"
    )
    audience = models.CharField(_("voor"), max_length=24, choices=Audience.choices)
    # The version current when the evaluation went out; the answer keeps it.
    form = models.ForeignKey(EvaluationForm, on_delete=models.PROTECT, related_name="invitations")
    # The staff member asked (school supervisor); empty for link holders and coordinators.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recipient_name = models.CharField(max_length=150, blank=True)
    recipient_email = models.EmailField(blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = EvaluationInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluatieverzoek")
        verbose_name_plural = _("evaluatieverzoeken")
        constraints = [
            models.UniqueConstraint(fields=["placement", "audience"], name="evalinvitation_one_per_party"),
            models.CheckConstraint(
                condition=models.Q(audience__in=Audience.values), name="evalinvitation_audience_valid"
            ),
        ]
        indexes = [
            # The reminder task: open link invitations sent a week ago.
            models.Index(
                fields=["completed_at", "reminded_at", "sent_at"], name="evalinvitation_reminder_idx"
            ),
        ]

    def __str__(self):
        return f"{self.get_audience_display()} — {self.placement_id}"


class EvaluationResponseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Coordinators of the department, and the staff member who answered (see module doc)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(
            Q(placement__plan__department_id__in=department_ids(user, ["coordinator"])) | Q(respondent=user)
        )


class EvaluationResponse(models.Model):
    placement = models.ForeignKey(
        "placements.Placement", on_delete=models.CASCADE, related_name="evaluation_responses"
    )
    audience = models.CharField(_("voor"), max_length=24, choices=Audience.choices)
    form = models.ForeignKey(EvaluationForm, on_delete=models.PROTECT, related_name="responses")
    invitation = models.OneToOneField(
        EvaluationInvitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="response"
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    objects = EvaluationResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        constraints = [
            # One answer per party per placement, whatever the race.
            models.UniqueConstraint(fields=["placement", "audience"], name="evalresponse_one_per_party"),
            models.CheckConstraint(
                condition=models.Q(audience__in=Audience.values), name="evalresponse_audience_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_audience_display()} — {self.placement_id}"


class EvaluationAnswer(models.Model):
    response = models.ForeignKey(EvaluationResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(EvaluationQuestion, on_delete=models.PROTECT, related_name="answers")
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    text = models.TextField(max_length=2000, blank=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="evalanswer_score_range",
            ),
            models.UniqueConstraint(fields=["response", "question"], name="evalanswer_once"),
        ]

    def __str__(self):
        return f"{self.question_id}: {self.score or self.text[:40]}"
