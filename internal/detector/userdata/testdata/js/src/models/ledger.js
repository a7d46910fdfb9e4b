const { DataTypes, Model } = require("sequelize");
const sequelize = require("../db");
const { Invite } = require("./order");

// Belongs to the invite (whose invitee is a person) by a column reference.
const Reminder = sequelize.define("Reminder", { // want: asset user-data Reminder dueOn
  inviteId: { type: DataTypes.INTEGER, references: { model: "Invites", key: "id" } },
  dueOn: DataTypes.DATEONLY,
});

class Voucher extends Model {
  static associate(models) {
    this.belongsTo(models.Invite);
  }
}
Voucher.init({ code: DataTypes.STRING }, { sequelize }); // want: asset user-data Voucher code

const Stamp = sequelize.define("Stamp", { colour: DataTypes.STRING }); // want: asset user-data Stamp colour
Invite.hasMany(Stamp);

// Lookalike: a currency table no one owns, referenced by others.
const Currency = sequelize.define("Currency", { symbol: DataTypes.STRING });
Voucher.belongsTo(Currency);

module.exports = { Reminder, Voucher, Stamp, Currency };
