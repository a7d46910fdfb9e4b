// The sandboxes and the widget scripts of the same services.
export const avataxSandbox = () => fetch("https://sandbox-rest.avatax.com/api/v2/utilities/ping");
export const taxjarSandbox = () => fetch("https://api.sandbox.taxjar.com/v2/categories");
export const calApp = () => fetch("https://app.cal.com/api/trpc");
export const calendlyWidget = () => fetch("https://assets.calendly.com/assets/external/widget.js");
