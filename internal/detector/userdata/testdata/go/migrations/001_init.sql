-- CREATE TABLE commented_out (password TEXT);
CREATE TABLE IF NOT EXISTS public.accounts ( -- want: asset user-data accounts date_of_birth,email,phone,ssn
    id BIGSERIAL PRIMARY KEY,
    email VARCHAR(320) NOT NULL UNIQUE,
    phone VARCHAR(32),
    ssn CHAR(11),
    date_of_birth DATE,
    balance_cents BIGINT NOT NULL DEFAULT 0, -- want: asset integrity accounts balance_cents
    created_at TIMESTAMPTZ DEFAULT now(),
    CONSTRAINT accounts_email_check CHECK (email <> ''),
    UNIQUE (phone)
);

create table audit_log (
    id bigserial primary key,
    action text not null,
    at timestamptz
);

CREATE TABLE `api_tokens` ( -- want: asset user-data api_tokens token_hash
  `id` INT NOT NULL AUTO_INCREMENT,
  `token_hash` VARCHAR(64) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;
