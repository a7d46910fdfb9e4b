import os

from .common import *

if os.environ.get("APP_ENV") == "development":
    from .dev import *
else:
    from .live import *

if os.environ.get("FEATURE_SEARCH") == "on":
    from .search import *
