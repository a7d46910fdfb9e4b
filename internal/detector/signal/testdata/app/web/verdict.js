// A quiz page: the verdict is one of the script's own messages, or the
// answer the visitor typed.
var verdict = '';
var echoed = '';
function judge(answer) {
  if (answer === 42) {
    verdict = '<p class="ok"><b>Right!</b> ' +
      'That is the answer.</p>';
  } else {
    verdict = '<p class="no">Not quite.</p>';
  }
  $('#verdict').html(verdict);
  document.getElementById('verdict').innerHTML = verdict;
  echoed = '<p>You said ' + answer + '</p>';
  $('#echo').html(echoed); // want: weakness xss-client
}

function show(note) {
  note = '<i>' + note + '</i>';
  $('#note').html(note); // want: weakness xss-client
}
