import sqlite3


def run(rid, opts=None):
    db = sqlite3.connect("reports.db")
    return db.execute("SELECT * FROM rows WHERE report = ?", (rid,)).fetchall()
