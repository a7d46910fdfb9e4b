# Not routes: a route planner's Route and Mount, in a module that uses no
# web framework.
class Route:
    def __init__(self, path, stop):
        self.path, self.stop = path, stop


class Mount:
    def __init__(self, path, routes):
        self.path, self.routes = path, routes


trips = [Route("/bus/42", "centre"), Mount("/rail", routes=[Route("/north", "x")])]
