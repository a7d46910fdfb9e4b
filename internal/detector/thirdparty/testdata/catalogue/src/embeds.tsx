// Embeds and public services a page loads: the visitor's browser sends
// its address, and the page it is on, to each host.
export function Intro({ videoId, hash, file }: { videoId: string; hash: string; file: string }) {
  const embedUrl = `https://www.youtube.com/embed/${videoId}`;
  return (
    <div>
      <iframe src={embedUrl} />
      <iframe src={`https://www.tiktok.com/embed/v2/${videoId}`} />
      <script src="https://www.instagram.com/embed.js" />
      <iframe src={`https://view.officeapps.live.com/op/embed.aspx?src=${file}`} />
      <iframe src={`https://docs.google.com/gview?url=${file}&embedded=true`} />
      <img src={`https://www.gravatar.com/avatar/${hash}?d=identicon`} />
      <script src="https://cdnjs.cloudflare.com/ajax/libs/pdf.js/4.0.0/pdf.worker.min.js" />
      <script src="https://cdn.jsdelivr.net/npm/chart.js" />
      <script src="https://unpkg.com/htmx.org@2.0.0" />
      <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter" />
      <script src="https://platform.twitter.com/widgets.js" />
      <iframe src={`https://player.vimeo.com/video/${videoId}`} />
      <script src="https://cdn.usefathom.com/script.js" />
      <script src="https://www.clarity.ms/tag/abc" />
      <script src="https://cloud.umami.is/script.js" />
    </div>
  );
}
