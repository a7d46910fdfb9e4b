// A sub-router exported as its middleware (audit.routes()), aggregated,
// then mounted with one.
const Router = require('@koa/router');
const audit = require('./audit');

const admin = new Router();
admin.use(audit);

const outer = new Router();
outer.use('/admin', admin.routes());

module.exports = outer;
