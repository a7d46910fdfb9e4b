// A later migration drops archive; its down direction re-creates it,
// which is the past, not a table of the product.
exports.up = (knex) => knex.schema.dropTableIfExists("archive");

exports.down = (knex) =>
  knex.schema.createTable("archive", (t) => {
    t.increments("id");
    t.text("comment");
  });
