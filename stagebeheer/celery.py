"""The Celery app. Configuration comes from Django settings (CELERY_*).

Periodic tasks are declared next to the tasks in each app's tasks.py with
``@app.on_after_finalize.connect``; one beat process runs them all.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stagebeheer.settings")

app = Celery("stagebeheer")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def periodic(schedule, name: str):
    """Declare a periodic task next to its definition:

        @periodic(crontab(hour=7, minute=0), name="daily visit reminders")
        @shared_task
        def remind(): ...

    Writes straight into beat_schedule when the module is imported (beat imports
    every tasks module before it reads the schedule), so it does not depend on
    the order of Celery's finalize signals.
    """

    def decorate(task):
        app.conf.beat_schedule = {
            **(app.conf.beat_schedule or {}),
            name: {"task": task.name, "schedule": schedule},
        }
        return task

    return decorate
