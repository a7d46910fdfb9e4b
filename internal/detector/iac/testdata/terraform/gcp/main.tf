resource "google_storage_bucket" "avatars" { # want: store gcs GCS bucket snapshare-avatars
  name     = "snapshare-avatars"
  location = "EU"
}

resource "google_storage_bucket_iam_member" "avatars_public" {
  bucket = google_storage_bucket.avatars.name
  role   = "roles/storage.objectViewer"
  member = "allUsers" # want: infra public-bucket google_storage_bucket_iam_member.avatars_public
}

resource "google_storage_bucket" "private" { # want: store gcs GCS bucket snapshare-private; infra bucket google_storage_bucket.private; control bucket-public-access-block google_storage_bucket.private
  name                     = "snapshare-private"
  location                 = "EU"
  public_access_prevention = "enforced"
}

# Lookalike: one service account, not everyone.
resource "google_storage_bucket_iam_member" "private_reader" {
  bucket = google_storage_bucket.private.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:app@snapshare.iam.gserviceaccount.com"
}

resource "google_storage_bucket_iam_binding" "everyone" {
  bucket  = "snapshare-press"
  role    = "roles/storage.objectViewer"
  members = ["allAuthenticatedUsers", "user:ops@example.com"] # want: infra public-bucket google_storage_bucket_iam_binding.everyone
}
