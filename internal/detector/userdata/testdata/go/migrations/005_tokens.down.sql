-- golang-migrate's down file: it drops what the up file created, and
-- would restore the table it replaced, which is no table of the product.
DROP TABLE reset_tokens;
CREATE TABLE legacy_tokens (id BIGSERIAL PRIMARY KEY, token TEXT);
