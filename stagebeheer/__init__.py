# Load the Celery app when Django starts so tasks bind to it.
from stagebeheer.celery import app as celery_app

__all__ = ("celery_app",)
