import React from "react";
import Mustache from "mustache";

// Previews an alert's message with sample values, in the page.
export default function Preview({ subject, body, data }) {
  const render = (tmpl) => Mustache.render(tmpl || "", data);
  return (
    <pre>
      {render(subject)}
      {render(body)}
    </pre>
  );
}
