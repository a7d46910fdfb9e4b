import { hc } from 'hono/client';
import type app from './index';

// The typed RPC client: calls, not routes.
const client = hc<typeof app>('http://localhost:8787');
export const listUsers = () => client.api.users.$get();
export const ping = () => fetch('/api/status');
