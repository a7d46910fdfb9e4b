from django.http import HttpResponse
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import TemplateView, UpdateView, View

from clinic.mixins import MaintenanceMixin, StaffOnlyMixin


class StaffPanel(StaffOnlyMixin, TemplateView):
    template_name = "staff.html"


class Notice(MaintenanceMixin, View):
    def get(self, request):
        return HttpResponse("open")


class StaffEdit(PermissionRequiredMixin, StaffOnlyMixin, UpdateView):
    permission_required = ("clinic.change_patient",)
    fields = ["name"]
