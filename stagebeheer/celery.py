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
