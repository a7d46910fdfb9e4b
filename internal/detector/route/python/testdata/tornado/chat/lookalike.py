# Not routes: a desktop toolkit's Application given a list of pairs.
class Application:
    def __init__(self, windows):
        self.windows = windows


ui = Application([("/main", object), ("/settings", object)])
