from .base import *

ALLOWED_HOSTS = ["site.example.com"]
