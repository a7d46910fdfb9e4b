// knex: the up direction creates journal_entries and archive; down drops them
// again, which is no drop of the product's tables.
exports.up = async function (knex) {
  await knex.schema.createTable("journal_entries", (t) => { // want: asset user-data journal_entries body
    t.increments("id");
    t.text("body");
  });
  await knex.schema.createTable("archive", (t) => {
    t.increments("id");
    t.text("comment");
  });
};

exports.down = async function (knex) {
  await knex.schema.dropTable("journal_entries");
  await knex.schema.dropTable("archive");
};
