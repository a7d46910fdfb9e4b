import sqlite3

conn = sqlite3.connect("./data/regtest.sqlite3")
