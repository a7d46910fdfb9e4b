const db = require('../db');

exports.list = async (req, res) => {
  res.json(await db.users.findMany({ take: 50 }));
};

exports.avatar = async (req, res) => {
  await db.users.update({ where: { id: Number(req.params.id) }, data: { avatar: req.file.path } });
  res.status(204).end();
};

exports.removeAvatar = async (req, res) => {
  await db.avatars.deleteMany({ where: { userId: req.params.id } });
  res.status(204).end();
};
