from django.shortcuts import redirect

from .binders import Stamp
from .models import Pointer, Title


def add_pointer(request):
    Pointer.objects.create(target=request.POST["target"], added_by=request.user)
    return redirect("/")


def edit_title(request, pk):
    title = Title.objects.get(pk=pk)
    title.last_edited_by = request.user
    title.save()
    return redirect("/")


def my_binders(request, queryset):
    return queryset.filter(keeper=request.user)


def stamps_by(request, reviewer):
    return Stamp.objects.filter(reviewed_by=reviewer)
