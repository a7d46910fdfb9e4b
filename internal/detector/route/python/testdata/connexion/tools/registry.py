class Registry:
    def __init__(self):
        self.apis = []

    def add_api(self, name):
        self.apis.append(name)
