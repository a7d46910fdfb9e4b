const sessions = new Map();

async function findSession(token) {
  return sessions.get(token);
}

module.exports = { findSession };
