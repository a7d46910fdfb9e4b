import { prisma } from '@/lib/db';

// The record the id names, as stored: what the request sent is only the
// key it was looked up by.
export function getEvent(id) {
  return prisma.event.findFirst({ where: { id, deletedAt: null } });
}
