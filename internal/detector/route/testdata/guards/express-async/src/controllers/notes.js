const catchAsync = require('../utils/catchAsync');

exports.list = catchAsync(async (req, res) => {
  res.json(await Note.find());
});

exports.create = catchAsync(async (req, res) => {
  res.status(201).json(await Note.create(req.body));
});

// The handler checks the caller itself, inside the wrapper.
exports.remove = catchAsync(async (req, res) => {
  if (!req.session.userId) {
    return res.status(401).json({ error: 'sign in first' });
  }
  await Note.deleteOne({ _id: req.params.id, owner: req.session.userId });
  res.sendStatus(204);
});
