# Not routes: a dict's get, and a blueprint() call on an object that is
# no Sanic app.
class Registry:
    def blueprint(self, bp):
        return bp


registry = Registry()
registry.blueprint({"path": "/nope"})
settings = {}
value = settings.get("/also/not")
