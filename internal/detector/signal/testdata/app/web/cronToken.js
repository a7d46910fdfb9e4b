// A token the server drew, shown in the page: no markup anyone wrote.
// The same shape fed from the address or a stored comment still is.
export default class CronToken {
  constructor($el) {
    this.$el = $el;
    this.$url = $el.querySelector(".url");
  }

  refresh() {
    fetch("/settings/cron-token", { method: "POST" })
      .then((r) => r.json())
      .then((response) => {
        this.$url.innerHTML = this.buildUrl(response.new_token);
        this.$url.innerHTML = response.api_token;
        this.$url.innerHTML = this.buildUrl(location.hash); // want: weakness xss-client
        this.$url.innerHTML = this.buildUrl(response.comment); // want: weakness xss-client
        this.$url.innerHTML = this.wrap(response.new_token); // want: weakness xss-client
      });
  }

  buildUrl(token) {
    return this.$el.dataset.urlBase + token;
  }

  wrap(token) {
    return "<b>" + token + "</b>" + this.note;
  }
}
