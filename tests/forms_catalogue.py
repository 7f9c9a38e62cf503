"""Every form of the project, and how to build one, for the tests that walk them
all (tests/stagebeheer/test_form_limits.py, tests/test_forms_hypothesis.py).

A form is found by walking the ``forms`` module of each project app (and the
forms of the formsets there). A form whose ``__init__`` needs arguments gets an
entry in ``FORM_KWARGS``: its name maps to a function of the dataset (a dict of
rows made by ``make_dataset``) returning the keyword arguments. A new form with
required arguments and no entry fails both tests, naming the form.
"""

import importlib
import inspect
from datetime import date

from django import forms

PROJECT_APPS = (
    "stagebeheer",
    "placements",
    "agreements",
    "visits",
    "assessments",
    "evaluations",
    "wishes",
    "sso",
)


def all_form_classes() -> list[type]:
    found = {}
    for app in PROJECT_APPS:
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError as exc:
            if exc.name in (app, f"{app}.forms"):
                continue
            raise
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, forms.BaseFormSet):
                if value.form.__module__.split(".")[0] not in PROJECT_APPS:
                    # The form was made by a factory inside Django; name it by its formset.
                    value.form.__qualname__ = f"{name}.form"
                    value.form.__module__ = module.__name__
                value = value.form
            if (
                inspect.isclass(value)
                and issubclass(value, forms.BaseForm)
                and value.__module__.split(".")[0] in PROJECT_APPS
                and value.__module__ != "stagebeheer.formlimits"  # the bases, not forms
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[k] for k in sorted(found)]


def make_dataset():
    """The few rows the forms need: a department with a plan, a placement, a visit."""
    from tests.factories.core import DepartmentFactory, MembershipFactory, UserFactory
    from tests.factories.placements import (
        HostFactory,
        PlacementFactory,
        StudentFactory,
        WorkplaceSupervisorFactory,
    )
    from tests.factories.visits import VisitFactory

    department = DepartmentFactory()
    coordinator = UserFactory()
    MembershipFactory(user=coordinator, department=department, role="coordinator")
    host = HostFactory(school=department.school)
    placement = PlacementFactory(
        plan__department=department,
        student=StudentFactory(department=department, date_of_birth=date(2010, 5, 1)),
        host=host,
        workplace_supervisor=WorkplaceSupervisorFactory(host=host),
    )
    visit = VisitFactory(placement=placement)
    return {"department": department, "coordinator": coordinator, "placement": placement, "visit": visit}


def _placement_form(data):
    from placements.models import Host, Student, WorkplaceSupervisor
    from stagebeheer.models import User

    placement = data["placement"]
    return {
        "students": Student.objects.filter(department=data["department"]),
        "hosts": Host.objects.filter(school=data["department"].school),
        "supervisors": WorkplaceSupervisor.objects.filter(host=placement.host),
        "school_supervisors": User.objects.all(),
        "schedule": placement.schedule,
        # With the teacher-education field (the schoolopleider) so it is fuzzed too.
        "plan_kind": "teacher_education",
    }


def _own_find_form(data):
    from placements.models import Host, WishRound

    placement = data["placement"]
    round_ = WishRound(plan=placement.plan, start_date=placement.start_date, end_date=placement.end_date)
    return {"hosts": Host.objects.filter(school=data["department"].school), "round_": round_}


def _student_form(data):
    from stagebeheer.models import User

    return {"department": data["department"], "mentors": User.objects.all()}


def _cooperation_form(data):
    from placements.models import Host, PlacementPlan

    return {"hosts": Host.objects.all(), "plans": PlacementPlan.objects.all()}


def _duo_form(data):
    from placements.models import Placement

    return {"candidates": Placement.objects.exclude(pk=data["placement"].pk)}


def _setup(data):
    from assessments.presets import apply_default

    return apply_default(data["placement"].plan)


def _assignments(data):
    from assessments import stageboek
    from assessments.models import Assignment

    stageboek.add_defaults(data["placement"].plan)
    return Assignment.objects.filter(plan=data["placement"].plan)


def _questions(data):
    from evaluations.services import current_form

    return current_form(data["placement"].plan, "student").questions.all()


def _departments(data):
    from stagebeheer.models import Department

    return Department.objects.filter(pk=data["department"].pk)


FORM_KWARGS = {
    "assessments.forms.AssignmentForm": lambda data: {"plan": data["placement"].plan},
    "assessments.forms.HandInForm": lambda data: {"assignments": _assignments(data)},
    "assessments.forms.PresentationForm": lambda data: {"levels": _setup(data).framework.scale.levels.all()},
    "assessments.forms.CompetencyForm": lambda data: {"levels": _setup(data).framework.scale.levels.all()},
    "assessments.forms.NewFrameworkForm": lambda data: {
        "user": data["coordinator"],
        "departments": _departments(data),
    },
    "assessments.forms.RoundForm": lambda data: {"setup": _setup(data)},
    "assessments.forms.ScaleForm": lambda data: {"departments": _departments(data)},
    "assessments.forms.SetupForm": lambda data: {"user": data["coordinator"]},
    "evaluations.forms.AnswerForm": lambda data: {"questions": _questions(data)},
    "placements.forms.PlacementForm": _placement_form,
    "placements.forms.StudentForm": _student_form,
    "placements.forms.HoursForm": lambda data: {"placement": data["placement"]},
    "placements.forms.DuoForm": _duo_form,
    "placements.forms.PlanForm": lambda data: {"department": data["department"]},
    "placements.forms.OwnFindForm": _own_find_form,
    "visits.forms.MomentForm": lambda data: {"placement": data["placement"]},
    "visits.forms.MoveForm": lambda data: {"placement": data["placement"]},
    "visits.forms.VisitLogForm": lambda data: {"instance": data["visit"]},
    "agreements.forms.TemplateForm": lambda data: {"kind": "vo"},
    "agreements.forms.CooperationForm": _cooperation_form,
    "stagebeheer.forms.LimitedSetPasswordForm": lambda data: {"user": data["coordinator"]},
    "stagebeheer.forms.EmailLoginForm": lambda data: {"request": None},
    "stagebeheer.forms.DepartmentForm": lambda data: {"school": data["department"].school},
}


def form_name(form_class) -> str:
    return f"{form_class.__module__}.{form_class.__qualname__}"


def build(form_class, dataset, *args, **extra):
    """An instance of ``form_class`` with the arguments it needs."""
    kwargs = FORM_KWARGS.get(form_name(form_class), lambda _data: {})(dataset)
    return form_class(*args, **kwargs, **extra)
