class InvalidParameter(Exception):
    """A parameter the caller sent is not one the query takes."""
