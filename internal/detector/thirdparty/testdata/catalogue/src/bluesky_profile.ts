// Bluesky's public AppView, read without a session.
export const blueskyProfile = (actor: string) => fetch(`https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=${actor}`);
