// Reads the page when there is one, but server code imports it: it runs
// on the server too.
function bannerText() {
  return "Welcome";
}
function showBanner() {
  document.body.prepend(bannerText());
}
module.exports = { bannerText, showBanner };
