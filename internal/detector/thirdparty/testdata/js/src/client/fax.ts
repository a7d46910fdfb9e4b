// A server's API client in a folder named client: the chat route imports
// it, so its call leaves the product's servers.
export const sendFax = (to: string) =>
  fetch("https://api.serverfax.io/v1/fax", { method: "POST", body: to }); // want: third-party serverfax.io
