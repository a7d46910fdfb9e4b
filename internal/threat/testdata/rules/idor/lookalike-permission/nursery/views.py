from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.views.generic import RedirectView

from nursery import models


# A household shares its timers: django.contrib.auth's permission mixin
# turns away a caller without the change permission, which is the
# household's own grant, before post runs.
class TimerRestart(PermissionRequiredMixin, RedirectView):
    http_method_names = ["post"]
    permission_required = ("nursery.change_timer",)

    def post(self, request, *args, **kwargs):
        timer = models.Timer.objects.get(id=kwargs["pk"])
        timer.restart()
        return redirect("/timers/")
