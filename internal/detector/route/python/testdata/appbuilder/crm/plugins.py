def expose(path):
    """A plugin registry's decorator: it records a hook, it serves nothing."""

    def wrap(f):
        return f

    return wrap
