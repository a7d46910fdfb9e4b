export default function handler(req, res) { // want: ANY /api/search
  res.json({ q: req.query.q });
}
