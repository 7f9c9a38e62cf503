from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from stagebeheer.formlimits import LimitedModelForm, LimitsMixin
from stagebeheer.mail import queue_mail
from stagebeheer.mail_tokens import reset_placeholder
from stagebeheer.models import Department, School


class OutboxPasswordResetForm(LimitsMixin, PasswordResetForm):
    """Password reset mail goes through the outbox like every other message."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        # The stored mail holds a placeholder; the sending task puts in a fresh
        # reset token, so the outbox and the database never hold a working one.
        context = {k: v for k, v in context.items() if k not in ("token", "uid")}
        context["reset_path"] = reset_placeholder(context["user"].pk)
        queue_mail(
            to_email=to_email,
            to_name=context["user"].full_name,
            subject=subject,
            template="mail/password_reset",
            context=context,
        )


class EmailLoginForm(LimitsMixin, AuthenticationForm):
    """Log in with the e-mail address (case-insensitive; only the password is
    case-sensitive, which Django's stock message gets wrong for us)."""

    username = forms.EmailField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Dit e-mailadres en wachtwoord horen niet bij elkaar. Let op: het wachtwoord is hoofdlettergevoelig."
        ),
    }


class LimitedSetPasswordForm(LimitsMixin, SetPasswordForm):
    """The password-reset page's form, with the project's field limits."""


class ImportUploadForm(LimitsMixin, forms.Form):
    """The file of a spreadsheet import (students, hosts, staff)."""

    file = forms.FileField(label=_("Bestand (CSV of XLSX)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Het bestand is groter dan 5 MB."))
        return upload


# --- school set-up (an administrator's pages) -------------------------------


class SchoolForm(LimitedModelForm):
    """A school with its BRIN and how its staff sign in. The BRIN is stored in
    capitals, so '12ab' and '12AB' are one school."""

    class Meta:
        model = School
        fields = [
            "name",
            "brin",
            "board_name",
            "address",
            "postcode",
            "city",
            "phone",
            "email",
            "federation",
            "home_organization",
            "require_two_factor",
        ]

    def clean_brin(self):
        return self.cleaned_data["brin"].strip().upper()

    def clean_postcode(self):
        return self.cleaned_data["postcode"].replace(" ", "").upper()

    def clean(self):
        data = super().clean()
        if data.get("federation") and not data.get("home_organization"):
            self.add_error(
                "home_organization",
                _(
                    "Vul in wat de federatie over deze school meestuurt; zonder kan niemand via de federatie inloggen."
                ),
            )
        if not data.get("federation") and data.get("home_organization"):
            self.add_error("federation", _("Kies de federatie waar dit organisatie-id bij hoort."))
        self._check_home_organization_free(data)
        return data

    def _check_home_organization_free(self, data):
        # A sign-in names one school: said here in words, before the model's
        # constraint check would answer with the constraint's name.
        federation, organisation = data.get("federation"), data.get("home_organization")
        if not (federation and organisation):
            return
        taken = School.objects.filter(federation=federation, home_organization=organisation)
        if taken.exclude(pk=self.instance.pk).exists():
            self.add_error(
                "home_organization", _("Een andere school gebruikt dit organisatie-id al bij deze federatie.")
            )


def plan_kind_choices():
    # The kinds of stage belong to the placements app; read when a form is built.
    from placements.models.plan import PlanKind

    return PlanKind.choices


class DepartmentForm(LimitedModelForm):
    plan_kinds = forms.MultipleChoiceField(
        label=_("Soorten stage"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Welke stages deze afdeling organiseert. Niets aangevinkt: alle soorten."),
    )

    class Meta:
        model = Department
        fields = ["name", "location_number", "school_type", "plan_kinds", "address", "postcode", "city"]

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        self.school = school
        self.instance.school = school
        self.fields["plan_kinds"].choices = plan_kind_choices()
        self.fields["location_number"].help_text = _(
            "De twee cijfers na de BRIN (vestiging): %(brin)s01 is vestiging 01."
        ) % {"brin": school.brin}

    def clean_postcode(self):
        return self.cleaned_data["postcode"].replace(" ", "").upper()

    def clean(self):
        data = super().clean()
        # The school is not a field of the form, so the model's unique check
        # would skip this constraint; a duplicate would be an IntegrityError.
        taken = Department.objects.filter(
            school=self.school,
            location_number=data.get("location_number"),
            school_type=data.get("school_type"),
        ).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("Deze school heeft al een afdeling met dit vestigingsnummer en deze schoolsoort.")
            )
        return data
