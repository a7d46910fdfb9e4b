const mongoose = require("mongoose");

const pinSchema = new mongoose.Schema({ // want: asset user-data Pin label
  owner: { type: mongoose.Schema.Types.ObjectId, ref: "Account", required: true },
  label: String,
});

// Lookalike: a list of refs is membership, and createdBy a plain string.
const boardSchema = new mongoose.Schema({
  watchers: [{ type: mongoose.Schema.Types.ObjectId, ref: "Account" }],
  createdBy: String,
  slug: String,
});

module.exports = { Pin: mongoose.model("Pin", pinSchema), Board: mongoose.model("Board", boardSchema) };
