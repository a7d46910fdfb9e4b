# The app's database file is named at run time; two hand-run scripts
# name files of their own, which are no stores the app keeps.
# want: store sqlite SQLite
import os
import sqlite3


def connect(folder, name):
    return sqlite3.connect(os.path.join(folder, f"{name}.sqlite3"))
