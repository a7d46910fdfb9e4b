from .base import *

SECRET_KEY = "dev-only"
DEBUG = True
