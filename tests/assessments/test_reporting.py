"""The assessments fill the evaluations dashboard and the inspection dossier (issue 12: 4, 6)."""

import pytest
from django.utils import timezone
from django.utils.html import escape

from assessments import reporting
from assessments.models import Assessment, FinalJudgement, PlanAssessmentSetup, Score
from assessments.opening import open_round
from assessments.presets import apply_default
from tests.assessments.conftest import running_placement
from tests.querycount import assert_fixed_calls

pytestmark = pytest.mark.django_db


def _final_round(department, supervisor):
    placement = running_placement(department, supervisor)
    setup = PlanAssessmentSetup.objects.filter(plan=placement.plan).first() or apply_default(placement.plan)
    open_round(placement, setup.rounds.get(kind="final"))
    return placement


def _submit(placement, party, label, comment=""):
    assessment = Assessment.objects.get(placement=placement, party=party, round__kind="final")
    level = assessment.framework.scale.levels.get(label=label)
    for competency in assessment.framework.competencies.all():
        Score.objects.create(assessment=assessment, competency=competency, level=level, comment=comment)
    Assessment.objects.filter(pk=assessment.pk).update(
        status="submitted", submitted_at=timezone.now(), tops="Altijd op tijd"
    )


def _judge(placement, label, supervisor):
    level = Assessment.objects.filter(placement=placement).first().framework.scale.levels.get(label=label)
    return FinalJudgement.objects.create(
        placement=placement,
        overall=level,
        method="computed",
        rationale="Volgt de weging.",
        decided_by=supervisor,
    )


def test_figures_count_submitted_assessments_per_party_and_current_judgements(department, supervisor):
    first, second = _final_round(department, supervisor), _final_round(department, supervisor)
    _submit(first, "workplace", "goed")
    _submit(first, "school", "voldoende")
    _submit(second, "workplace", "voldoende")
    _judge(first, "goed", supervisor)
    old = _judge(second, "onvoldoende", supervisor)
    # A later version replaces the earlier one: only the current one counts.
    FinalJudgement.objects.filter(pk=old.pk).update(is_current=False)
    FinalJudgement.objects.create(
        placement=second,
        version=2,
        overall=old.overall.scale.levels.get(label="voldoende"),
        method="decided",
        rationale="Herzien",
        decided_by=supervisor,
    )
    year = first.plan.school_year
    data = reporting.figures([department.pk], [year, "1999-2000"])
    assert data[year]["rounds"] == {"praktijkbegeleider": 2, "stagebegeleider": 1}
    assert data[year]["judgements"] == {"goed": 1, "voldoende": 1}
    assert data["1999-2000"] == {"rounds": {}, "judgements": {}}


def test_figures_are_empty_for_another_department_and_run_a_fixed_number_of_queries(
    department, other_department, supervisor
):
    placement = _final_round(department, supervisor)
    _submit(placement, "workplace", "goed")
    year = placement.plan.school_year
    assert reporting.figures([other_department.pk], [year]) == {}

    def grow():
        for _ in range(3):
            extra = _final_round(department, supervisor)
            _submit(extra, "workplace", "voldoende")
            _judge(extra, "voldoende", supervisor)

    assert_fixed_calls(lambda: reporting.figures([department.pk], [year]), grow)


def test_the_dashboard_shows_the_assessment_figures(login, leader, department, supervisor):
    placement = _final_round(department, supervisor)
    _submit(placement, "workplace", "goed")
    _judge(placement, "goed", supervisor)
    response = login(leader).get("/evaluations/dashboard/", {"year": placement.plan.school_year})
    section = {s.key: s for s in response.context["sections"]}["assessments"]
    assert not section.empty
    assert {f.label: f.value for f in section.figures}["Ingeleverd door praktijkbegeleider"] == 1
    assert section.tables[0]["rows"] == [["goed", 1, 0]]


def test_the_dossier_page_lists_each_submitted_assessment_and_the_judgement(department, supervisor):
    placement = _final_round(department, supervisor)
    assert reporting.dossier_page(placement) is None  # nothing submitted: no file
    _submit(placement, "workplace", "goed", comment="Werkt <b>netjes</b>")
    _judge(placement, "goed", supervisor)
    page = reporting.dossier_page(placement).decode()
    assert escape(placement.student.full_name) in page  # "van 't Hof" is escaped like any text
    assert "Werkt &lt;b&gt;netjes&lt;/b&gt;" in page  # escaped, as every template
    assert "Op tijd komen" in page or "op tijd" in page.lower()
    assert "Eindoordeel: goed" in page
    assert "Volgt de weging." in page


def test_the_inspection_dossier_holds_the_assessments_page(
    login, coordinator, department, supervisor, settings, tmp_path, django_capture_on_commit_callbacks
):
    import zipfile

    from evaluations.models import DossierExport

    settings.MEDIA_ROOT = tmp_path
    placement = _final_round(department, supervisor)
    placement.state = "completed"
    placement.save(update_fields=["state"])
    _submit(placement, "workplace", "goed")
    _judge(placement, "goed", supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        login(coordinator).post(f"/evaluations/plan/{placement.plan.pk}/dossier/request/")
    export = DossierExport.objects.get()
    assert export.status == "ready"
    with zipfile.ZipFile(export.file.open("rb")) as archive:
        page = archive.read(f"stages/{placement.student.number}-{placement.pk}/beoordelingen.html").decode()
    assert "Eindoordeel: goed" in page
