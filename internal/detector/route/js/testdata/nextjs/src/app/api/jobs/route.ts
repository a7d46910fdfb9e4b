import { createQueueHandlers } from '../../../lib/queue';

// Handlers destructured from a factory call.
export const { GET, POST } = createQueueHandlers({ queue: 'jobs' }); // want: GET /api/jobs; POST /api/jobs
