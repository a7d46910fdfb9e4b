export const config = {
  jwtSecret: 'ts-jwt-s1gning-k3y', // want: secret hardcoded-signing-key
  sessionSecret: process.env.SESSION_SECRET ?? 'fallback-s3ss', // want: secret secret-env-fallback
  jwtSecretName: 'JWT_SECRET',
  apiUrl: import.meta.env.VITE_API_URL || '/api',
  publicKey: process.env.STRIPE_PUBLISHABLE_KEY || 'pk_test_123',
};

export function isSecret(secretKey: string): boolean {
  return secretKey !== 'none';
}
