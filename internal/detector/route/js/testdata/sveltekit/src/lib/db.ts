// Not a route: a module beside the routes that exports GET-like names.
export const db: any = {};
export const GET = 'not a handler';
