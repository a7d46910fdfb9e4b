// The code writes the signed-in user's id into Pin.createdBy: the column
// is an owner key though the schema declares no relation. Template's
// createdBy is only ever written from a constant.
import { db } from "./db";

export async function pin(req: { user: { id: string }; body: { resourceId: string } }) {
  const userId = req.user.id;
  return db.pin.create({
    data: {
      resourceId: req.body.resourceId,
      createdBy: userId,
    },
  });
}

export async function seedTemplates() {
  await db.template.create({
    data: { name: "Starter", createdBy: "system" },
  });
}
