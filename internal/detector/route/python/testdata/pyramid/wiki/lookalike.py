# Not Pyramid: a menu registry's add_route and a view_config of another
# library's, naming a route no Pyramid view serves.
from menus.decorators import view_config


class Menu:
    def add_route(self, name, pattern):
        pass


menu = Menu()
menu.add_route("ghost", "/ghost")


@view_config(route_name="unused")
def ghost(request):
    return {}
