"""Shared fixtures: fixed personas and a real Celery worker on Redis.

Personas: a coordinator of the department, the supervisor of ``placement``,
another supervisor of the same department, a leader, and an outsider from a
different school.
"""

import os

import pytest
from django.conf import settings

from stagebeheer.celery import app as celery_app
from tests.factories.core import PASSWORD, DepartmentFactory, MembershipFactory, UserFactory

# Each xdist process publishes to and consumes from its own queue, so one
# process never runs another's task against the wrong test database. Set before
# anything publishes, because Celery caches its queue list on first use.
TEST_QUEUE = f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
celery_app.conf.task_default_queue = TEST_QUEUE


@pytest.fixture(autouse=True)
def _eager_celery_by_default(request):
    """Unit tests run tasks inline; tests marked ``integration`` use a worker."""
    eager = "integration" not in request.keywords and "e2e" not in request.keywords
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = eager
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def department(db):
    return DepartmentFactory(name="Vmbo Het Baken")


@pytest.fixture
def other_department(db):
    # Another school altogether: nothing of it may leak to our personas.
    return DepartmentFactory(name="Lyceum Elders")


def _member(department, role, name):
    user = UserFactory(full_name=name)
    MembershipFactory(user=user, department=department, role=role)
    return user


@pytest.fixture
def coordinator(department):
    return _member(department, "coordinator", "Carla Coördinator")


@pytest.fixture
def supervisor(department):
    return _member(department, "supervisor", "Sam Begeleider")


@pytest.fixture
def other_supervisor(department):
    return _member(department, "supervisor", "Olga Anderebegeleider")


@pytest.fixture
def leader(department):
    return _member(department, "leader", "Lex Schoolleider")


@pytest.fixture
def mentor(department):
    return _member(department, "mentor", "Mo Mentor")


@pytest.fixture
def outsider(other_department):
    return _member(other_department, "coordinator", "Otto Buitenstaander")


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def celery_worker_on_redis(transactional_db):
    """A real worker thread consuming this process's queue on Redis."""
    from celery.contrib.testing.worker import start_worker
    from django.db import connections

    if not settings.REDIS_URL:
        pytest.fail("Integration tests need REDIS_URL (make test sets it).")
    celery_app.control.purge()  # leftovers of an interrupted earlier run
    with start_worker(
        celery_app,
        pool="solo",
        perform_ping_check=False,
        loglevel="WARNING",
        queues=[TEST_QUEUE],
        shutdown_timeout=10,
    ):
        yield celery_app
    connections.close_all()


@pytest.fixture
def form_dataset(db):
    """The rows the project's forms need to be built (tests/forms_catalogue.py)."""
    from tests.forms_catalogue import make_dataset

    return make_dataset()


def pytest_addoption(parser):
    parser.addoption(
        "--print-access-matrix",
        action="store_true",
        help="print what every URL answers each persona (tests/test_access_matrix.py)",
    )
