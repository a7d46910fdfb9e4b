from .base import *
from .storage import *

TIME_ZONE = "UTC"
