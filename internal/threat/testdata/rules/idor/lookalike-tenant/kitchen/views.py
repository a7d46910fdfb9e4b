from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404

from kitchen.models import Pantry


# The lookup is scoped by the caller's household, which middleware set
# from the session: another household's pantry is a 404.
@login_required
def show_pantry(request, pk):
    pantry = get_object_or_404(Pantry, pk=pk, household=request.household)
    return JsonResponse({"label": pantry.label})


# The record's household is compared with the caller's before it is shown.
@login_required
def pantry_label(request, pk):
    pantry = Pantry.objects.get(pk=pk)
    if pantry.household != request.household:
        return HttpResponseRedirect("/")
    return JsonResponse({"label": pantry.label})


class HouseholdPermission:
    def has_object_permission(self, request, view, obj):
        return obj.household == request.household


# A view that loads the record and asks its permission class about it,
# refusing when the answer is no.
@login_required
def pantry_export(request, pk):
    pantry = Pantry.objects.get(pk=pk)
    if not HouseholdPermission().has_object_permission(request, pantry_export, pantry):
        raise PermissionError("not yours")
    return JsonResponse({"label": pantry.label})
