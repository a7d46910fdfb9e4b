import os

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/srv/media")
