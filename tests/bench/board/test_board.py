"""The board benchmark: every key page, the periodic tasks and the agreement PDF
on the seeded board, as ratios to a trivial page measured in the same run.

Prints a table and one JSON document (also written to
test-artifacts/bench.json). Budgets are reported as OK or MISS; nothing fails
on time (issue 16). Pages of apps that are not installed are skipped."""

import json
import os
import random
import statistics
import time
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from stagebeheer.heap import settle_after_startup
from tests.bench.board import pages as page_table
from tests.bench.board.pages import REPEAT

OUT = Path(__file__).resolve().parents[3] / "test-artifacts" / "bench.json"
RESULTS: dict = {"pages": {}, "history": {}, "tasks": {}, "pdf": {}}

pytestmark = pytest.mark.django_db


class ServingClient(Client):
    """The test client without what only tests use: for every template it
    renders (each include too) it stores a copy of the context for
    ``response.context``, work a served page never does, which made pages with
    many includes look slower than they are."""

    def request(self, **request):
        response = self.handler(self._base_environ(**request))
        if response.cookies:
            self.cookies.update(response.cookies)
        return response


def _p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def _request(client, spec):
    if spec.method == "POST":
        return client.post(spec.target(), spec.data() if callable(spec.data) else spec.data)
    response = client.get(spec.target())
    if response.streaming:  # the time to the last byte, not to the headers
        b"".join(response.streaming_content)
    return response


def _selected(specs):
    """BENCH_PAGES=export,outbox measures only the pages whose name holds one of
    the words (and the floor, which the ratios need)."""
    words = [w.strip().lower() for w in os.environ.get("BENCH_PAGES", "").split(",") if w.strip()]
    if not words:
        return specs
    return [s for s in specs if s.kind == "floor" or any(w in s.name.lower() for w in words)]


def _queries(client, spec):
    with CaptureQueriesContext(connection) as ctx:
        response = _request(client, spec)
    assert response.status_code in spec.ok, f"{spec.name}: {spec.url} answered {response.status_code}"
    return len(ctx.captured_queries)


def measure(specs):
    """Each spec REPEAT times, all requests in one shuffled order, so no page
    profits from a warm cache that another page left behind."""
    clients = {}
    for spec in specs:
        if spec.user.pk not in clients:
            clients[spec.user.pk] = ServingClient()
            clients[spec.user.pk].force_login(spec.user)
    queries = {}
    for spec in specs:
        client = clients[spec.user.pk]
        _request(client, spec)  # warm
        queries[spec.name] = _queries(client, spec)
    # As each gunicorn worker does once the application is loaded
    # (gunicorn.conf.py, post_worker_init): the pages are measured as served.
    settle_after_startup()
    order = [spec for spec in specs for _ in range(REPEAT)]
    random.Random(16).shuffle(order)
    times = {spec.name: [] for spec in specs}
    for spec in order:
        client = clients[spec.user.pk]
        start = time.perf_counter()
        _request(client, spec)
        times[spec.name].append((time.perf_counter() - start) * 1000)
    return {
        spec.name: {
            "queries": queries[spec.name],
            "median_ms": round(statistics.median(times[spec.name]), 2),
            "p95_ms": round(_p95(times[spec.name]), 2),
            "kind": spec.kind,
        }
        for spec in specs
    }


@override_settings(ROOT_URLCONF="tests.bench.board.urls")
def test_key_pages_against_the_floor():
    board = page_table.Context.load()
    specs = _selected(page_table.key_pages(board))
    figures = measure(specs)
    floor = figures["floor"]["median_ms"]
    lines = [f"{'page':<44}{'queries':>8}{'median':>10}{'p95':>10}{'ratio':>8}{'budget':>8}  verdict"]
    for name, f in figures.items():
        f["ratio_p95_to_floor"] = round(f["p95_ms"] / floor, 2)
        budget = page_table.BUDGETS[f["kind"]]
        f["budget"] = budget
        within = f["ratio_p95_to_floor"] <= budget and f["queries"] <= 12
        f["verdict"] = "floor" if name == "floor" else ("OK" if within else "MISS")
        lines.append(
            f"{name:<44}{f['queries']:>8}{f['median_ms']:>9.1f}ms{f['p95_ms']:>8.1f}ms"
            f"{f['ratio_p95_to_floor']:>7.1f}x{budget:>7}x  {f['verdict']}"
        )
    deep, first = figures.get("overview deep page"), figures.get("overview page 1")
    if deep and first:
        ratio = deep["median_ms"] / first["median_ms"]
        RESULTS["deep_page_ratio"] = round(ratio, 2)
        lines.append(f"deep page / first page: {ratio:.2f}x (budget 1.3x) {'OK' if ratio <= 1.3 else 'MISS'}")
    RESULTS["pages"] = figures
    RESULTS["floor_median_ms"] = floor
    _report("Key pages at the board's scale", lines)


@override_settings(ROOT_URLCONF="tests.bench.board.urls")
def test_cost_follows_this_years_work_not_the_archive():
    board = page_table.Context.load()
    one, three = page_table.history_pages(board)
    a, b = measure(one), measure(three)
    lines = [f"{'page':<36}{'1 year':>10}{'3 years':>10}{'ratio':>8}  verdict (budget 1.2x)"]
    for spec_one, spec_three in zip(one, three, strict=True):
        m1, m3 = a[spec_one.name]["median_ms"], b[spec_three.name]["median_ms"]
        ratio = m3 / m1
        name = spec_one.name.removesuffix(" (1 year)")
        RESULTS["history"][name] = {"one_year_ms": m1, "three_years_ms": m3, "ratio": round(ratio, 2)}
        lines.append(f"{name:<36}{m1:>8.1f}ms{m3:>8.1f}ms{ratio:>7.2f}x  {'OK' if ratio <= 1.2 else 'MISS'}")
    _report("A department with three years of history against one with one", lines)


def _run_task(task):
    # Counted by a wrapper: a backlog run can pass the 9,000 queries Django's log keeps.
    count = 0

    def counter(execute, *args):
        nonlocal count
        count += 1
        return execute(*args)

    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        result = task.run()
        ms = (time.perf_counter() - start) * 1000
    return {"ms": round(ms, 1), "queries": count, "result": str(result)[:60]}


def test_periodic_tasks_over_the_whole_board():
    """Each task run inline, as the worker would: first in the board's steady
    state, then after a backlog of about 500 items made due (backlogs.py). The
    growth per item shows whether a task claims and inserts in bulk."""
    from stagebeheer.celery import app
    from tests.bench.board.backlogs import BACKLOGS, WHY_NOT

    app.loader.import_default_modules()
    lines = [f"{'task':<36}{'run':>9}{'items':>7}{'ms':>10}{'queries':>9}{'q/item':>8}  result"]
    for name, entry in sorted(app.conf.beat_schedule.items()):
        task = app.tasks[entry["task"]]
        runs = {"steady": _run_task(task)}
        runs["steady"]["items"] = 0
        if name in BACKLOGS:
            with transaction.atomic():  # undone after, so no task sees another's backlog
                items = BACKLOGS[name]()
                runs["backlog"] = _run_task(task)
                transaction.set_rollback(True)
            runs["backlog"]["items"] = items
            extra = runs["backlog"]["queries"] - runs["steady"]["queries"]
            runs["backlog"]["queries_per_item"] = round(extra / items, 2) if items else None
            runs["backlog"]["under_1s"] = runs["backlog"]["ms"] < 1000
        else:
            runs["no_backlog"] = WHY_NOT.get(name, "no backlog builder")
        RESULTS["tasks"][name] = runs
        for run in ("steady", "backlog"):
            if run not in runs:
                continue
            f = runs[run]
            per = f.get("queries_per_item")
            lines.append(
                f"{name[:35]:<36}{run:>9}{f['items']:>7}{f['ms']:>10.1f}{f['queries']:>9}"
                f"{'' if per is None else per:>8}  {f['result'][:30]}"
            )
        if "no_backlog" in runs:
            lines.append(f"{'':<36}{'backlog':>9}  not measured: {runs['no_backlog']}")
    _report("Periodic tasks (steady state, then after a backlog of ~500)", lines)


def test_the_agreement_pdf_against_a_plain_page():
    from weasyprint import HTML

    from agreements.models import Agreement
    from agreements.pdf import render_pdf

    agreement = Agreement.objects.filter(status="signed").select_related("placement").order_by("pk").first()
    plain = _median_ms(lambda: HTML(string="<p>Een pagina.</p>").write_pdf(), 10)
    real = _median_ms(lambda: render_pdf(agreement), 10)
    RESULTS["pdf"] = {"agreement_ms": real, "plain_page_ms": plain, "ratio": round(real / plain, 2)}
    _report(
        "Agreement PDF",
        [
            f"agreement {real:.0f} ms, plain page {plain:.0f} ms, ratio {real / plain:.1f}x "
            f"(budget 150 ms: {'OK' if real <= 150 else 'MISS'})"
        ],
    )


def _median_ms(fn, repeat):
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def _report(title, lines):
    print(f"\n== {title}")
    for line in lines:
        print(line)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(RESULTS, indent=2))


def teardown_module():
    print("\n== JSON")
    print(json.dumps(RESULTS, indent=2))
