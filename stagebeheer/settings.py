"""One settings module, driven by the environment (see README: configuration)."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from stagebeheer.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false")
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# A form posted after its cookie vanished gets a Dutch page that says nothing was stored.
CSRF_FAILURE_VIEW = "stagebeheer.views.errors.csrf_failure"
# The address the links in outgoing mail point to.
SITE_URL = (env_str("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")
if urlparse(SITE_URL).scheme not in {"http", "https"}:
    raise ImproperlyConfigured(f"SITE_URL must start with http:// or https://, not {SITE_URL!r}")

INSTALLED_APPS = [
    "stagebeheer",  # first, so its templates (registration/) override Django's
    "placements",
    "agreements",
    "visits",
    "assessments",
    "evaluations",
    "audit",  # after the apps whose models it tracks
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "template_partials",
    "csp",
    "pgtrigger",
    "pghistory",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "mozilla_django_oidc",
    "djangosaml2",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Early, so a database outage in any later middleware or view answers a styled 503.
    "stagebeheer.middleware.DatabaseAwayMiddleware",
    "stagebeheer.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "stagebeheer.middleware.RefuseNulMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "audit.middleware.AuditContextMiddleware",  # names the user on every change (audit trail)
    "django_otp.middleware.OTPMiddleware",
    "stagebeheer.middleware.SignInMiddleware",
    "djangosaml2.middleware.SamlSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Permissions-Policy everywhere; no-store on every page of a signed-in user.
    "stagebeheer.middleware.PrivatePagesMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "stagebeheer.urls"
WSGI_APPLICATION = "stagebeheer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stagebeheer.context_processors.navigation",
                "stagebeheer.context_processors.sign_in",
            ],
        },
    }
]

# --- database: PostgreSQL when DATABASE_URL is set, else a SQLite file -------
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    try:
        DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from exc
    # The password may come from a secret file (docker secrets) instead of the URL.
    DATABASE_PASSWORD_FILE = env_str("DATABASE_PASSWORD_FILE")
    if DATABASE_PASSWORD_FILE:
        try:
            DATABASES["default"]["PASSWORD"] = Path(DATABASE_PASSWORD_FILE).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"DATABASE_PASSWORD_FILE cannot be read: {exc}") from exc
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH") or str(BASE_DIR / "db.sqlite3"),
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache and Celery broker when REDIS_URL is set --------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL and urlparse(REDIS_URL).scheme not in {"redis", "rediss"}:
    raise ImproperlyConfigured(f"REDIS_URL must start with redis:// or rediss://, not {REDIS_URL!r}")
if REDIS_URL:
    # The prefix keeps cache keys apart from the broker's in the same database.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "stagebeheer-cache",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery -------------------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
# Without Redis every task runs inline, so `make demo` needs no worker.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
# A killed worker must not lose a task: acknowledge after the work, requeue on loss,
# and take one task at a time so nothing waits behind a long PDF.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 180
# Redis redelivers unacknowledged tasks after this (a whole worker gone); it must
# exceed the longest task (180 s hard limit) and the longest retry countdown
# (mail backs off at most 480 s), and no more: a lost task waits this long.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 600}
# How long a claim on a PDF or a mail holds before another worker may take it
# over: longer than the task's hard time limit (90 s), so a live worker keeps it.
PDF_LEASE_SECONDS = env_int("PDF_LEASE_SECONDS", 120, minimum=1)
MAIL_LEASE_SECONDS = env_int("MAIL_LEASE_SECONDS", 120, minimum=1)
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE") or "stagebeheer"
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# --- mail ----------------------------------------------------------------------
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER") or ""
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD") or ""
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "Stagebeheer <noreply@stagebeheer.nl>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- accounts -----------------------------------------------------------------
AUTH_USER_MODEL = "stagebeheer.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account or address before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "stagebeheer.oidc.SurfconextOIDCBackend",
    "stagebeheer.saml.FederationSaml2Backend",
]
SESSION_COOKIE_HTTPONLY = True
# A staff session ends after SESSION_IDLE_MINUTES without a request (the session's
# age, renewed every few minutes by SignInMiddleware) and SESSION_ABSOLUTE_HOURS
# after sign-in at the latest.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 120, minimum=10) * 60
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_HOURS", 12, minimum=1) * 3600
# Two-factor login (django-otp): required for these roles ("administrator" is the
# superuser); an administrator can also require it for a whole school. The demo
# (DEBUG) requires it of nobody, so its accounts sign in with the password alone.
TWO_FACTOR_REQUIRED_ROLES = env_list(
    "TWO_FACTOR_REQUIRED_ROLES", [] if DEBUG else ["coordinator", "administrator"]
)
OTP_TOTP_ISSUER = "Stagebeheer"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# --- login abuse ------------------------------------------------------------------
# The header the deployment's proxy sets with the client's address, and how many
# proxies stand in front (stagebeheer/client_address.py); empty: REMOTE_ADDR.
TRUSTED_PROXY_HEADER = env_str("TRUSTED_PROXY_HEADER") or ""
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1, minimum=1)
# django-axes: after LOGIN_FAILURE_LIMIT failed logins an account, and separately
# an address, is locked for LOGIN_LOCKOUT_MINUTES. Counted in the database, so
# the limit holds across worker processes and machines.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "stagebeheer.client_address.login_name"
AXES_CLIENT_IP_CALLABLE = "stagebeheer.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Password-reset requests per client address per hour.
PASSWORD_RESETS_PER_ADDRESS = env_int("PASSWORD_RESETS_PER_ADDRESS", 5, minimum=1)
PASSWORD_RESET_WINDOW = 3600

# --- single sign-on: OpenID Connect (SURFconext) ------------------------------------
# One client registration for the whole installation; each school says which
# schacHomeOrganization is theirs (School.home_organization). Take the URLs from
# the provider's /.well-known/openid-configuration.
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID") or ""
OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET") or ""
OIDC_OP_ISSUER = env_str("OIDC_ISSUER") or ""
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_AUTHORIZATION_URL") or ""
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_TOKEN_URL") or ""
OIDC_OP_USER_ENDPOINT = env_str("OIDC_USERINFO_URL") or ""
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_JWKS_URL") or ""
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
if OIDC_ENABLED and not all(
    (
        OIDC_RP_CLIENT_SECRET,
        OIDC_OP_ISSUER,
        OIDC_OP_AUTHORIZATION_ENDPOINT,
        OIDC_OP_TOKEN_ENDPOINT,
        OIDC_OP_USER_ENDPOINT,
        OIDC_OP_JWKS_ENDPOINT,
    )
):
    raise ImproperlyConfigured(
        "OIDC_CLIENT_ID is set: also set OIDC_CLIENT_SECRET, OIDC_ISSUER, OIDC_AUTHORIZATION_URL, "
        "OIDC_TOKEN_URL, OIDC_USERINFO_URL and OIDC_JWKS_URL"
    )
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = env_str("OIDC_SCOPES") or "openid email profile"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False  # people are invited in the app, never made by the federation
OIDC_TIMEOUT = 10
LOGIN_REDIRECT_URL_FAILURE = "/sso/refused/"

# --- single sign-on: SAML 2.0 (Entree Federatie, SURFconext) -------------------------
# Each federation is one identity provider (a hub); its assertion names the
# institution (School.home_organization). Metadata: a URL or a file path.
SAML_FEDERATIONS = {}  # IdP entity id -> federation
_saml_metadata = []
for _federation in ("entree", "surfconext"):
    _entity_id = env_str(f"SAML_{_federation.upper()}_ENTITY_ID")
    _metadata = env_str(f"SAML_{_federation.upper()}_METADATA")
    if bool(_entity_id) != bool(_metadata):
        raise ImproperlyConfigured(
            f"Set both SAML_{_federation.upper()}_ENTITY_ID and SAML_{_federation.upper()}_METADATA, or neither"
        )
    if _entity_id:
        SAML_FEDERATIONS[_entity_id] = _federation
        _saml_metadata.append(_metadata)
SAML_ENABLED = bool(SAML_FEDERATIONS)
if SAML_ENABLED:
    from stagebeheer.saml import sp_config

    SAML_CONFIG = sp_config(
        site_url=SITE_URL,
        metadata=_saml_metadata,
        key_file=env_str("SAML_KEY_FILE") or "",
        cert_file=env_str("SAML_CERT_FILE") or "",
        xmlsec_binary=env_str("XMLSEC_BINARY") or "/usr/bin/xmlsec1",
    )
SAML_CREATE_UNKNOWN_USER = False
SAML_DJANGO_USER_MAIN_ATTRIBUTE = "email"
SAML_ATTRIBUTE_MAPPING = {"mail": ("email",)}
SAML_ACS_FAILURE_RESPONSE_FUNCTION = "stagebeheer.views.sso.saml_refused"
SAML_SESSION_COOKIE_NAME = "saml_session"

# --- language and time ----------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE") or "Europe/Amsterdam"
try:
    ZoneInfo(TIME_ZONE)
except (ZoneInfoNotFoundError, ValueError):
    raise ImproperlyConfigured(f"TIME_ZONE is not a known time zone: {TIME_ZONE!r}") from None
# Dates read dd-mm-jjjj in both languages.
FORMAT_MODULE_PATH = ["formats"]

# --- static and media -------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
# Stored files (agreement PDFs, scans, uploads) go through STORAGES, so web and
# worker nodes on different machines share them: local disk by default, an
# S3-compatible object store (MinIO, AWS, a Dutch cloud) when S3_BUCKET is set.
S3_BUCKET = env_str("S3_BUCKET")
if S3_BUCKET:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "access_key": env_str("S3_ACCESS_KEY") or None,
            "secret_key": env_str("S3_SECRET_KEY") or None,
            "region_name": env_str("S3_REGION") or None,
            # Personal data: never public, links to files are never handed out.
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Scans of signed agreements and imports stay small.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- forms ----------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- security headers -------------------------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "frame-src": [SELF],
        # No page is framed, except the agreement PDF on the signing page (it sets its own).
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
    }
}
X_FRAME_OPTIONS = "DENY"  # the signing page's PDF allows its own origin (agreements/links.py)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Features no page uses, switched off for every page (stagebeheer.middleware).
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
if env_bool("SECURE_SSL", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # The container's health check asks over plain HTTP from inside.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    # A year, subdomains included: a school's address serves nothing over plain HTTP.
    SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
    # The preload flag only takes effect once the domain is submitted to the browsers' list.
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", default=True)

# --- audit trail (django-pghistory on django-pgtrigger) ----------------------------
# The triggers are installed after every ``migrate`` instead of through each
# tracked app's migrations, so tracking another app's model is a change in the
# audit app alone. On SQLite nothing is installed (audit.fallback records instead).
PGTRIGGER_MIGRATIONS = False
PGTRIGGER_INSTALL_ON_MIGRATE = True
# Retention (docs/privacy.md): years after a student left, per kind of record,
# and days for links and mail bodies. LAW.md: pupil data commonly two years.
RETENTION_STUDENT_YEARS = env_int("RETENTION_STUDENT_YEARS", 2, minimum=1)
RETENTION_DOCUMENT_YEARS = env_int("RETENTION_DOCUMENT_YEARS", 2, minimum=1)
RETENTION_LINK_DAYS = env_int("RETENTION_LINK_DAYS", 90, minimum=1)
RETENTION_OUTBOX_DAYS = env_int("RETENTION_OUTBOX_DAYS", 90, minimum=1)

# --- emailed links -----------------------------------------------------------------------
ACCESS_LINK_DAYS = env_int("ACCESS_LINK_DAYS", 30, minimum=1)
# The link to the signed agreement each signer gets: it lasts the stage and its aftermath.
SIGNED_COPY_LINK_DAYS = env_int("SIGNED_COPY_LINK_DAYS", 365, minimum=1)
# Guesses of unknown link tokens allowed per address per window before 429.
ACCESS_LINK_GUESSES = env_int("ACCESS_LINK_GUESSES", 20, minimum=1)
ACCESS_LINK_GUESS_WINDOW = 600

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Paths with link tokens are masked before any line is written.
    "filters": {"mask_tokens": {"()": "stagebeheer.log_masking.MaskTokensFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["mask_tokens"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL") or "INFO"},
    "loggers": {
        # Django's default config gives "django" a console handler of its own
        # besides propagating to the root: every line appeared twice.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # WeasyPrint and fontTools report every step of every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # pgtrigger names every trigger it installs after each migrate.
        "pgtrigger": {"level": "WARNING"},
    },
}
