import express from 'express';
import auth from './auth/auth';
import legacy from './legacy/routes';

const app = express();
const api = express.Router();

// want: GET /api/me
// want: auth GET /api/me required
api.get('/me', auth.required, (req: any, res: any) => res.json(req.auth));

// want: GET /api/feed
// want: auth GET /api/feed none
api.get('/feed', auth.loose, (req: any, res: any) => res.json([]));

// want: GET /api/stats
// want: auth GET /api/stats none
api.get('/stats', auth.trace, (req: any, res: any) => res.json({}));

// A router every route of which the member guards.
const account = express.Router();
account.use(auth.required);
// want: DELETE /api/account
// want: auth DELETE /api/account required
account.delete('/', (req: any, res: any) => res.sendStatus(204));
api.use('/account', account);

app.use('/api', api);
app.use('/legacy', legacy);
app.listen(3000);
