import logging

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler


def signed_in_guard(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    if not connection.user:
        raise NotAuthorizedException()


def staff_guard(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    if not connection.user.is_staff:
        raise PermissionDeniedException("staff only")


def audit_guard(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    # Named like the others; it only records who called.
    logging.info("user %s", connection.scope.get("user"))
