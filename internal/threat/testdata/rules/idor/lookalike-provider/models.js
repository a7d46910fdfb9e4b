const { Sequelize, DataTypes } = require("sequelize");

const sequelize = new Sequelize(process.env.DATABASE_URL);

const Note = sequelize.define("Note", { body: DataTypes.TEXT, ownerId: DataTypes.INTEGER });

module.exports = { Note, sequelize };
