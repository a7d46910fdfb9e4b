const mongoose = require("mongoose");

// The schema keeps the hash out of every query unless asked for.
const accountSchema = new mongoose.Schema({
  email: String,
  password: { type: String, select: false },
});

module.exports = mongoose.model("Account", accountSchema);
