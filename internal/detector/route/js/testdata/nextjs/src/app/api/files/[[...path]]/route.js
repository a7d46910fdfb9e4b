export const POST = async (request) => { // want: POST /api/files/{path}
  const form = await request.formData();
  const file = form.get('file');
  await saveUpload(file);
  return Response.json({ ok: true });
};
