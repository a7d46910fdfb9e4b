export function avatarURL(bucket, userId) {
  return `https://storage.googleapis.com/${bucket}/avatars/${userId}.png`; // want: infra published-bucket objects served by their public URL
}
