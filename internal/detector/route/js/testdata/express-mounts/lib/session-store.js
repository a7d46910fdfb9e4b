export async function loadSession(req, res) {
  const token = req.headers['x-session-token'];
  const row = token ? await db.sessions.get(token) : null;
  if (!row) {
    res.status(401).send({ reason: 'unauthorized' });
    return null;
  }
  return row;
}
