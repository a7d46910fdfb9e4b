const { PrismaClient } = require("@prisma/client");
const bcrypt = require("bcryptjs");
const jwt = require("jsonwebtoken");

const prisma = new PrismaClient();

async function createMember(input) {
  const hashed = await bcrypt.hash(input.password, 10);
  const user = await prisma.user.create({ data: { email: input.email, password: hashed } });
  return { id: user.id, token: jwt.sign({ sub: user.id }, process.env.SIGNING_KEY) };
}

module.exports = { createMember };
