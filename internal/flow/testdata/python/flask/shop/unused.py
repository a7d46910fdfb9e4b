import os


def cleanup(path):
    # Nothing in the app calls this: no route reaches it.
    os.system("rm -rf " + path)  # want: command-injection reach=none


def purge(folder):
    # Every caller passes a folder the code chose: no row.
    os.system("rm -rf " + folder)


def rotate():
    purge("/var/cache/shop")
    purge(folder="/var/cache/shop")


def archive(name):
    # Lookalike: one caller passes the query string, so the row stays.
    os.system("tar czf /backups/" + name)  # want: command-injection via=query


def nightly():
    archive("nightly")
