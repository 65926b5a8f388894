/**
 * A signing key for one development run: an ES256 private key (PKCS#8 PEM),
 * so the issuer can publish its public half as a JWKS and other local services
 * verify its tokens without a shared secret. Tokens end when the run ends.
 */
import { exportPKCS8, generateKeyPair } from "jose";

export async function generateDevSigningKey(): Promise<{ algorithm: "ES256"; privateKeyPem: string }> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  return { algorithm: "ES256", privateKeyPem: await exportPKCS8(privateKey) };
}
