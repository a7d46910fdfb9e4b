const { Sequelize, DataTypes } = require("sequelize");

const sequelize = new Sequelize(process.env.DATABASE_URL);

const Cart = sequelize.define("Cart", { items: DataTypes.JSON });
const User = sequelize.define("User", { username: DataTypes.STRING });

module.exports = { Cart, User, sequelize };
