const store = require("../store");

async function add(req, res) {
  const note = await store.note.create(req.body);
  res.status(201).send({ id: note.id });
}

module.exports = { add };
