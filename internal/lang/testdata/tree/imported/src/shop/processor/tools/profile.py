# Imported by a test and a script only: a developer's tool.
import cProfile


def profile(fn):
    return cProfile.runctx("fn()", globals(), {"fn": fn})
