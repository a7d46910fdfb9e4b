from .base import *

SECRET_KEY = "staging-only"
