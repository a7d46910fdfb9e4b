const express = require('express');
const fs = require('fs');
const path = require('path');
const multer = require('multer');
const AdmZip = require('adm-zip');
const yaml = require('js-yaml');

const router = express.Router();
const upload = multer({ storage: multer.memoryStorage() });
const DEST = '/srv/uploads';

// The uploaded file's own name picks where it is written.
router.post('/avatar', upload.single('avatar'), (req, res) => {
  fs.writeFileSync(path.join(DEST, req.file.originalname), req.file.buffer); // want: path-traversal via=file-name
  res.end();
});

// Lookalike: only the base name is kept.
router.post('/avatar-safe', upload.single('avatar'), (req, res) => {
  fs.writeFileSync(path.join(DEST, path.basename(req.file.originalname)), req.file.buffer);
  res.end();
});

// The uploaded file's contents, loaded with types.
router.post('/config', upload.single('config'), (req, res) => {
  const conf = yaml.load(req.file.buffer.toString()); // want: unsafe-deserialization via=file-name
  res.json(conf);
});

// Zip slip: an entry's name joined to the folder with no root check.
router.post('/bundle', upload.single('bundle'), (req, res) => {
  const zip = new AdmZip(req.file.buffer);
  for (const entry of zip.getEntries()) {
    fs.writeFileSync(path.join(DEST, entry.entryName), entry.getData()); // want: path-traversal via=file-name
  }
  res.end();
});

// Lookalike: the joined path is checked against the root first.
router.post('/bundle-safe', upload.single('bundle'), (req, res) => {
  const zip = new AdmZip(req.file.buffer);
  zip.getEntries().forEach((entry) => {
    const target = path.resolve(DEST, entry.entryName);
    if (!target.startsWith(DEST + path.sep)) {
      return;
    }
    fs.writeFileSync(target, entry.getData());
  });
  res.end();
});

module.exports = router;
