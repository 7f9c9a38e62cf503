from stagebeheer.celery import app


def test_the_periodic_schedule_is_declared_next_to_the_tasks():
    app.loader.import_default_modules()  # what beat does before reading the schedule
    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "stagebeheer.tasks.requeue_stale_mail" in tasks


def test_the_worker_settings_allow_a_killed_task_to_be_redelivered():
    # Only the preconditions; the kill itself is tried with real processes in
    # the integration tests of the worker.
    conf = app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    # Redis redelivers unacknowledged tasks after the visibility timeout, which
    # must be longer than the longest task may run.
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
