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


def in_group(user, groups):
    """Anonymous callers are in no group."""
    if not user.is_authenticated:
        return False
    return user.groups.filter(name__in=groups).exists()


def anyone(user, groups):
    """Lookalike: a helper handed the caller that lets everyone in."""
    return True


class IsMember(BasePermission):
    def has_permission(self, request, view):
        return in_group(request.user, ["member"])


class IsAdmin(BasePermission):
    def has_permission(self, request, view):
        return in_group(request.user, ["admin"])


class Open(BasePermission):
    def has_permission(self, request, view):
        return anyone(request.user, ["member"])


class SignedIn(BasePermission):
    def has_permission(self, request, view):
        return request.user.is_authenticated


class ScopeOnly(BasePermission):
    """Checks an OAuth token's scope when there is one; lets other callers through."""

    def has_permission(self, request, view):
        return True
