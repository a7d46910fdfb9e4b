import DOMPurify from "dompurify";

export function Comment({ comment }) {
  return <div dangerouslySetInnerHTML={{ __html: comment.body }} />; // want: weakness xss-client
}

export function SafeComment({ comment }) {
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />;
}

export function Banner() {
  return <div dangerouslySetInnerHTML={{ __html: "<b>Sale</b> today" }} />;
}

export function JsonLd({ data }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data) }} />;
}
