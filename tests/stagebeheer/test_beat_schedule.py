from stagebeheer.celery import app


def test_the_periodic_schedule_is_declared_next_to_the_tasks():
    app.loader.import_default_modules()  # what beat does before reading the schedule
    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "stagebeheer.tasks.requeue_stale_mail" in tasks


def test_a_killed_worker_does_not_lose_its_task():
    conf = app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    # Redis redelivers unacknowledged tasks after the visibility timeout, which
    # must be longer than the longest task may run.
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
