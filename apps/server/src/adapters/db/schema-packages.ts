/**
 * The evidence-package signing keys (migration 0014) as Kysely types; `Database` in schema.ts extends
 * {@link PackageTables}. What they sign and how a recipient checks: docs/evidence-package.md.
 */

/** A workspace's package-signing key pair; made once, never replaced. */
export interface PackageSigningKeysTable {
  workspace_id: string;
  /** Raw 32-byte Ed25519 public key, base64url. */
  public_key: string;
  /** `feedKeyFingerprint` of the public key: first 32 hex digits of its SHA-256, groups of 4. */
  fingerprint: string;
  private_key_id: string;
  /** The PKCS#8 DER private key (base64), sealed with the contact cipher. */
  private_key_ciphertext: string;
  created_at: string;
}

export interface PackageTables {
  package_signing_keys: PackageSigningKeysTable;
}
