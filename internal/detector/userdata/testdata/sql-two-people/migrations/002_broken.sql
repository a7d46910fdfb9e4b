CREATE TABLE broken (
  id TEXT