from rest_framework import viewsets

from api.permissions import EveryoneReads, MethodOnly, StaffWrites
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
