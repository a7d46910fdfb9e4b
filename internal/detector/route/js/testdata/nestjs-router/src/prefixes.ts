export const PUBLIC_PREFIX = '/v2';
