import { prisma } from "./db";

export async function fileReport(session: { user: { id: string } }, summary: string) {
  return prisma.report.create({ data: { summary, createdById: session.user.id } });
}
