import { inflateRawSync } from 'node:zlib';
import { SAMLP_NS, SAML_NS, onlyChild, parseStrictXml, textOf } from '../saml/samlXml.js';

const MAX_ENCODED_LENGTH = 16 * 1024;
const MAX_INFLATED_BYTES = 64 * 1024;

export interface DevAuthnRequest {
  id: string;
  issuer: string;
}

/**
 * Reads an HTTP-Redirect binding AuthnRequest (base64 of raw DEFLATE). Throws on anything else.
 * The inflated size is capped so a small query cannot expand into a large document.
 */
export function readRedirectAuthnRequest(encoded: unknown): DevAuthnRequest {
  if (typeof encoded !== 'string' || !encoded || encoded.length > MAX_ENCODED_LENGTH) throw new Error('No SAMLRequest');
  const xml = inflateRawSync(Buffer.from(encoded, 'base64'), { maxOutputLength: MAX_INFLATED_BYTES }).toString('utf8');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('DTDs are not accepted');
  const root = parseStrictXml(xml).documentElement;
  if (!root || root.namespaceURI !== SAMLP_NS || root.localName !== 'AuthnRequest') throw new Error('Not an AuthnRequest');
  const id = root.getAttribute('ID') ?? '';
  const issuer = textOf(onlyChild(root, SAML_NS, 'Issuer')) ?? '';
  if (!/^[A-Za-z_][\w.-]{0,255}$/.test(id)) throw new Error('The AuthnRequest has no usable ID');
  return { id, issuer };
}
