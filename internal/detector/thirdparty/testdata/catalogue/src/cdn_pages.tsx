// Scripts, stylesheets and fonts a page loads from a vendor's CDN: the
// vendor can change what runs on the page, and sees every visitor.
export function Head({ lat, lng }: { lat: number; lng: number }) {
  return (
    <>
      <script src="https://use.typekit.net/abc1def.js" />
      <script src="https://kit.fontawesome.com/0a1b2c3d4e.js" />
      <script src="https://ajax.aspnetcdn.com/ajax/jquery/jquery-3.7.1.min.js" />
      <script src="https://ajax.googleapis.com/ajax/libs/jquery/3.7.1/jquery.min.js" />
      <script src="https://code.jquery.com/jquery-3.7.1.min.js" />
      <link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/font-awesome/4.7.0/css/font-awesome.min.css" />
      <script src="https://cdn.tiny.cloud/1/no-api-key/tinymce/7/tinymce.min.js" />
      <script src="https://cdn.datatables.net/2.0.0/js/dataTables.min.js" />
      <img src={`https://dev.virtualearth.net/REST/v1/Imagery/Map/Road/${lat},${lng}/15`} />
    </>
  );
}
