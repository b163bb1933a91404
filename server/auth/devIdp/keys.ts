import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';

export interface DevIdpKeys {
  key: string;
  cert: string;
}

const CERT_VALIDITY_YEARS = 10;

/** 16 random bytes whose first byte is 0x01-0x7f: a positive, minimally encoded DER integer (strict parsers demand both). */
function positiveSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return bytes.toString('hex');
}

/** Builds a self-signed certificate for the development IdP's signing key. */
export function selfSignedCertificate(privateKeyPem: string, commonName: string): string {
  const privateKey = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  const publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = positiveSerialNumber();
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + CERT_VALIDITY_YEARS * 365 * 24 * 3600 * 1000);
  const subject = [{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'Task Force Connect (development only)' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true }]);
  cert.sign(privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** A fresh RSA 2048 key (PKCS#8 PEM) and its self-signed certificate. */
export function generateSigningKeys(commonName: string): DevIdpKeys {
  // node:crypto generates the key in milliseconds; forge alone would take seconds.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return { key, cert: selfSignedCertificate(key, commonName) };
}

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Writes through a temporary file so that a crash or a second process never sees half a key. */
async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, content, { mode: 0o600 });
  await rename(temporary, file);
}

/**
 * The development IdP's signing key and certificate, generated into `${dataDir}/dev-idp/` on first start
 * and read back afterwards, so that sign-ins keep working across restarts.
 */
export async function ensureDevIdpKeys(dataDir: string): Promise<DevIdpKeys> {
  const dir = path.resolve(dataDir, 'dev-idp');
  const keyFile = path.join(dir, 'signing-key.pem');
  const certFile = path.join(dir, 'signing-cert.pem');
  const [key, cert] = await Promise.all([readIfPresent(keyFile), readIfPresent(certFile)]);
  if (key && cert) return { key, cert };

  await mkdir(dir, { recursive: true, mode: 0o700 });
  const generated = generateSigningKeys('Task Force Connect development IdP');
  // The certificate is written last: a reader that finds it also finds the key it belongs to.
  await writeAtomically(keyFile, generated.key);
  await writeAtomically(certFile, generated.cert);
  return generated;
}
