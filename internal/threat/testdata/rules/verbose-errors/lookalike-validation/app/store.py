import sqlite3


def save_card(card):
    db = sqlite3.connect("cards.db")
    db.execute("INSERT INTO cards (holder, expiry_month) VALUES (?, ?)", (card.holder, card.expiry_month))
    db.commit()
