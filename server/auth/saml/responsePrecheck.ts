import { DSIG_NS, SAMLP_NS, allElements, parseStrictXml } from './samlXml.js';
import { SamlRejection } from './samlRejection.js';

/** Base64 of a real IdP response is a few kilobytes; anything near this is not one. */
const MAX_ENCODED_LENGTH = 256 * 1024;
const BASE64 = /^[A-Za-z0-9+/=\s]+$/;

const allowedSignatureMethods = new Set([
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
]);
const allowedDigestMethods = new Set(['http://www.w3.org/2001/04/xmlenc#sha256', 'http://www.w3.org/2001/04/xmlenc#sha512']);
// Only the transforms SAML needs: XPath or XSLT transforms let a signature cover something other than what we read.
const allowedTransforms = new Set([
  'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
]);
const allowedCanonicalizations = new Set(['http://www.w3.org/2001/10/xml-exc-c14n#', 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315']);

/**
 * Structural checks on the raw response before any signature work: size, a single well-formed
 * `samlp:Response` root, no DTD (entity expansion), no comments or processing instructions (comments
 * are outside the canonical form, so they can split a signed NameID or DigestValue unseen), and
 * SHA-256 or better for every signature and digest (SHA-1 refused).
 */
export function precheckSamlResponse(encoded: unknown): string {
  if (typeof encoded !== 'string' || encoded.length === 0 || encoded.length > MAX_ENCODED_LENGTH || !BASE64.test(encoded)) {
    throw new SamlRejection('malformed_request', 400);
  }
  const xml = Buffer.from(encoded, 'base64').toString('utf8');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new SamlRejection('forbidden_xml_construct', 400);
  if (xml.includes('<!--')) throw new SamlRejection('forbidden_xml_construct', 400);
  const withoutDeclaration = xml.replace(/^\uFEFF?\s*<\?xml[^?]*\?>/, '');
  if (withoutDeclaration.includes('<?')) throw new SamlRejection('forbidden_xml_construct', 400);

  let root;
  try {
    root = parseStrictXml(xml).documentElement;
  } catch {
    throw new SamlRejection('malformed_xml', 400);
  }
  if (!root || root.namespaceURI !== SAMLP_NS || root.localName !== 'Response') throw new SamlRejection('malformed_xml', 400);

  for (const element of allElements(root)) {
    if (element.namespaceURI !== DSIG_NS) continue;
    const algorithm = element.getAttribute('Algorithm') ?? '';
    const allowed =
      element.localName === 'SignatureMethod'
        ? allowedSignatureMethods
        : element.localName === 'DigestMethod'
          ? allowedDigestMethods
          : element.localName === 'Transform'
            ? allowedTransforms
            : element.localName === 'CanonicalizationMethod'
              ? allowedCanonicalizations
              : null;
    if (allowed && !allowed.has(algorithm)) throw new SamlRejection('weak_algorithm');
  }
  return xml;
}
