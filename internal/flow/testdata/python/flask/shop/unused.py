import os


def cleanup(path):
    # Nothing in the app calls this: no route reaches it.
    os.system("rm -rf " + path)  # want: command-injection reach=none
