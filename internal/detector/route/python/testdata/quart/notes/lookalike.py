# Not a route: a client whose get() takes a path, in a module that uses
# no web framework.
class Cache:
    def get(self, key):
        return None


cache = Cache()


@cache.get("/not/a/route")
def nothing():
    pass
