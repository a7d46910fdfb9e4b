from pyramid.authentication import SessionAuthenticationHelper
from pyramid.authorization import ACLHelper, Authenticated, Everyone


class WikiPolicy:
    def __init__(self):
        self.helper = SessionAuthenticationHelper()

    def identity(self, request):
        return self.helper.authenticated_userid(request)

    def permits(self, request, context, permission):
        principals = [Everyone]
        if self.identity(request) is not None:
            principals.append(Authenticated)
        return ACLHelper().permits(context, principals, permission)
