from pyramid.authorization import ALL_PERMISSIONS, Allow, Authenticated, Everyone


class Root:
    __acl__ = [
        (Allow, Everyone, "view"),
        (Allow, Authenticated, "edit"),
        (Allow, "group:admin", ALL_PERMISSIONS),
    ]

    def __init__(self, request):
        self.request = request
