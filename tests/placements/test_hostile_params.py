"""Ids and dates typed into URLs and query strings: anything but a plain id is a
404, a NUL byte is a 400, an absurd date falls back to the page's default
(issue 10.1, 9.8). Never a 500."""

import itertools

import pytest
from django.http import Http404, QueryDict
from django.urls import reverse

from stagebeheer.params import MAX_ID, optional_date, optional_id, parse_id

pytestmark = pytest.mark.django_db

HOSTILE_IDS = [
    "abc",
    "²",
    "١٢",
    "1e3",
    "-1",
    "0",
    " 7",
    "7 ",
    "0x10",
    "1.0",
    "7\x00",
    "9" * 30,
    str(MAX_ID + 1),
    "",
]


@pytest.mark.parametrize("raw", HOSTILE_IDS)
def test_only_a_plain_positive_integer_is_an_id(raw):
    with pytest.raises(Http404):
        parse_id(raw)


def test_a_plain_id_is_read():
    assert parse_id("42") == 42
    assert parse_id(str(MAX_ID)) == MAX_ID
    assert optional_id(QueryDict("x=7"), "x") == 7
    assert optional_id(QueryDict("x="), "x") is None
    assert optional_id(QueryDict(""), "x") is None


@pytest.mark.parametrize("raw", ["0001-01-01", "9999-12-31", "2027-02-30", "27-3-1", "²⁰²⁷-01-01", "x" * 500])
def test_an_absurd_date_is_no_date(raw):
    assert optional_date(QueryDict(mutable=True) | {"d": raw}, "d") is None


@pytest.mark.parametrize("raw", ["abc", "²", "9" * 30, "-3"])
def test_the_suggestion_page_answers_a_malformed_student_with_404(raw, login, coordinator, placement):
    page = login(coordinator).get(reverse("placements:match", args=[placement.plan_id]), {"student": raw})
    assert page.status_code == 404


def test_the_suggestion_page_still_works_for_a_real_student(login, coordinator, placement):
    page = login(coordinator).get(
        reverse("placements:match", args=[placement.plan_id]), {"student": placement.student_id}
    )
    assert page.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        ("placements:student_list", "department={bad}"),
        ("placements:student_create", "department={bad}"),
        ("placements:overview", "plan={bad}"),
        ("placements:overview", "supervisor={bad}"),
        ("placements:plan_create", "department={bad}&kind=vmbo_orientation"),
    ],
)
@pytest.mark.parametrize("bad", ["²", "abc", "9" * 40])
def test_filters_with_a_malformed_id_are_404_not_500(url, bad, login, coordinator, placement):
    name, query = url
    page = login(coordinator).get(reverse(name) + "?" + query.format(bad=bad))
    assert page.status_code == 404


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("placements:student_list", "q=a%00b"),
        ("placements:host_list", "q=%00"),
        ("placements:overview", "class=3%00B"),
        ("home", "x%00=1"),
    ],
)
def test_a_nul_byte_in_the_query_string_is_a_bad_request(name, query, login, coordinator, placement):
    page = login(coordinator).get(reverse(name) + "?" + query)
    assert page.status_code == 400


def test_a_nul_byte_in_a_posted_field_is_a_bad_request(login, coordinator, placement):
    page = login(coordinator).post(
        reverse("placements:placement_terminate", args=[placement.pk]),
        {"reason": "a\x00b", "terminated_on": "2027-01-01"},
    )
    assert page.status_code == 400
    placement.refresh_from_db()
    assert placement.state != "terminated"


@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-01", "2027-13-01"])
def test_the_capacity_page_survives_any_week(week, login, coordinator, placement):
    assert login(coordinator).get(reverse("placements:capacity"), {"week": week}).status_code == 200


def test_a_huge_id_in_the_path_is_404(login, coordinator):
    assert (
        login(coordinator)
        .get(reverse("placements:plan_detail", args=[1]).replace("/1/", "/" + "9" * 40 + "/"))
        .status_code
        == 404
    )


def test_reading_ids_stops_at_the_first_bad_one():
    params = QueryDict(mutable=True)
    params.setlist("a", ["1", "²"])
    from stagebeheer.params import id_list

    with pytest.raises(Http404):
        id_list(params, "a")
    assert list(itertools.islice(id_list(QueryDict("a=1&a=2"), "a"), 5)) == [1, 2]


def test_a_nul_byte_in_an_urlencoded_post_is_a_bad_request_too(login, coordinator, placement):
    page = login(coordinator).post(
        reverse("placements:placement_terminate", args=[placement.pk]),
        "reason=a%00b&terminated_on=2027-01-01",
        content_type="application/x-www-form-urlencoded",
    )
    assert page.status_code == 400
