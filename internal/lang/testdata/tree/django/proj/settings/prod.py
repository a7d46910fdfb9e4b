import os

from .base import *
from .logging import *

ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")
