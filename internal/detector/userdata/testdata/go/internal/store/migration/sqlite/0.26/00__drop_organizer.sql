-- A later release drops what an earlier one created: memo_organizer is gone.
DROP TABLE memo_organizer;
