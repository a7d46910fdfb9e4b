from werkzeug.exceptions import HTTPException


class SeeOther(HTTPException):
    """Sends the browser elsewhere with a 303."""

    code = 303

    def __init__(self, target):
        super().__init__()
        self.target = target
