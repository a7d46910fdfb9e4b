const { DataTypes } = require("sequelize");
const sequelize = require("../db");

// want: asset user-data Order billingAddress,cardLast4
const Order = sequelize.define("Order", {
  amount: { type: DataTypes.INTEGER, allowNull: false },
  cardLast4: DataTypes.STRING(4),
  "billingAddress": { type: DataTypes.TEXT, validate: { notEmpty: { msg: "email required" } } },
  status: DataTypes.STRING,
});

class Invite extends Model {}
Invite.init({ // want: asset user-data Invite inviteeEmail
  inviteeEmail: DataTypes.STRING,
  role: DataTypes.STRING,
}, { sequelize });

module.exports = { Order, Invite };
