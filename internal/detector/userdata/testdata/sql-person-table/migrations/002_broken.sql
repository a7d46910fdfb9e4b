CREATE TABLE broken (
  id TEXT PRIMARY KEY,
  colour TEXT