# A module of the app named dev: no production module beside it.
DEV_ROUTE_PREFIX = "/dev"


def handler(request):
    return {"ok": True}
