"""The final judgement follows the plan's weights (hand-computed below), needs a
rationale when it departs, keeps earlier versions, and refuses a double submit."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment, FinalJudgement, PlanAssessmentSetup, Score
from assessments.opening import open_round
from assessments.presets import apply_default
from tests.assessments.conftest import running_placement
from tests.factories.assessments import FrameworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(department, supervisor):
    """Weights 60% workplace supervisor, 40% school supervisor, 0% self; final round opened."""
    placement = running_placement(department, supervisor)
    setup = apply_default(placement.plan)
    PlanAssessmentSetup.objects.filter(pk=setup.pk).update(
        weight_workplace=60, weight_school=40, weight_student=0
    )
    open_round(placement, setup.rounds.get(kind="final"))
    return placement


def _submit(placement, party, labels):
    assessment = Assessment.objects.get(placement=placement, party=party, round__kind="final")
    levels = {lvl.label: lvl for lvl in assessment.framework.scale.levels.all()}
    for competency, label in zip(assessment.framework.competencies.all(), labels, strict=False):
        Score.objects.create(assessment=assessment, competency=competency, level=levels[label])
    Assessment.objects.filter(pk=assessment.pk).update(status="submitted", submitted_at=timezone.now())
    return assessment


ELEVEN = 11  # competencies in the vmbo framework


def _post(client, placement, levels, overall, rationale="", based_on=0, extra=None):
    framework = Assessment.objects.filter(placement=placement).first().framework
    by_label = {lvl.label: lvl.pk for lvl in framework.scale.levels.all()}
    data = {"based_on": based_on, "overall": by_label[overall], "rationale": rationale}
    for competency, label in zip(framework.competencies.all(), levels, strict=True):
        data[f"level_{competency.pk}"] = by_label[label]
    data.update(extra or {})
    return client.post(reverse("assessments:judgement", args=[placement.pk]), data)


def test_the_computation_follows_the_weights_on_a_hand_computed_fixture(login, supervisor, placement):
    # Levels count 0 (onvoldoende), 1 (voldoende), 2 (goed). Per competency 0.6 × workplace + 0.4 × school:
    #   goed/voldoende       → 0.6×2 + 0.4×1 = 1.60 → 2 goed
    #   voldoende/onvoldoende → 0.6×1 + 0.4×0 = 0.60 → 1 voldoende
    #   onvoldoende/goed     → 0.6×0 + 0.4×2 = 0.80 → 1 voldoende
    #   onvoldoende/voldoende → 0.6×0 + 0.4×1 = 0.40 → 0 onvoldoende
    #   the other 7: voldoende/voldoende → 1.00 → 1 voldoende
    # Overall: (2 + 1 + 1 + 0 + 7×1) / 11 = 11/11 = 1.00 → voldoende.
    # The self-assessment weighs 0% and changes nothing.
    rest = ["voldoende"] * 7
    _submit(placement, "workplace", ["goed", "voldoende", "onvoldoende", "onvoldoende", *rest])
    _submit(placement, "school", ["voldoende", "onvoldoende", "goed", "voldoende", *rest])
    _submit(placement, "student", ["onvoldoende"] * ELEVEN)
    from assessments.judging import basis

    result = basis(placement, placement.plan.assessment_setup)
    computed = [(str(r["mean"]), r["computed"].label) for r in result["rows"][:4]]
    assert computed == [
        ("1.60", "goed"),
        ("0.60", "voldoende"),
        ("0.80", "voldoende"),
        ("0.40", "onvoldoende"),
    ]
    assert (str(result["overall_mean"]), result["overall"].label) == ("1.00", "voldoende")
    page = login(supervisor).get(reverse("assessments:judgement", args=[placement.pk])).content.decode()
    assert "1,60 → <strong>goed</strong>" in page
    # Recording the computed outcome needs no rationale.
    levels = ["goed", "voldoende", "voldoende", "onvoldoende", *rest]
    response = _post(login(supervisor), placement, levels, "voldoende")
    assert response.status_code == 302
    judgement = FinalJudgement.objects.get()
    assert (judgement.overall.label, judgement.decided_by, judgement.version) == ("voldoende", supervisor, 1)
    assert judgement.computation["rows"][0] == {
        "competency": "Inzet tonen",
        "parties": {"workplace": "goed", "school": "voldoende", "student": "onvoldoende"},
        "mean": "1.60",
        "computed": "goed",
        "decided": "goed",
    }
    html = login(supervisor).get(reverse("assessments:compare", args=[placement.pk])).content.decode()
    assert "berekend 1,60 → goed" in html


def test_a_missing_party_drops_out_and_the_others_count_in_proportion(placement):
    _submit(placement, "workplace", ["goed"] * ELEVEN)
    from assessments.judging import basis

    result = basis(placement, placement.plan.assessment_setup)
    assert (str(result["rows"][0]["mean"]), result["rows"][0]["used_weight"]) == ("2.00", 60)


def test_departing_two_levels_from_the_workplace_supervisor_needs_a_rationale(login, supervisor, placement):
    _submit(placement, "workplace", ["goed"] * ELEVEN)
    _submit(placement, "school", ["goed"] * ELEVEN)
    levels = ["onvoldoende"] + ["goed"] * 10
    response = _post(login(supervisor), placement, levels, "goed")
    assert response.status_code == 400
    assert "twee niveaus of meer af van de praktijkbegeleider" in response.content.decode()
    assert not FinalJudgement.objects.exists()
    response = _post(
        login(supervisor), placement, levels, "goed", rationale="Bij het laatste bezoek zag ik dat anders."
    )
    assert response.status_code == 302
    assert FinalJudgement.objects.get().rationale.startswith("Bij het laatste")


def test_when_the_supervisor_decides_a_rationale_is_always_required(login, supervisor, placement):
    PlanAssessmentSetup.objects.update(method="decision")
    response = _post(login(supervisor), placement, ["voldoende"] * ELEVEN, "voldoende")
    assert response.status_code == 400
    assert "u beslist zelf" in response.content.decode()
    response = _post(
        login(supervisor), placement, ["voldoende"] * ELEVEN, "voldoende", rationale="Besproken."
    )
    assert response.status_code == 302


def test_changing_the_judgement_keeps_the_earlier_version(login, supervisor, placement):
    PlanAssessmentSetup.objects.update(method="decision")
    client = login(supervisor)
    _post(client, placement, ["voldoende"] * ELEVEN, "voldoende", rationale="Eerste")
    response = _post(client, placement, ["goed"] * ELEVEN, "goed", rationale="Na het gesprek", based_on=1)
    assert response.status_code == 302
    versions = list(
        FinalJudgement.objects.order_by("version").values_list("version", "is_current", "rationale")
    )
    assert versions == [(1, False, "Eerste"), (2, True, "Na het gesprek")]


def test_a_double_submit_stores_one_version(login, supervisor, placement):
    PlanAssessmentSetup.objects.update(method="decision")
    client = login(supervisor)
    _post(client, placement, ["voldoende"] * ELEVEN, "voldoende", rationale="Eén")
    again = _post(client, placement, ["voldoende"] * ELEVEN, "voldoende", rationale="Eén")
    assert again.status_code == 409
    assert "intussen vastgelegd" in again.content.decode()
    assert FinalJudgement.objects.count() == 1


@pytest.mark.parametrize(
    "bad",
    [{"rationale": "x" * 4001}, {"based_on": "nul"}, {"overall": "999999"}, {"overall": ""}],
)
def test_bad_input_is_refused_and_nothing_stored(login, supervisor, placement, bad):
    PlanAssessmentSetup.objects.update(method="decision")
    response = _post(
        login(supervisor), placement, ["voldoende"] * ELEVEN, "voldoende", rationale="ok", extra=bad
    )
    assert response.status_code == 400
    assert not FinalJudgement.objects.exists()


def test_a_level_of_another_scale_or_a_foreign_competency_is_refused(
    login, supervisor, placement, department
):
    PlanAssessmentSetup.objects.update(method="decision")
    other = FrameworkFactory(department=department)
    foreign_level = other.scale.levels.first()
    framework = Assessment.objects.filter(placement=placement).first().framework
    first = framework.competencies.first()
    response = _post(
        login(supervisor),
        placement,
        ["voldoende"] * ELEVEN,
        "voldoende",
        rationale="ok",
        extra={f"level_{first.pk}": foreign_level.pk},
    )
    assert response.status_code == 400
    response = _post(
        login(supervisor),
        placement,
        ["voldoende"] * ELEVEN,
        "voldoende",
        rationale="ok",
        extra={f"level_{other.competencies.first().pk}": foreign_level.pk},
    )
    assert response.status_code == 400
    assert "niet op deze lijst" in response.content.decode()
    assert not FinalJudgement.objects.exists()


def test_only_the_own_supervisor_or_a_coordinator_judges(
    login, coordinator, leader, other_supervisor, outsider, placement
):
    url = reverse("assessments:judgement", args=[placement.pk])
    assert login(coordinator).get(url).status_code == 200
    assert login(leader).get(url).status_code == 403
    assert login(leader).post(url, {"based_on": 0}).status_code == 403
    assert login(other_supervisor).get(url).status_code == 404
    assert login(outsider).get(url).status_code == 404
    assert not FinalJudgement.objects.exists()
