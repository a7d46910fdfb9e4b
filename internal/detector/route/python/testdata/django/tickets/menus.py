class Router:
    """A menu of its own, not Django Ninja's: its get() is no route."""

    def get(self, path):
        return lambda fn: fn


menu = Router()


@menu.get("/menu/recent")
def recent_menu():
    return []
