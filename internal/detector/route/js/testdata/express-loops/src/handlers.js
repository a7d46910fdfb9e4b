exports.listPlans = (req, res) => res.json([]);
exports.showPlan = (req, res) => res.json({ id: req.params.id });
exports.ping = (req, res) => res.send('pong');
