"""Users, schools, departments and the roles that tie them together."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stagebeheer import permissions


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("stagecoördinator")
    SUPERVISOR = "supervisor", _("stagebegeleider")
    LEADER = "leader", _("schoolleider")
    MENTOR = "mentor", _("mentor")


class SchoolType(models.TextChoices):
    PRO = "pro", _("praktijkonderwijs")
    VMBO_BK = "vmbo_bk", _("vmbo basis/kader")
    VMBO_GT = "vmbo_gt", _("vmbo gemengd/theoretisch")
    MBO = "mbo", _("mbo")
    TEACHER_EDUCATION = "teacher_education", _("lerarenopleiding")


class Federation(models.TextChoices):
    NONE = "", _("geen (alleen wachtwoord)")
    ENTREE = "entree", _("Entree Federatie (Kennisnet)")
    SURFCONEXT = "surfconext", _("SURFconext")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("A user needs an e-mail address")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)

    def get_by_natural_key(self, email):
        # Log-in is case-insensitive on the address.
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A staff member who logs in. Students, guardians and workplace
    supervisors have no account; they reach the app through AccessLinks."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    full_name = models.CharField(_("naam"), max_length=150)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("beheerder"), default=False)
    date_joined = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class SchoolQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.schools_visible(self, user)

    def editable_by(self, user):
        return permissions.schools_editable(self, user)


class School(models.Model):
    """The institution (bevoegd gezag) that owns departments."""

    name = models.CharField(_("naam"), max_length=200)
    brin = models.CharField(
        _("BRIN"),
        max_length=4,
        unique=True,
        # DUO's BRIN: two digits, then two letters or digits (12AB, 30RD, 00A1).
        validators=[
            RegexValidator(
                r"^[0-9]{2}[0-9A-Z]{2}$",
                _("Een BRIN is twee cijfers gevolgd door twee letters of cijfers, zoals 12AB."),
            )
        ],
        error_messages={"unique": _("Er is al een school met deze BRIN.")},
    )
    board_name = models.CharField(_("bestuur"), max_length=200, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    federation = models.CharField(
        _("federatie"), max_length=20, choices=Federation.choices, blank=True, default=Federation.NONE
    )
    # The value the federation sends to say a person belongs to this school:
    # nlEduPersonHomeOrganizationId (the BRIN) for Entree, schacHomeOrganization
    # (a domain such as rocrijnstad.nl) for SURFconext.
    home_organization = models.CharField(
        _("organisatie-id bij de federatie"),
        max_length=100,
        blank=True,
        help_text=_(
            "Entree: de BRIN (nlEduPersonHomeOrganizationId). SURFconext: het schacHomeOrganization-domein."
        ),
    )
    require_two_factor = models.BooleanField(
        _("tweestapsverificatie verplicht"),
        default=False,
        help_text=_("Alle medewerkers van deze school moeten inloggen met een code uit een app."),
    )

    objects = SchoolQuerySet.as_manager()

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("scholen")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(federation__in=Federation.values), name="school_federation_valid"
            ),
            # A federated sign-in names one school, never two.
            models.UniqueConstraint(
                fields=["federation", "home_organization"],
                condition=~models.Q(home_organization=""),
                name="school_unique_home_organization",
            ),
        ]

    def __str__(self):
        return self.name


class DepartmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The rule lives in stagebeheer.permissions."""
        return permissions.departments_visible(self, user)

    def editable_by(self, user):
        return permissions.departments_editable(self, user)


class Department(models.Model):
    """An afdeling: BRIN plus location number and school type."""

    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="departments", verbose_name=_("school")
    )
    name = models.CharField(_("naam"), max_length=200)
    location_number = models.CharField(
        _("vestigingsnummer"),
        max_length=2,
        validators=[RegexValidator(r"^[0-9]{2}$", _("Twee cijfers, zoals 01."))],
    )
    school_type = models.CharField(_("schoolsoort"), max_length=20, choices=SchoolType.choices)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    # The kinds of stage (placements.PlanKind values) the department offers; a
    # new plan is offered these. Empty: every kind. A list of codes, not a
    # relation, because the kinds belong to the placements app.
    plan_kinds = models.JSONField(_("soorten stage"), default=list, blank=True)

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelingen")
        ordering = ["school__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "location_number", "school_type"], name="department_unique_location_type"
            ),
            models.CheckConstraint(
                condition=models.Q(school_type__in=SchoolType.values), name="department_school_type_valid"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def brin_location(self):
        return f"{self.school.brin}{self.location_number}"


class MembershipQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The team pages: memberships of the departments the user coordinates."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(department_id__in=permissions.department_ids(user, [Role.COORDINATOR]))


class Membership(models.Model):
    """A user's role in one department. Staff see only their departments."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("gebruiker")
    )
    department = models.ForeignKey(
        Department, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("afdeling")
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "department", "role"], name="membership_unique"),
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="membership_role_valid"),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.department}"
