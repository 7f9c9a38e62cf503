"""Test settings: the real settings module, with a test key and a fast hasher."""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("SITE_URL", "http://testserver")

from stagebeheer.settings import *  # noqa: F403

# Hashing passwords slowly is the point in production and a waste in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Serve static files from the app folders, as runserver does; no collectstatic in tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# A per-process cache: clearing it between tests must not flush the Redis
# database the Celery broker (and the other xdist process) uses.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The demo seed refuses to run without DEBUG; the tests seed on purpose.
DEMO_SEED_ALLOWED = True
# The personas sign in with force_login; the two-factor tests switch the
# requirement on themselves (tests/stagebeheer/test_two_factor.py).
TWO_FACTOR_REQUIRED_ROLES = []
