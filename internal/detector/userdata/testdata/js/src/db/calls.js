exports.up = async (knex) => {
  await knex.schema.createTable("calls", (t) => { // want: asset user-data calls minutes
    t.increments("id");
    t.integer("contact_id").unsigned().references("id").inTable("contacts");
    t.integer("minutes");
  });
  await knex.schema.createTable("rates", (t) => {
    t.increments("id");
    t.integer("tag_id").references("tags.id");
    t.integer("cents");
  });
};
