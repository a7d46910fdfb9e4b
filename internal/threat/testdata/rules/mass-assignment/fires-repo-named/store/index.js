const note = require("./note");

module.exports = {
  note,
};
