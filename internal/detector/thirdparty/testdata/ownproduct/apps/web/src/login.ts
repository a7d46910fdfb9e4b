// Another package of the product's own npm scope (packages/elements is
// @teamhanko/elements): the catalogue's @teamhanko/* is the product itself.
import { register } from "@teamhanko/hanko-frontend-sdk";

export const login = register(process.env.HANKO_API_URL);
