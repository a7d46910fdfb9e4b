// Imported only by the page's component: its call goes from the user's
// browser, though it reads no global itself.
export const track = () => fetch("https://api.lookalike-helper.io/v1/event", { method: "POST", body: "{}" });
