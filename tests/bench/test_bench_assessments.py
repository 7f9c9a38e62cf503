"""The workplace supervisor's form (GET and a draft POST) and the comparison page
with 100 and with 10,000 assessments in the database."""

import pytest
from django.db import connection
from django.urls import reverse

from assessments.models import Assessment
from assessments.opening import open_round, send_link
from assessments.presets import apply_default
from stagebeheer.models import OutgoingMessage
from tests.assessments.conftest import running_placement
from tests.assessments.growth import grow_assessments
from tests.sent_links import link_sent_to

pytestmark = pytest.mark.django_db


def _analyze():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def test_link_form_and_comparison_with_100_and_10000_assessments(
    bench, client, login, coordinator, department, supervisor
):
    placement = running_placement(department, supervisor)
    setup = apply_default(placement.plan)
    final = setup.rounds.get(kind="final")
    open_round(placement, setup.rounds.get(kind="interim"))
    open_round(placement, final)
    form = Assessment.objects.get(placement=placement, round=final, party="workplace")
    OutgoingMessage.objects.all().delete()
    send_link(form)
    url = link_sent_to(OutgoingMessage.objects.get().to_email)
    level = form.framework.scale.levels.first()
    competencies = list(form.framework.competencies.all())

    def post_draft():
        revision = Assessment.objects.values_list("revision", flat=True).get(pk=form.pk)
        data = {
            "revision": revision,
            "tops": "",
            "tips": "",
            **{f"level_{c.pk}": level.pk for c in competencies},
        }
        response = client.post(f"{url}draft/", data)
        assert response.status_code == 200

    staff = login(coordinator)
    compare = reverse("assessments:compare", args=[placement.pk])
    results = {}
    for total in (100, 10_000):
        grow_assessments(placement.plan, supervisor, placement.host, total, final, setup.framework)
        _analyze()
        results[total] = (
            bench(f"workplace form GET, {total:,} assessments", lambda: client.get(url)),
            bench(f"workplace form draft POST, {total:,} assessments", post_draft),
            bench(f"comparison page, {total:,} assessments", lambda: staff.get(compare)),
        )
    for name, small, large in zip(
        ("form GET", "form POST", "comparison"), results[100], results[10_000], strict=True
    ):
        print(f"ratio {name} 10,000 / 100: {large / small:.2f}x")
