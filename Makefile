# Two commands do everything on a fresh machine: `make demo` and `make test`.
PY      := .venv/bin/python
PIP     := .venv/bin/pip
STAMP   := .venv/.installed
# Debian packages: WeasyPrint's libraries (harfbuzz-subset makes it ~3x faster),
# gettext for the translations, fonts for the PDFs.
DEMO_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 gettext fonts-dejavu-core
# xmlsec1 signs and checks SAML messages (pysaml2); nodejs runs the test OpenID provider.
TEST_DEBS := $(DEMO_DEBS) chromium poppler-utils xmlsec1 nodejs
OIDC_TEST_PROVIDER := tests/sso/oidc_provider/node_modules/.package-lock.json

TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/stagebeheer
TEST_REDIS_URL    ?= redis://127.0.0.1:6379/1

.PHONY: demo test e2e bench lint messages serve seed debs-demo debs-test install clean test-deps

# Install only what is missing so a warm machine skips apt entirely.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

debs-demo:
	$(call apt_install,$(DEMO_DEBS))

debs-test:
	$(call apt_install,$(TEST_DEBS))

$(STAMP): pyproject.toml
	test -x $(PY) || python3.11 -m venv .venv
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# The SSO tests sign in against a real OpenID provider (node-oidc-provider, from npm).
$(OIDC_TEST_PROVIDER): tests/sso/oidc_provider/package-lock.json
	@# Debian's nodejs comes without npm; NodeSource's includes it.
	command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm)
	npm ci --prefix tests/sso/oidc_provider --no-audit --no-fund --silent

test-deps: debs-test $(STAMP) $(OIDC_TEST_PROVIDER)

locale/en/LC_MESSAGES/django.mo: locale/en/LC_MESSAGES/django.po $(STAMP)
	$(PY) manage.py compilemessages -l en -v 0

demo: debs-demo $(STAMP) locale/en/LC_MESSAGES/django.mo
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:8000

lint: $(STAMP)
	.venv/bin/ruff check .
	.venv/bin/bandit -q -c pyproject.toml -r stagebeheer placements agreements visits assessments evaluations formats
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run -v 0

test: test-deps locale/en/LC_MESSAGES/django.mo lint
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
	  .venv/bin/pytest -n 2 --dist loadgroup -q
	# The zero-configuration path (SQLite, inline tasks) keeps working.
	env -u DATABASE_URL -u REDIS_URL .venv/bin/pytest -m smoke -q -p no:xdist

e2e: debs-test $(STAMP) locale/en/LC_MESSAGES/django.mo
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
	  .venv/bin/pytest tests/e2e -q

BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/stagebeheer_bench
BENCH_SCALE ?= 1

# Not part of `make test`: prints figures, fails on nothing but errors. The board
# is seeded once into its own database (BENCH_SCALE=0.1 for a quick run).
bench: debs-test $(STAMP)
	DATABASE_URL=$(TEST_DATABASE_URL) .venv/bin/pytest tests/bench -q -s -p no:xdist --override-ini addopts= \
	  --ignore=tests/bench/board
	DATABASE_URL=$(BENCH_DATABASE_URL) BENCH_SCALE=$(BENCH_SCALE) \
	  .venv/bin/pytest tests/bench/board -q -s -p no:xdist --override-ini addopts=

# Refresh the English catalogue after changing Dutch interface strings.
messages: $(STAMP)
	$(PY) manage.py makemessages -l en --no-obsolete --ignore=.venv --ignore=tests --ignore=staticfiles --ignore=test-artifacts
