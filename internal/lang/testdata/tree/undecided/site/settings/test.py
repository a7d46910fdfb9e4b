from .base import *

SECRET_KEY = "tests"
