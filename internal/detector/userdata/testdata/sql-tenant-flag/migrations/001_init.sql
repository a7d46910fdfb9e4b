-- want: asset user-data users email
CREATE TABLE users (
  id SERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL
);

-- A site people post to: its name is the site's, not a person's.
CREATE TABLE tenants (
  id SERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  subdomain TEXT NOT NULL
);

-- The site's own labels: no one's, once the site is no person.
CREATE TABLE tags (
  id SERIAL PRIMARY KEY,
  tenant_id INT NOT NULL REFERENCES tenants (id),
  name TEXT NOT NULL,
  color TEXT NOT NULL
);

-- want: asset user-data votes weight
CREATE TABLE votes (
  id SERIAL PRIMARY KEY,
  user_id INT NOT NULL REFERENCES users (id),
  tag_id INT NOT NULL REFERENCES tags (id),
  weight TEXT
);
