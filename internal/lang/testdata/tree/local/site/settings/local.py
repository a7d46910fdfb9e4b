# The deployment's own overrides: named local, loaded in production.
from .prod import *

TIME_ZONE = "Europe/Berlin"
