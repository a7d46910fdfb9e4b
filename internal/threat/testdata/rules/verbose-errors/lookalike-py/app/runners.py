import sqlite3


class Runner:
    def run_query(self, rid, params):
        try:
            db = sqlite3.connect("reports.db")
            return db.execute("SELECT * FROM rows WHERE report = ?", (rid,)).fetchall(), None
        except Exception as e:
            # the caller decides what to answer with it
            return None, str(e)


def refresh_schema(source):
    try:
        return {"schema": source.schema()}
    except Exception as e:
        return {"error": {"message": "schema refresh failed", "details": str(e)}}
