-- The database's first start runs this script: its accounts exist on
-- every database made from it.
create table if not exists members (
  id integer PRIMARY KEY auto_increment,
  login varchar(64) UNIQUE NOT NULL,
  password varchar(255) NOT NULL,
  is_staff boolean default false,
  UNIQUE KEY login_idx (login)
);

create table mail_relay (
  id integer PRIMARY KEY,
  host varchar(255),
  password varchar(255)
);

INSERT INTO `members` VALUES (default, 'operator', 'changeme', true); -- want: secret default-password

-- Lookalike: an account whose password is stored hashed.
INSERT INTO members (login, password, is_staff) VALUES ('auditor', '$2b$12$Qm4vX8rT2pLsWz4qP8vL2uJd5Fg0Sa2k9Vq2Lr7Tx4Nw8Zc3Mb6H', false);

-- Lookalike: a service's credential in a table of settings, no account.
INSERT INTO mail_relay VALUES (1, 'smtp.example.com', 'relay-pass-81');
