import Router from '@koa/router';

const router = new Router({ prefix: 'teams' });

router.get('members', async (ctx) => { ctx.body = []; }); // want: GET /rpc/teams/members
router.get('/:id', async (ctx) => { ctx.body = {}; }); // want: GET /rpc/teams/{id}

export default router;
