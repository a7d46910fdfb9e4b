# Nothing here names a route: the reader never parses this package, yet
# "from . import views" in staff/urls.py reaches its subpackages.
from staff.views.rota import handlers as rota_handlers
