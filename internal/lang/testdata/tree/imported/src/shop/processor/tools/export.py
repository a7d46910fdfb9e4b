# Runs as a program too, but the router imports it: app code.
import sys


def export(rows):
    return [dict(r) for r in rows]


if __name__ == "__main__":
    print(export(sys.argv[1:]))
