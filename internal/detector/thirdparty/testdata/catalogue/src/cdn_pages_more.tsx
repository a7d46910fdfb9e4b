// The same vendors' other hosts: each file names one host of a service.
export function Styles() {
  return (
    <>
      <link rel="stylesheet" href="https://p.typekit.net/p.css?s=1" />
      <link rel="stylesheet" href="https://use.fontawesome.com/releases/v5.15.4/css/all.css" />
      <script src="https://ajax.microsoft.com/ajax/jquery.validate/1.7/jquery.validate.min.js" />
      <link rel="stylesheet" href="https://stackpath.bootstrapcdn.com/bootstrap/4.5.2/css/bootstrap.min.css" />
      <script src="https://cdn.tinymce.com/4/tinymce.min.js" />
      <script src="https://www.bing.com/api/maps/mapcontrol?callback=initMap" />
    </>
  );
}
