// An older BootstrapCDN host.
export function Legacy() {
  return <link rel="stylesheet" href="https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap.min.css" />;
}
