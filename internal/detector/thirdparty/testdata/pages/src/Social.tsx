// A post from Instagram, embedded: the frame's host is under Instagram's
// domain, whatever the path.
export function Post({ code, user }: { code: string; user: string }) {
  const embedUrl = `https://www.instagram.com/p/${code}/embed/captioned`;
  return (
    <figure>
      <iframe src={embedUrl} title="post" />
      <a href={`https://www.instagram.com/${user}`}>profile</a>
    </figure>
  );
}
