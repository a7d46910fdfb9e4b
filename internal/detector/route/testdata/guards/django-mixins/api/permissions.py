from rest_framework.permissions import SAFE_METHODS, BasePermission, DjangoModelPermissions, IsAuthenticated


class ModelPerms(DjangoModelPermissions):
    """Model permissions, with view rights needed to read."""

    perms_map = {
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "POST": ["%(app_label)s.add_%(model_name)s"],
    }


class EveryoneReads(IsAuthenticated):
    """Extends IsAuthenticated but lets anyone in."""

    def has_permission(self, request, view):
        return True


class StaffWrites(BasePermission):
    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or request.user.is_staff


class MethodOnly(BasePermission):
    def has_permission(self, request, view):
        return request.method in SAFE_METHODS
