import DOMPurify from "dompurify";
import { useEffect, useState } from "react";

// Reviews are written by customers and shown to everyone who opens the product page.
export function Review({ id }) {
  const [review, setReview] = useState(null);
  useEffect(() => {
    fetch(`/api/reviews/${id}`).then((r) => r.json()).then(setReview);
  }, [id]);
  if (!review) return null;
  return (
    <article>
      <h3>{review.author}</h3>
      <div className="body" dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(review.html) }} />
      <div className="badge" dangerouslySetInnerHTML={{ __html: "<b>Verified</b> buyer" }} />
    </article>
  );
}
