"""Gunicorn reads this from the working directory (the image's /app)."""

# The access log masks tokens in paths, queries and referrers (stagebeheer/log_masking.py).
logger_class = "stagebeheer.log_masking.GunicornLogger"
accesslog = "-"
