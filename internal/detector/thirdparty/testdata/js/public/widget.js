// The page's script: its calls go from the user's browser.
document.querySelector("#go").addEventListener("click", () => {
  fetch("https://api.lookalike-browser.io/v1/ping", { method: "POST", body: "{}" });
});
