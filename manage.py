#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stagebeheer.settings")
    # manage.py is the developer's tool: without configuration it runs in DEBUG
    # so it needs no SECRET_KEY. Production sets DEBUG=false (docker-compose,
    # README) and serves through wsgi.py, which has no such default.
    os.environ.setdefault("DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
