const db = require("./db");

async function exchangeCode(provider, code) {
  return db.query("INSERT INTO grants (provider, code) VALUES ($1, $2)", [provider, code]);
}
async function listWebhooks(userId) {
  return db.query("SELECT * FROM webhooks WHERE user_id = $1", [userId]);
}
async function saveWebhook(userId, url) {
  return db.query("INSERT INTO webhooks (user_id, url) VALUES ($1, $2)", [userId, url]);
}
async function removeWebhook(userId, id) {
  return db.query("DELETE FROM webhooks WHERE user_id = $1 AND id = $2", [userId, id]);
}

module.exports = { exchangeCode, listWebhooks, saveWebhook, removeWebhook };

async function markPaid(orderId, status) {
  return db.query("UPDATE orders SET status = $2 WHERE id = $1", [orderId, status]);
}
module.exports.markPaid = markPaid;
