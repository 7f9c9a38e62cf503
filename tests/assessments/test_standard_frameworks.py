"""A fresh database holds sound standard scales and frameworks."""

import pytest
from django.apps import apps

from assessments import standard
from assessments.models import MAX_COMPETENCIES, MIN_COMPETENCIES, CompetencyFramework, LevelIndicator, Scale

pytestmark = pytest.mark.django_db


def test_the_three_standard_scales_are_there_with_their_pass_marks():
    three = Scale.objects.get(department=None, name=standard.THREE)
    assert [(lvl.label, lvl.passing) for lvl in three.levels.all()] == [
        ("onvoldoende", False),
        ("voldoende", True),
        ("goed", True),
    ]
    ten = Scale.objects.get(department=None, name=standard.TEN)
    assert [lvl.number for lvl in ten.levels.filter(passing=False)] == [1, 2, 3, 4, 5]
    assert Scale.objects.get(department=None, name=standard.GROWTH).levels.count() == 3


def test_every_standard_framework_holds_5_to_40_competencies_with_an_indicator_per_level():
    frameworks = CompetencyFramework.objects.filter(department=None)
    assert frameworks.count() == 3
    for framework in frameworks:
        competencies = list(framework.competencies.all())
        assert MIN_COMPETENCIES <= len(competencies) <= MAX_COMPETENCIES
        for competency in competencies:
            indicators = LevelIndicator.objects.filter(competency=competency)
            assert indicators.count() == framework.scale.levels.count()
            assert all(i.text and i.student_text for i in indicators)


def test_the_vmbo_framework_names_the_work_skills():
    names = set(
        CompetencyFramework.objects.get(name="Werknemersvaardigheden vmbo/pro").competencies.values_list(
            "name", flat=True
        )
    )
    for wanted in (
        "Inzet tonen",
        "Afspraken nakomen",
        "Op tijd komen",
        "Vragen stellen",
        "Omgaan met feedback",
        "Werktempo",
        "Zelfstandigheid",
        "Samenwerken",
        "Klantvriendelijkheid",
        "Veilig en hygiënisch werken",
        "Verzorging",
    ):
        assert wanted in names


def test_the_teacher_framework_has_the_three_competences_and_professional_attitude():
    names = list(
        CompetencyFramework.objects.get(name="Bekwaamheden lerarenopleiding").competencies.values_list(
            "name", flat=True
        )
    )
    assert names[:4] == [
        "Pedagogisch bekwaam",
        "Vakinhoudelijk bekwaam",
        "Vakdidactisch bekwaam",
        "Professionele houding",
    ]


def test_installing_again_adds_nothing():
    before = (CompetencyFramework.objects.count(), Scale.objects.count(), LevelIndicator.objects.count())
    standard.install(lambda name: apps.get_model("assessments", name))
    assert (
        CompetencyFramework.objects.count(),
        Scale.objects.count(),
        LevelIndicator.objects.count(),
    ) == before
