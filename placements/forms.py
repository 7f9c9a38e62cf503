"""Forms of the coordinator's pages. Checks that need the database live in
placements.checks; these forms only turn input into clean values."""

import uuid
from datetime import time

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _l

from placements.checks import WEEKDAYS
from placements.models import (
    Guardian,
    Host,
    HostKind,
    HostStatus,
    PlacementPlan,
    PlanKind,
    Student,
    WorkplaceSupervisor,
)
from placements.models.plan import default_forbidden_kinds
from placements.navigation import current_school_year
from stagebeheer.formlimits import LimitedModelForm, LimitsMixin
from stagebeheer.forms import ImportUploadForm  # noqa: F401 - shared with the staff import


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


# Default hours per kind of stage (LAW.md); the school can change them on the plan.
HOURS_PRESETS = {
    "lwt": (640, 1280, _l("leerwerktraject: 640 tot 1280 uur")),
    "mbo_bol1": (250, None, _l("mbo bol, eenjarige opleiding: minstens 250 uur")),
    "mbo_bol2": (450, None, _l("mbo bol, tweejarige opleiding: minstens 450 uur")),
    "mbo_bol3": (900, None, _l("mbo bol, drie- of vierjarig: minstens 900 uur")),
    "mbo_bbl": (610, None, _l("mbo bbl: minstens 610 uur per jaar")),
}


def plan_initial(kind: str, preset: str = "") -> dict:
    # A new plan is nearly always for this school year, forbidding the kinds of
    # host the seeded plans forbid (family, own side job, delivery work).
    initial = {
        "kind": kind,
        "school_year": current_school_year(),
        "forbidden_host_kinds": default_forbidden_kinds(),
    }
    if kind == PlanKind.LWT:
        preset = "lwt"
    if kind == PlanKind.MBO_BPV and preset not in HOURS_PRESETS:
        preset = "mbo_bol3"
    if preset in HOURS_PRESETS:
        initial["min_hours"], initial["max_hours"], _label = HOURS_PRESETS[preset]
    # Leerwerktraject (UB WVO art. 2.64) and mbo (WEB 7.2.8): an SBB-recognised host.
    initial["requires_sbb"] = kind in (PlanKind.LWT, PlanKind.MBO_BPV)
    initial["schedule_type"] = "ribbon" if kind in (PlanKind.LWT, PlanKind.MBO_BPV) else "block"
    return initial


def check_school_year(value: str) -> str:
    """'2027-2028': two years in a row; '2028-2027' or '2027-2029' is a typing error."""
    value = (value or "").strip()
    first, _sep, second = value.partition("-")
    if not (first.isascii() and second.isascii() and first.isdigit() and second.isdigit()):
        raise forms.ValidationError(_("Schrijf het schooljaar als 2027-2028."))
    if int(second) != int(first) + 1:
        raise forms.ValidationError(
            _("Een schooljaar loopt van het ene jaar naar het volgende, zoals 2027-2028.")
        )
    return value


# A monthly allowance above this asks for a second look (a typing error such as
# 15050 for 150,50); the coordinator confirms with the "place anyway" box.
ALLOWANCE_SECOND_LOOK = 1000


class ScheduleMixin:
    """Seven rows of start, end and break; an empty row is a day off."""

    schedule_field_prefix = "day"

    def add_schedule_fields(self, schedule):
        by_day = {int(e["weekday"]): e for e in schedule or []}
        for weekday, name in enumerate(WEEKDAYS):
            entry = by_day.get(weekday, {})
            self.fields[f"day{weekday}_start"] = forms.TimeField(
                label=str(name).capitalize(),
                required=False,
                widget=TimeInput(),
                initial=entry.get("start"),
            )
            self.fields[f"day{weekday}_end"] = forms.TimeField(
                label=_("tot"), required=False, widget=TimeInput(), initial=entry.get("end")
            )
            self.fields[f"day{weekday}_break"] = forms.IntegerField(
                label=_("pauze (min)"),
                required=False,
                min_value=0,
                max_value=240,
                initial=entry.get("break_minutes", 30 if entry else None),
            )

    def schedule_rows(self):
        return [
            (self[f"day{d}_start"], self[f"day{d}_end"], self[f"day{d}_break"]) for d in range(len(WEEKDAYS))
        ]

    def clean_schedule(self):
        schedule = []
        for weekday, name in enumerate(WEEKDAYS):
            start: time | None = self.cleaned_data.get(f"day{weekday}_start")
            end: time | None = self.cleaned_data.get(f"day{weekday}_end")
            brk = self.cleaned_data.get(f"day{weekday}_break") or 0
            if start is None and end is None:
                continue
            if start is None or end is None:
                self.add_error(
                    f"day{weekday}_end", _("Vul voor %(day)s begin- én eindtijd in.") % {"day": name}
                )
                continue
            if end <= start:
                self.add_error(
                    f"day{weekday}_end", _("Op %(day)s ligt de eindtijd vóór de begintijd.") % {"day": name}
                )
                continue
            minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
            if brk >= minutes:
                self.add_error(f"day{weekday}_break", _("De pauze is langer dan de werkdag."))
                continue
            schedule.append(
                {
                    "weekday": weekday,
                    "start": start.strftime("%H:%M"),
                    "end": end.strftime("%H:%M"),
                    "break_minutes": brk,
                }
            )
        return schedule


class PlanForm(LimitsMixin, ScheduleMixin, forms.ModelForm):
    forbidden_host_kinds = forms.MultipleChoiceField(
        label=_l("Niet toegestane stagebedrijven"),
        choices=HostKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = PlacementPlan
        fields = [
            "title",
            "school_year",
            "kind",
            "year_group",
            "goal",
            "content",
            "scope",
            "structure",
            "organisation",
            "min_hours",
            "max_hours",
            "requires_sbb",
            "forbidden_host_kinds",
            "max_distance_km",
            "schedule_type",
            "in_pta",
            "supervisor_norm",
            "guidance_hours_per_student",
            "guidance_split",
            "host_assessment_role",
            "insurance_arrangement",
            "insurance_premium_payer",
            "termination_clause",
            "qualification_part",
            "assessment_criteria",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 3})
            for f in (
                "goal",
                "content",
                "scope",
                "structure",
                "organisation",
                "guidance_split",
                "host_assessment_role",
                "insurance_arrangement",
                "termination_clause",
                "qualification_part",
                "assessment_criteria",
            )
        }
        help_texts = {
            "goal": _l(
                "Art. 2.35 UB WVO 2020: het stageplan beschrijft doel, inhoud, omvang, opbouw en organisatie."
            ),
        }

    # lwt asks at most 1280 hours, a bbl year about 1600; a day's reach by public transport.
    limits = {
        "min_hours": (0, 2000),
        "max_hours": (0, 2000),
        "max_distance_km": (1, 300),
        "year_group": (1, 8),
        "supervisor_norm": (1, 200),
        "guidance_hours_per_student": (0, 100),
    }

    def __init__(self, *args, department=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.department = department or getattr(self.instance, "department", None)
        self.add_schedule_fields(self.instance.default_schedule if self.instance.pk else [])

    def clean_school_year(self):
        return check_school_year(self.cleaned_data["school_year"])

    def clean(self):
        data = super().clean()
        low, high = data.get("min_hours"), data.get("max_hours")
        if low is not None and high is not None and low > high:
            self.add_error("max_hours", _("Het maximum ligt onder het minimum."))
        data["default_schedule"] = self.clean_schedule()
        self._check_kind_offered(data.get("kind"))
        year, title = data.get("school_year"), data.get("title")
        if self.department and year and title:
            clash = PlacementPlan.objects.filter(department=self.department, school_year=year, title=title)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "title", _("Deze afdeling heeft in dat schooljaar al een stageplan met deze titel.")
                )
        return data

    def _check_kind_offered(self, kind):
        """A department set up with its kinds of stage (school set-up page) gets
        plans of those kinds only; an existing plan keeps its kind."""
        offered = getattr(self.department, "plan_kinds", None) or []
        if kind and offered and kind not in offered and kind != self.instance.kind:
            self.add_error(
                "kind", _("Deze afdeling biedt deze soort stage niet aan (zie Scholen en afdelingen).")
            )

    def save(self, commit=True):
        self.instance.default_schedule = self.cleaned_data["default_schedule"]
        if self.department is not None:
            self.instance.department = self.department
        return super().save(commit)


class CopyPlanForm(LimitsMixin, forms.Form):
    school_year = forms.RegexField(
        label=_l("Nieuw schooljaar"),
        regex=r"^20[0-9]{2}-20[0-9]{2}$",
        error_messages={"invalid": _l("Schrijf het schooljaar als 2027-2028.")},
    )

    def clean_school_year(self):
        return check_school_year(self.cleaned_data["school_year"])


class HostForm(LimitsMixin, forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_l("Soort bedrijf"),
        choices=[
            (HostKind.DELIVERY, HostKind.DELIVERY.label),
            (HostKind.TEMP_AGENCY, HostKind.TEMP_AGENCY.label),
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Host
        fields = [
            "name",
            "kvk_number",
            "address",
            "postcode",
            "city",
            "sector",
            "email",
            "phone",
            "sbb_number",
            "sbb_valid_until",
            "capacity",
            "kinds",
            "hazardous_for_minors",
            "status",
            "status_reason",
            "notes",
        ]
        widgets = {
            "sbb_valid_until": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "status_reason": forms.Textarea(attrs={"rows": 2}),
        }

    # Places per period: even a hospital's ward takes a few dozen, not thousands.
    limits = {"capacity": (0, 200), "notes": 5000, "status_reason": 2000}

    def __init__(self, *args, may_set_status=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_set_status:
            # The status holds for the whole school: only a coordinator of a
            # department that places students here decides it (issue 9.7).
            for name in ("status", "status_reason"):
                self.fields[name].disabled = True
            self.fields["status"].help_text = _(
                "Alleen de stagecoördinator van een afdeling die hier stagiairs heeft, wijzigt de status."
            )

    def clean_kvk_number(self):
        value = self.cleaned_data["kvk_number"].strip()
        if value and (not value.isdigit() or len(value) != 8):
            raise forms.ValidationError(_("Een KvK-nummer heeft 8 cijfers."))
        return value

    def clean_postcode(self):
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean(self):
        data = super().clean()
        if data.get("status") == HostStatus.UNSUITABLE and not (data.get("status_reason") or "").strip():
            self.add_error("status_reason", _("Geef aan waarom dit bedrijf ongeschikt is."))
        if bool(data.get("sbb_number")) != bool(data.get("sbb_valid_until")):
            self.add_error(
                "sbb_valid_until", _("Vul bij een SBB-erkenning zowel het nummer als de geldigheid in.")
            )
        return data


def normalise_postcode(value: str) -> str:
    value = (value or "").replace(" ", "").upper()
    if not value:
        return ""
    if len(value) != 6 or not value[:4].isdigit() or not value[4:].isalpha() or value[0] == "0":
        raise forms.ValidationError(_("Een postcode is vier cijfers en twee letters, zoals 3511 AB."))
    return f"{value[:4]} {value[4:]}"


class WorkplaceSupervisorForm(LimitsMixin, forms.ModelForm):
    class Meta:
        model = WorkplaceSupervisor
        fields = ["name", "email", "phone", "position", "is_active"]


class StudentForm(LimitsMixin, forms.ModelForm):
    class Meta:
        model = Student
        fields = [
            "number",
            "first_name",
            "last_name_prefix",
            "last_name",
            "date_of_birth",
            "year_group",
            "class_name",
            "programme",
            "mentor",
            "email",
            "phone",
            "postcode",
            "outflow",
            "learning_goals",
            "support_needs",
            "left_on",
        ]
        widgets = {
            "date_of_birth": DateInput(),
            "left_on": DateInput(),
            "learning_goals": forms.Textarea(attrs={"rows": 3}),
            "support_needs": forms.Textarea(attrs={"rows": 3}),
        }

    limits = {"year_group": (1, 8)}

    def __init__(self, *args, department, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.department = department
        self.fields["mentor"].queryset = mentors
        self.fields["mentor"].required = False

    def clean_postcode(self):
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        clash = Student.objects.filter(department=self.department, number=number)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Er is al een leerling met dit leerlingnummer."))
        return number

    def save(self, commit=True):
        self.instance.department = self.department
        return super().save(commit)


GuardianFormSet = forms.inlineformset_factory(
    Student,
    Guardian,
    form=LimitedModelForm,
    fields=["name", "email", "phone", "signs_agreements"],
    extra=1,
    max_num=3,
    can_delete=True,
)


class LearningGoalForm(LimitsMixin, forms.Form):
    period = forms.CharField(label=_l("Periode"), max_length=60)
    goal = forms.CharField(label=_l("Leerdoel"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class TerminateForm(LimitsMixin, forms.Form):
    terminated_on = forms.DateField(label=_l("Beëindigd op"), widget=DateInput())
    reason = forms.CharField(label=_l("Reden"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class HoursForm(LimitsMixin, forms.Form):
    date = forms.DateField(label=_l("Datum"), widget=DateInput())
    start_time = forms.TimeField(label=_l("Van"), required=False, widget=TimeInput())
    end_time = forms.TimeField(label=_l("Tot"), required=False, widget=TimeInput())
    hours = forms.DecimalField(
        label=_l("Uren"),
        required=False,
        min_value=0.25,
        max_value=24,
        decimal_places=2,
        # Django's own messages would print the limits as 0.25 in Dutch text.
        error_messages={
            "min_value": _l("Vul minstens 0,25 uur (een kwartier) in."),
            "max_value": _l("Een dag heeft hoogstens 24 uur."),
        },
    )
    description = forms.CharField(label=_l("Wat heb je gedaan?"), required=False, max_length=500)
    # A new key per page view; the same key posted twice stores one row.
    submission = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, placement=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.placement = placement
        if not self.is_bound:
            self.initial.setdefault("submission", uuid.uuid4())

    def clean(self):
        data = super().clean()
        start, end, hours = data.get("start_time"), data.get("end_time"), data.get("hours")
        if start and end:
            if end <= start:
                raise forms.ValidationError(_("De eindtijd ligt vóór de begintijd."))
            if hours is None:
                from decimal import Decimal

                minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
                data["hours"] = (Decimal(minutes) / 60).quantize(Decimal("0.01"))
        elif hours is None:
            raise forms.ValidationError(_("Vul begin- en eindtijd of het aantal uren in."))
        day = data.get("date")
        if day and self.placement is not None:
            # Only within the placement's period; a terminated one ends on its termination date.
            last = self.placement.terminated_on or self.placement.end_date
            if not (self.placement.start_date <= day <= min(last, self.placement.end_date)):
                self.add_error("date", _("Deze datum valt buiten de stage."))
        return data


class PlacementForm(LimitsMixin, ScheduleMixin, forms.Form):
    student = forms.ModelChoiceField(label=_l("Leerling"), queryset=Student.objects.none())
    host = forms.ModelChoiceField(label=_l("Stagebedrijf"), queryset=Host.objects.none())
    workplace_supervisors = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Praktijkbegeleider(s)"),
        queryset=WorkplaceSupervisor.objects.none(),
        required=False,
        help_text=_l("Begeleiding door een team: kies er meer; het eerste aanspreekpunt kiest u hieronder."),
    )
    primary_supervisor = forms.ModelChoiceField(
        label=_l("Eerste aanspreekpunt"), queryset=WorkplaceSupervisor.objects.none(), required=False
    )
    school_supervisor = forms.ModelChoiceField(
        label=_l("Stagebegeleider van school"), queryset=None, required=False
    )
    # Teacher education only (placements.wording.has_school_trainer); other kinds drop the field.
    school_trainer = forms.ModelChoiceField(
        label=_l("Schoolopleider"),
        queryset=WorkplaceSupervisor.objects.none(),
        required=False,
        # gettext_lazy by its own name: makemessages does not know the _l alias.
        help_text=gettext_lazy(
            "Van de opleidingsschool: coördineert de werkplekbegeleiders daar. Voeg nieuwe mensen toe bij het bedrijf."
        ),
    )
    start_date = forms.DateField(label=_l("Begindatum"), widget=DateInput())
    end_date = forms.DateField(label=_l("Einddatum"), widget=DateInput())
    host_kinds = forms.MultipleChoiceField(
        label=_l("Relatie met het stagebedrijf"),
        choices=[(HostKind.FAMILY, HostKind.FAMILY.label), (HostKind.SIDE_JOB, HostKind.SIDE_JOB.label)],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    activities = forms.CharField(
        label=_l("Leeractiviteiten"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )
    work_location = forms.CharField(label=_l("Werkplek(ken)"), required=False, max_length=300)
    allowance_per_month = forms.DecimalField(
        label=_l("Stagevergoeding per maand (€)"), required=False, min_value=0, max_digits=8, decimal_places=2
    )
    travel_allowance = forms.DecimalField(
        label=_l("Reiskostenvergoeding per maand (€)"),
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
    )
    carried_over_hours = forms.DecimalField(
        label=_l("Overgenomen uren"), required=False, min_value=0, max_digits=7, decimal_places=2
    )
    notes = forms.CharField(
        label=_l("Notities"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000
    )
    accept_warnings = forms.BooleanField(
        label=_l("Ik heb de waarschuwingen gelezen en plaats toch"), required=False
    )

    limits = {
        "allowance_per_month": (0, 5_000),
        "travel_allowance": (0, 2_000),
        "carried_over_hours": (0, 2_000),
    }

    CONTRACT_VALUE_FIELDS = (
        "student",
        "host",
        "school_supervisor",
        "school_trainer",
        "start_date",
        "end_date",
        "host_kinds",
        "activities",
        "work_location",
        "allowance_per_month",
        "travel_allowance",
        "notes",
        "carried_over_hours",
    )

    def __init__(
        self,
        *args,
        students,
        hosts,
        supervisors,
        school_supervisors,
        schedule,
        editing=False,
        plan_kind=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        # Set by clean() when a value asks for the coordinator's second look.
        self.needs_confirmation = False
        self.fields["student"].queryset = students
        self.fields["host"].queryset = hosts
        self.fields["workplace_supervisors"].queryset = supervisors
        self.fields["primary_supervisor"].queryset = supervisors
        self.fields["school_supervisor"].queryset = school_supervisors
        self.fields["workplace_supervisors"].label_from_instance = lambda s: f"{s.name} ({s.host.name})"
        self.fields["primary_supervisor"].label_from_instance = lambda s: f"{s.name} ({s.host.name})"
        self._name_roles(plan_kind, supervisors)
        if editing:
            # Changing the student makes it another placement; terminate and start anew instead.
            self.fields["student"].disabled = True
        self.add_schedule_fields(schedule)

    def _name_roles(self, plan_kind, supervisors):
        """Labels in the words of this kind of stage; the schoolopleider only in teacher education."""
        from placements.wording import has_school_trainer, role_word

        fields = self.fields
        fields["student"].label = role_word(plan_kind, "student").capitalize()
        fields["host"].label = role_word(plan_kind, "host").capitalize()
        if plan_kind == "teacher_education":
            fields["school_supervisor"].label = role_word(plan_kind, "school_supervisor").capitalize()
            fields["workplace_supervisors"].label = _("Werkplekbegeleider(s)")
        if has_school_trainer(plan_kind):
            fields["school_trainer"].queryset = supervisors
            fields["school_trainer"].label_from_instance = lambda s: f"{s.name} ({s.host.name})"
        else:
            del fields["school_trainer"]

    def clean(self):
        data = super().clean()
        from placements.rules import period_problem

        period = period_problem(data.get("start_date"), data.get("end_date"))
        if period:
            self.add_error("end_date", period)
        data["schedule"] = self.clean_schedule()
        if not data["schedule"] and not self.errors:
            raise forms.ValidationError(
                _("Vul het weekrooster in: op welke dagen en tijden werkt de leerling?")
            )
        host = data.get("host")
        chosen = list(data.get("workplace_supervisors") or [])
        primary = data.get("primary_supervisor")
        if host is not None:
            strangers = [s for s in chosen if s.host_id != host.pk]
            if strangers or (primary and primary.host_id != host.pk):
                self.add_error(
                    "workplace_supervisors", _("Kies praktijkbegeleiders van het gekozen stagebedrijf.")
                )
        trainer = data.get("school_trainer")
        if host is not None and trainer is not None and trainer.host_id != host.pk:
            self.add_error("school_trainer", _("Kies een schoolopleider van de gekozen opleidingsschool."))
        if primary and primary not in chosen:
            chosen.insert(0, primary)
        data["workplace_supervisors"] = chosen
        if data.get("carried_over_hours") is None:
            data["carried_over_hours"] = 0
        allowance = data.get("allowance_per_month")
        if allowance is not None and allowance > ALLOWANCE_SECOND_LOOK and not data.get("accept_warnings"):
            self.needs_confirmation = True
            self.add_error(
                "allowance_per_month",
                _(
                    "Een stagevergoeding van € %(amount)s per maand is ongewoon hoog. Klopt het bedrag? "
                    "Vink dan hieronder aan dat u toch plaatst."
                )
                % {"amount": formats.number_format(allowance, 2)},
            )
        return data

    def values(self):
        data = self.cleaned_data
        values = {f: data[f] for f in self.CONTRACT_VALUE_FIELDS if f in data}
        values["schedule"] = data["schedule"]
        for name in ("activities", "work_location", "notes"):
            values[name] = values.get(name) or ""
        values["host_kinds"] = list(values.get("host_kinds") or [])
        return values


class DuoForm(LimitsMixin, forms.Form):
    partner = forms.ModelChoiceField(label=_l("Duo-partner"), queryset=None)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = candidates
        self.fields["partner"].label_from_instance = lambda p: f"{p.student} ({p.start_date:%d-%m-%Y})"


# --- own finds in a wish round (placements.own_finds) ---


def _plain_line(value: str) -> str:
    """One line of text as typed: control characters (a pasted tab, an escape) and
    markup brackets are refused; a name or an address never needs them."""
    value = (value or "").strip()
    if any(ord(c) < 32 or ord(c) == 127 or c in "<>" for c in value):
        raise forms.ValidationError(_("Gebruik alleen gewone tekens, zonder tabs, regeleinden of < >."))
    return value


class OwnFindForm(LimitsMixin, forms.Form):
    """A place the student found: a host from the directory or a new one, the
    contact person and the dates (within the round's period)."""

    host = forms.ModelChoiceField(
        label=_l("Stagebedrijf uit de lijst"),
        queryset=Host.objects.none(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    name = forms.CharField(label=_l("Naam van het bedrijf"), max_length=200, required=False)
    address = forms.CharField(label=_l("Adres"), max_length=200, required=False)
    postcode = forms.CharField(label=_l("Postcode"), max_length=7, required=False)
    city = forms.CharField(label=_l("Plaats"), max_length=100, required=False)
    sector = forms.CharField(label=_l("Sector (wat voor bedrijf)"), max_length=100, required=False)
    kinds = forms.MultipleChoiceField(
        label=_l("Klopt een van deze?"),
        choices=HostKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contact_name = forms.CharField(label=_l("Contactpersoon"), max_length=150)
    contact_email = forms.EmailField(label=_l("E-mailadres van de contactpersoon"), max_length=254)
    contact_phone = forms.CharField(label=_l("Telefoon van de contactpersoon"), max_length=30, required=False)
    start_date = forms.DateField(label=_l("Begindatum"), widget=DateInput())
    end_date = forms.DateField(label=_l("Einddatum"), widget=DateInput())

    def __init__(self, *args, hosts, round_, **kwargs):
        kwargs.setdefault("prefix", "own")
        super().__init__(*args, **kwargs)
        self.round = round_
        self.fields["host"].queryset = hosts
        self.fields["host"].empty_label = _("— niet in de lijst —")
        self.fields["host"].label_from_instance = lambda h: f"{h.name}, {h.city}" if h.city else h.name
        self.fields["start_date"].initial = round_.start_date
        self.fields["end_date"].initial = round_.end_date

    def clean_name(self):
        return _plain_line(self.cleaned_data["name"])

    def clean_address(self):
        return _plain_line(self.cleaned_data["address"])

    def clean_city(self):
        return _plain_line(self.cleaned_data["city"])

    def clean_sector(self):
        return _plain_line(self.cleaned_data["sector"])

    def clean_contact_name(self):
        value = _plain_line(self.cleaned_data["contact_name"])
        if not value:
            raise forms.ValidationError(_("Vul de naam van de contactpersoon in."))
        return value

    def clean_contact_phone(self):
        value = _plain_line(self.cleaned_data["contact_phone"])
        if value and not all(c.isdigit() or c in " +-()" for c in value):
            raise forms.ValidationError(_("Een telefoonnummer bestaat uit cijfers, spaties, + en -."))
        return value

    def clean_postcode(self):
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean(self):
        from placements.rules import period_problem

        data = super().clean()
        if data.get("host") is not None and data.get("name"):
            raise forms.ValidationError(
                _("Kies een stagebedrijf uit de lijst óf vul een nieuw bedrijf in, niet allebei.")
            )
        if data.get("host") is None and "host" not in self.errors:
            for field, message in (
                ("name", _("Vul de naam van het bedrijf in, of kies er een uit de lijst.")),
                ("postcode", _("Vul de postcode van het bedrijf in.")),
                ("city", _("Vul de plaats van het bedrijf in.")),
            ):
                if not data.get(field) and field not in self.errors:
                    self.add_error(field, message)
        start, end = data.get("start_date"), data.get("end_date")
        problem = period_problem(start, end)
        if problem:
            self.add_error("end_date", problem)
        elif start and end and (start < self.round.start_date or end > self.round.end_date):
            self.add_error(
                "end_date",
                _("De stage valt binnen de periode van deze ronde: %(s)s tot en met %(e)s.")
                % {"s": f"{self.round.start_date:%d-%m-%Y}", "e": f"{self.round.end_date:%d-%m-%Y}"},
            )
        return data


class OwnFindApproveForm(LimitsMixin, forms.Form):
    reason = forms.CharField(
        label=_l("Reden om toch goed te keuren (bij waarschuwingen)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=500,
        required=False,
    )


class OwnFindRejectForm(LimitsMixin, forms.Form):
    reason = forms.CharField(
        label=_l("Waarom wijst u af? De leerling leest dit."),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=500,
    )


class HostCheckForm(LimitsMixin, forms.Form):
    """The coordinator's verdict on a host a student entered (status "te controleren")."""

    status = forms.ChoiceField(
        label=_l("Na controle"),
        choices=[(HostStatus.ACTIVE, _l("geschikt: actief")), (HostStatus.UNSUITABLE, _l("ongeschikt"))],
    )
    reason = forms.CharField(label=_l("Toelichting"), max_length=2000, required=False)

    def clean(self):
        data = super().clean()
        if data.get("status") == HostStatus.UNSUITABLE and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Geef aan waarom dit bedrijf ongeschikt is."))
        return data
