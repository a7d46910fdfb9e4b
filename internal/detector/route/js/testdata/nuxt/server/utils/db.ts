// Not a route: a helper under server/ outside api/ and routes/.
export default function useDb(): any { return {}; }
