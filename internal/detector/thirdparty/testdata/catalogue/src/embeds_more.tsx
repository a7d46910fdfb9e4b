// More of the same services' hosts: each fixture file shows one host per service.
export function Player({ videoId }: { videoId: string }) {
  return (
    <div>
      <iframe src={`https://www.youtube-nocookie.com/embed/${videoId}`} />
      <img src={`https://cdn.syndication.twimg.com/tweet-result?id=${videoId}`} />
    </div>
  );
}
