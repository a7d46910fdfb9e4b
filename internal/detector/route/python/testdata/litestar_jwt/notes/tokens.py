class JWTAuth:
    def __init__(self, exclude):
        self.exclude = exclude
