CREATE TABLE half ( -- want: asset user-data half email
  email TEXT,
  name TEXT DEFAULT ('
