// A ledger page built with jQuery from the API's answer.
function drawEntries(entries) {
  for (var i = 0; i < entries.length; i++) {
    // Markup whose literal holds attributes in the other quote kind.
    $(board).append('<div id="entry-' + i + '"><span class="title">' + entries[i].title + '</span></div>'); // want: weakness xss-client
  }
  // Numbers from arithmetic, however formatted, carry no markup.
  $("#total").html(formatAmount(Math.round(total(entries) * 100) / 100));
  $("#rate").html(Number(rate).toFixed(2));
  $("#share").html(share.toFixed(1));
}
