from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from api.permissions import EveryoneReads, IsAdmin, IsMember, MethodOnly, Open, ScopeOnly, SignedIn, StaffWrites
from clinic.models import Patient, Visit, Leaflet, Slot


class PatientViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Patient.objects.all()


class LeafletViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Leaflet.objects.all()
    permission_classes = [EveryoneReads]


class VisitViewSet(viewsets.ModelViewSet):
    queryset = Visit.objects.all()
    permission_classes = [StaffWrites]


class SlotViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Slot.objects.all()
    permission_classes = [MethodOnly]


class NoteViewSet(viewsets.ModelViewSet):
    # Composed classes: & lets a caller through only when both do.
    queryset = Leaflet.objects.all()
    permission_classes = [SignedIn & ScopeOnly]

    # An action's own classes, through a helper that tests the caller.
    @action(detail=False, methods=["post"], permission_classes=[IsMember])
    def archive(self, request):
        return Response(status=204)

    @action(detail=False, methods=["post"], permission_classes=[IsAdmin])
    def purge(self, request):
        return Response(status=204)

    # Lookalike: a helper handed the caller that lets everyone in.
    @action(detail=False, methods=["post"], permission_classes=[Open])
    def feedback(self, request):
        return Response(status=204)

    # Lookalike: | lets in whoever either class lets in.
    @action(detail=False, methods=["post"], permission_classes=[IsMember | AllowAny])
    def ping(self, request):
        return Response(status=204)
