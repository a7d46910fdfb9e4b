const express = require('express');
const { Note } = require('./models');

const router = express.Router();

router.patch('/api/js-notes/:noteId', async (req, res) => {
  const note = await Note.findByPk(req.params.noteId);
  if (!note || note.userId !== req.user.id) {
    throw new Error('not found');
  }
  await note.update({ text: req.body.text });
  res.json(note);
});

module.exports = router;
