// A folder whose name starts with _ routes nothing.
export const GET = () => new Response('draft');
