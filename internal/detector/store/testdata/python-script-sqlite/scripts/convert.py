import sqlite3

conn = sqlite3.connect("old_export.sqlite3")
