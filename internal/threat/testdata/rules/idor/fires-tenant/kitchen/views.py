from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404

from kitchen.models import Pantry


# The household comes from the query string, which the caller chooses:
# no scope at all.
@login_required
def show_pantry(request, pk):
    pantry = get_object_or_404(Pantry, pk=pk, household=request.GET.get("household"))
    return JsonResponse({"label": pantry.label})


# The household compared is the record's own: always equal.
@login_required
def pantry_label(request, pk):
    pantry = Pantry.objects.get(pk=pk)
    if pantry.household != pantry.household:
        return HttpResponseRedirect("/")
    return JsonResponse({"label": pantry.label})


class HouseholdPermission:
    def has_object_permission(self, request, view, obj):
        return obj.household == request.household


# The permission is asked and its answer dropped.
@login_required
def pantry_export(request, pk):
    pantry = Pantry.objects.get(pk=pk)
    HouseholdPermission().has_object_permission(request, pantry_export, pantry)
    return JsonResponse({"label": pantry.label})
