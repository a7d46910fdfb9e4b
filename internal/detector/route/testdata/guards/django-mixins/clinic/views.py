from django.http import HttpResponse
from django.contrib.auth.mixins import PermissionRequiredMixin, UserPassesTestMixin
from django.views.generic import TemplateView, UpdateView, View

from clinic.mixins import ClinicPermissionMixin, MaintenanceMixin, StaffOnlyMixin


class StaffPanel(StaffOnlyMixin, TemplateView):
    template_name = "staff.html"


class Notice(MaintenanceMixin, View):
    def get(self, request):
        return HttpResponse("open")


class StaffEdit(PermissionRequiredMixin, StaffOnlyMixin, UpdateView):
    permission_required = ("clinic.change_patient",)
    fields = ["name"]


class VisitRestart(PermissionRequiredMixin, View):
    """django.contrib.auth's mixin: a caller without the permission is turned away."""

    permission_required = ("clinic.change_visit",)

    def post(self, request, pk):
        return HttpResponse("restarted")


class PatientOwnerOnly(UserPassesTestMixin, View):
    def test_func(self):
        return self.request.user.groups.filter(name="nurses").exists()

    def get(self, request, pk):
        return HttpResponse("patient")


class WardEdit(ClinicPermissionMixin, View):
    permission_required = "clinic.change_ward"

    def post(self, request, pk):
        return HttpResponse("saved")
