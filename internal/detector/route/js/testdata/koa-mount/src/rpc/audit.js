const Router = require('@koa/router');

const audit = new Router();
audit.get('/events', async (ctx) => { ctx.body = []; }); // want: GET /rpc/admin/events

module.exports = audit.routes();
