module.exports = {
  ssoUrl: process.env.SSO_URL,
  name: 'express-fixture',
};
