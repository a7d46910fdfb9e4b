// The product is PostHog (its packages' scope): its own analytics client
// is no third party.
import { PostHog } from "posthog-node";

export const ph = new PostHog(process.env.POSTHOG_API_KEY ?? "");
