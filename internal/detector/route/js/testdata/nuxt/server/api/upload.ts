export default defineEventHandler(async (event) => { // want: POST /api/upload
  if (event.method !== 'POST') {
    throw createError({ statusCode: 405 });
  }
  const form = await readMultipartFormData(event);
  return { files: form?.length ?? 0 };
});
