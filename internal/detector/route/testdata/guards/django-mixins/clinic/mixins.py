from django.conf import settings
from django.contrib.auth.mixins import AccessMixin, PermissionRequiredMixin


class StaffOnlyMixin(AccessMixin):
    """Turns away anyone who is not staff before the view runs."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_staff:
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class MaintenanceMixin(AccessMixin):
    """Closes the page during maintenance, whoever asks."""

    def dispatch(self, request, *args, **kwargs):
        if settings.MAINTENANCE:
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class ClinicPermissionMixin(PermissionRequiredMixin):
    """The library's permission mixin with the app's login page."""

    login_url = "/login"
