// A note is created for the caller by connecting them to its author
// relation; a page's reviewer is whoever the request body names.
import { prisma } from "./db";

export async function addNote(session: { user: { id: string } }, title: string) {
  return prisma.note.create({
    data: {
      title,
      author: { connect: { id: session.user.id } },
    },
  });
}

export async function assignReviewer(body: { pageId: string; reviewerId: string }) {
  return prisma.page.update({
    where: { id: body.pageId },
    data: { reviewer: { connect: { id: body.reviewerId } } },
  });
}
