class BadParameter(Exception):
    """A parameter the caller sent is not one the report takes."""
