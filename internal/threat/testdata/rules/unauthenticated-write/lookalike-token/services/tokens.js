const { Token, User } = require("../models");

// Only the holder of the e-mailed token gets past the lookup.
async function confirmEmail(token) {
  const doc = await Token.findOne({ token, type: "confirm-email", blacklisted: false });
  if (!doc) {
    throw new Error("invalid token");
  }
  await User.updateOne({ _id: doc.user }, { emailConfirmed: true });
  await doc.deleteOne();
}

module.exports = { confirmEmail };
