import sqlite3

import sqlite_vec


class ChunkStore:
    def __init__(self, folder):
        self.conn = sqlite3.connect(f"{folder}/chunks.db")
        self.conn.enable_load_extension(True)
        sqlite_vec.load(self.conn)  # want: store vector-index Vector index (sqlite-vec)
