# One image for web, worker and beat (docker-compose.yml picks the command).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

# WeasyPrint's libraries (harfbuzz-subset makes it ~3x faster), gettext for
# the translations, fonts for the PDFs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 gettext fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
# Editable, because templates/, static/ and locale/ live beside the packages.
RUN pip install -e . \
 && python manage.py compilemessages -l en -v 0 \
 && DEBUG=false SECRET_KEY=build-only python manage.py collectstatic --no-input -v 0 \
 && useradd --create-home --uid 1000 stagebeheer \
 && mkdir -p /app/media && chown stagebeheer /app/media

USER stagebeheer
EXPOSE 8000
CMD ["gunicorn", "stagebeheer.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
