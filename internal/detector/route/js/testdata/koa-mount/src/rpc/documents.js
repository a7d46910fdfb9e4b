const Router = require('@koa/router');

const router = new Router();

router.post('documents.list', async (ctx) => { ctx.body = []; }); // want: POST /rpc/documents.list
router.post('documents.info', async (ctx) => { ctx.body = {}; }); // want: POST /rpc/documents.info
router.post('documents.delete', async (ctx) => { ctx.status = 204; }); // want: POST /rpc/documents.delete

module.exports = router;
