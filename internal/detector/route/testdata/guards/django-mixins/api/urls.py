from django.urls import include, path
from rest_framework import routers

from api import views


class ApiRouter(routers.DefaultRouter):
    """The app's router: DRF's, with a root view of its own."""

    include_format_suffixes = False


class EventRouter:
    """Routes domain events to handlers; no URLs."""

    def __init__(self):
        self.handlers = {}

    def register(self, name, handler):
        self.handlers[name] = handler

    @property
    def urls(self):
        return []


router = ApiRouter()
router.register(r"patients", views.PatientViewSet)  # want: GET /api/patients auth=required; GET /api/patients/{pk} auth=required
router.register(r"leaflets", views.LeafletViewSet)  # want: GET /api/leaflets auth=none; GET /api/leaflets/{pk} auth=none
router.register(r"visits", views.VisitViewSet)  # want: GET /api/visits auth=none; GET /api/visits/{pk} auth=none; POST /api/visits auth=required role=staff; PUT /api/visits/{pk} auth=required role=staff; PATCH /api/visits/{pk} auth=required role=staff; DELETE /api/visits/{pk} auth=required role=staff
router.register(r"slots", views.SlotViewSet)  # want: GET /api/slots auth=none; GET /api/slots/{pk} auth=none
router.register(r"notes", views.NoteViewSet)  # want: GET /api/notes auth=required; POST /api/notes auth=required; GET /api/notes/{pk} auth=required; PUT /api/notes/{pk} auth=required; PATCH /api/notes/{pk} auth=required; DELETE /api/notes/{pk} auth=required; POST /api/notes/archive auth=required; POST /api/notes/purge auth=required role=admin; POST /api/notes/feedback auth=none; POST /api/notes/ping auth=none

events = EventRouter()
events.register(r"audit", views.PatientViewSet)

urlpatterns = [
    path("api/", include(router.urls)),
    path("events/", include(events.urls)),
]
