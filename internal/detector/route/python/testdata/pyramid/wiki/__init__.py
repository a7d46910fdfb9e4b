# A Pyramid wiki: routes named in an includeme, views that name them with
# @view_config (and @view_defaults on a class) or config.add_view, and a
# security policy with a root ACL: a permission the ACL grants to Everyone
# guards nothing, one it grants only to signed-in callers does.
from pyramid.config import Configurator

from wiki.resources import Root
from wiki.security import WikiPolicy
from wiki.views import health


def main(global_config, **settings):
    with Configurator(settings=settings, root_factory=Root) as config:
        config.set_security_policy(WikiPolicy())
        config.include(".routes")
        config.include("wiki.admin", route_prefix="/admin")
        config.add_view(health, route_name="health", request_method="GET", renderer="json")
        config.scan()
    return config.make_wsgi_app()
