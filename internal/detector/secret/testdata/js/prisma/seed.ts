import { PrismaClient } from '@prisma/client';
import bcrypt from 'bcrypt';

const prisma = new PrismaClient();

async function main() {
  await prisma.user.create({
    data: {
      email: 'admin@acme.test',
      password: await bcrypt.hash('Sup3rAdm1n!', 10), // want: secret default-password
      role: 'admin',
    },
  });
  await prisma.user.create({ data: { email: 'demo@acme.test', password: process.env.DEMO_PASSWORD } });
}

main();
