// Line numbers for a code view: the markup is built from literals and a
// counter, so it holds no data.
function addLineNumbers(lineCount) {
  var h = '';
  for (var i = 0; i < lineCount; i++) {
    h += (i + 1).toString() + '<br/>';
  }
  $('#linenos').html(h);
}

// The same shape fed with a document's lines: data.
function addLines(doc) {
  var out = '';
  for (var i = 0; i < doc.lines.length; i++) {
    out += doc.lines[i] + '<br/>';
  }
  $('#code').html(out); // want: weakness xss-client
}

// A counter that is not the function's own number: data.
function addLabels(start) {
  var label = '';
  label += (start + 1).toString() + '<br/>';
  $('#labels').html(label); // want: weakness xss-client
}
