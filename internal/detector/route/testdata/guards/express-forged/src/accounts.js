const bcrypt = require('bcryptjs');
const db = require('./db');

async function signIn(payload) {
  const account = await db.accounts.findOne({ email: payload.email });
  if (!account || !(await bcrypt.compare(payload.password, account.password))) {
    const err = new Error('wrong e-mail or password');
    err.status = 401;
    throw err;
  }
  return { email: account.email };
}

async function checkBasic(req) {
  const [user, password] = Buffer.from((req.headers.authorization || '').slice(6), 'base64').toString().split(':');
  const account = await db.accounts.findOne({ email: user });
  if (!account || !(await bcrypt.compare(password, account.password))) {
    throw Object.assign(new Error('unauthorized'), { status: 401 });
  }
}

module.exports = { signIn, checkBasic };
