const knex = require("./db");

// The repository's own create: it picks each column by name, so a field
// the body adds is never stored.
async function create(params) {
  const [note] = await knex("notes").insert({
    title: params.title,
    text: params.text,
    pinned: params.pinned ?? false,
  }, "*");
  return note;
}

module.exports = { create };
