from .base import *

SECRET_KEY = "unknown"
