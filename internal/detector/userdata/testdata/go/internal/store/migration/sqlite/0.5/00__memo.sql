-- Each release keeps its migrations in a folder of its own: one history,
-- in release order (0.26 runs after 0.5, though it sorts before it as text).
CREATE TABLE memo_organizer (memo_id INTEGER NOT NULL, user_id INTEGER NOT NULL REFERENCES accounts(id), pinned INTEGER NOT NULL);
CREATE TABLE reaction (id INTEGER PRIMARY KEY, creator_id INTEGER NOT NULL REFERENCES accounts(id), content TEXT NOT NULL); -- want: asset user-data reaction content
