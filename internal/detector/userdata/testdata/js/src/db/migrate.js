exports.up = async (knex) => {
  await knex.schema.createTable("contacts", (t) => { // want: asset user-data contacts phone_number,postal_code
    t.increments("id");
    t.string("phone_number");
    t.string("postal_code");
    t.boolean("email_opt_in");
    t.timestamps();
  });
  await knex.schema.createTable("tags", (t) => {
    t.increments("id");
    t.string("label");
  });
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS audit_trail ( -- want: asset user-data audit_trail remote_addr
      id serial primary key,
      remote_addr inet
    )`);
};
