from .base import *

SECRET_KEY = "ci-only"
