import os
import sqlite3
import sys

# A script an operator runs: no request reaches it.
name = sys.argv[1]
os.system(f"cp /srv/shop/{name} /backups/")
sqlite3.connect("shop.db").execute(f"DELETE FROM items WHERE name = '{name}'")
