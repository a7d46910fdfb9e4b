import sqlite3

from pymongo import MongoClient

mongo = MongoClient()["shop"]


def connect():
    return sqlite3.connect("shop.db")


def find_items(name):
    cur = connect().cursor()
    cur.execute(f"SELECT id, name FROM items WHERE name = '{name}'")  # want: sql-injection via=query
    return cur.fetchall()


def find_items_safely(name):
    cur = connect().cursor()
    cur.execute("SELECT id, name FROM items WHERE name = ?", (name,))
    return cur.fetchall()


def count_items():
    cur = connect().cursor()
    cur.execute("SELECT count(*) FROM items")
    return cur.fetchone()[0]
