import React from "react";
import InnerHTML from "dangerously-set-html-content";
import DOMPurify from "dompurify";

export function Quote({ quote }: { quote: { text: string; by: string } }) {
  return (
    <figure>
      <InnerHTML
        html={quote.text} // want: weakness xss-client
      />
      <InnerHTML html={DOMPurify.sanitize(quote.by)} />
    </figure>
  );
}
