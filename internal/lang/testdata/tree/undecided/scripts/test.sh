#!/bin/sh
exec python manage.py test --settings=site.settings.test "$@"
