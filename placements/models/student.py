"""Students and their guardians. Neither has an account."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from placements.search import search_key
from stagebeheer import permissions


class Outflow(models.TextChoices):
    """Uitstroomperspectief in praktijkonderwijs."""

    FURTHER_LEARNING = "further_learning", _("verder leren")
    WORK = "work", _("arbeid")
    SHELTERED = "sheltered", _("beschut werk / dagbesteding")


def full_name(first_name, last_name_prefix, last_name) -> str:
    """The name as shown everywhere; also for rows read with ``values_list``."""
    return " ".join(p for p in (first_name, last_name_prefix, last_name) if p)


class StudentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.students_visible(self, user)

    def editable_by(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.students_editable(self, user)


class Student(models.Model):
    department = models.ForeignKey(
        "stagebeheer.Department",
        on_delete=models.PROTECT,
        related_name="students",
        verbose_name=_("afdeling"),
    )
    number = models.CharField(_("leerlingnummer"), max_length=20)
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name_prefix = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    last_name = models.CharField(_("achternaam"), max_length=100)
    date_of_birth = models.DateField(_("geboortedatum"))
    year_group = models.PositiveSmallIntegerField(_("leerjaar"), null=True, blank=True)
    class_name = models.CharField(_("klas"), max_length=20, blank=True)
    programme = models.CharField(_("profiel of opleiding"), max_length=120, blank=True)
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentees",
        verbose_name=_("mentor"),
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    outflow = models.CharField(_("uitstroomperspectief"), max_length=20, choices=Outflow.choices, blank=True)
    learning_goals = models.TextField(_("persoonlijke leerdoelen"), blank=True)
    # Visible only to the coordinator and the student's own school supervisor.
    support_needs = models.TextField(_("ondersteuningsbehoefte"), blank=True)
    # The full name with tussenvoegsel, without accents or case (placements.search),
    # kept on save so a search is one LIKE on one column in every database.
    search_name = models.CharField(max_length=250, blank=True, editable=False)
    # Retention (AVG art. 5(1)(e)): pupil data is anonymised a configured number
    # of years after the student left (audit.retention); the marker says it was done.
    left_on = models.DateField(
        _("uitgeschreven op"),
        null=True,
        blank=True,
        help_text=_("Vanaf deze datum loopt de bewaartermijn; daarna worden de gegevens geanonimiseerd."),
    )
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = StudentQuerySet.as_manager()

    class Meta:
        verbose_name = _("leerling")
        verbose_name_plural = _("leerlingen")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(fields=["department", "number"], name="student_unique_number"),
            models.CheckConstraint(
                condition=models.Q(outflow__in=[*Outflow.values, ""]), name="student_outflow_valid"
            ),
        ]
        indexes = [models.Index(fields=["department", "class_name"], name="student_dept_class_idx")]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_name = search_key(self.full_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"first_name", "last_name_prefix", "last_name"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.last_name_prefix, self.last_name)

    def age_on(self, day: date) -> int:
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def is_minor_on(self, day: date) -> bool:
        return self.age_on(day) < 18


class Guardian(models.Model):
    student = models.ForeignKey(Student, on_delete=models.CASCADE, related_name="guardians")
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    # The guardian who signs for a minor; the first one by default.
    signs_agreements = models.BooleanField(_("tekent de stageovereenkomst"), default=True)

    class Meta:
        verbose_name = _("ouder/verzorger")
        verbose_name_plural = _("ouders/verzorgers")
        ordering = ["pk"]

    def __str__(self):
        return self.name
