class Item:
    def __init__(self, **fields):
        self.__dict__.update(fields)

    @classmethod
    def get(cls, item_id):
        return cls(id=item_id)

    def save(self):
        pass


class User(Item):
    pass
