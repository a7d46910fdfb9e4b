export default function handler(req, res) { // want: ANY /api/broken
  res.status(200).json({ ok: true
}
