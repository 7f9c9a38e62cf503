"""The WSGI application gunicorn serves in the throughput benchmark."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bench.board.serve_settings")

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
