"""Gunicorn reads this from the working directory (the image's /app)."""

# The access log masks tokens in paths, queries and referrers (stagebeheer/log_masking.py).
logger_class = "stagebeheer.log_masking.GunicornLogger"
accesslog = "-"


def post_worker_init(worker):
    # The application is loaded now; see stagebeheer/heap.py for why.
    from stagebeheer.heap import settle_after_startup

    settle_after_startup()
