const path = require("path");

async function uploadReceipt(req, res) {
  const allowed = [".pdf", ".png"];
  const ext = path.extname(req.file.originalname);
  if (!allowed.includes(ext)) {
    console.warn("odd receipt type", ext);
  }
  await fs.promises.writeFile(path.join("uploads", req.file.originalname), req.file.buffer);
  res.sendStatus(204);
}
