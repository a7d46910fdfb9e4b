from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.views.generic import RedirectView

from nursery import models


class PermissionRequiredMixin:
    """The app's own class by the library's name: it checks nothing."""

    permission_required = ()


# Any signed-in caller restarts any timer: the mixin named for a
# permission is the app's own and checks nothing.
class TimerRestart(LoginRequiredMixin, PermissionRequiredMixin, RedirectView):
    http_method_names = ["post"]
    permission_required = ("nursery.change_timer",)

    def post(self, request, *args, **kwargs):
        timer = models.Timer.objects.get(id=kwargs["pk"])
        timer.restart()
        return redirect("/timers/")
