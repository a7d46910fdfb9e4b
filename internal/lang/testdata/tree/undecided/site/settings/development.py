from .base import *

SECRET_KEY = "development"
DEBUG = True
