const { PrismaClient } = require("@prisma/client");
const bcrypt = require("bcryptjs");

const prisma = new PrismaClient();

async function updateMember(id, input) {
  const hashed = await bcrypt.hash(input.password, 10);
  await prisma.user.update({ where: { id: Number(id) }, data: { email: input.email, password: hashed } });
}

module.exports = { updateMember };
