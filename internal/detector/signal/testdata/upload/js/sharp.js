const sharp = require("sharp");

async function uploadCover(req, res) {
  const out = await sharp(req.file.buffer)
    .resize(800)
    .webp()
    .toBuffer();
  await saveCover(coverPath(req.user.id), out);
  res.sendStatus(204);
}
