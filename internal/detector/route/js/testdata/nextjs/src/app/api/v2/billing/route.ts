// Only POST is served here; GET is not re-exported.
export { POST } from '../../billing/route'; // want: POST /api/v2/billing; auth POST /api/v2/billing required
