const knex = require("./db");

// The repository's own create stores whatever object it is given.
async function create(params) {
  const [note] = await knex("notes").insert(params, "*");
  return note;
}

module.exports = { create };
