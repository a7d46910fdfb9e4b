from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = True
ROOT_URLCONF = "mysite.urls"
INSTALLED_APPS = ["django.contrib.staticfiles", "blog"]

MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STATIC_URL = "static/"
# Where collectstatic copies to: not in the tree.
STATIC_ROOT = BASE_DIR / "staticfiles"
