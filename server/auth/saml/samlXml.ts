import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

export const SAMLP_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const SAML_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/** Parses XML and throws on any error or warning: a SAML message that is not clean XML is not processed. */
export function parseStrictXml(xml: string): Document {
  const options = {
    onError: (level: string, message: string) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  };
  // The cast: samlify's older xmldom typings merge into this module's and lack `onError`.
  const parser = new DOMParser(options as unknown as ConstructorParameters<typeof DOMParser>[0]);
  return parser.parseFromString(xml, 'text/xml');
}

/** Direct element children with the given namespace and local name (never descendants, which XSW hides in). */
export function childElements(parent: Element | Document, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    const element = node as Element;
    if (element.namespaceURI === namespace && element.localName === localName) found.push(element);
  }
  return found;
}

/** The one direct child of that name, or null when there is none or more than one. */
export function onlyChild(parent: Element | Document, namespace: string, localName: string): Element | null {
  const found = childElements(parent, namespace, localName);
  return found.length === 1 ? found[0] : null;
}

export function textOf(element: Element | null): string | null {
  return element ? (element.textContent ?? '').trim() : null;
}

/** Every element in the subtree (document order), for algorithm and structure checks. */
export function allElements(root: Element): Element[] {
  const found: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const element = stack.pop() as Element;
    found.push(element);
    const children: Element[] = [];
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === node.ELEMENT_NODE) children.push(node as Element);
    }
    stack.push(...children.reverse());
  }
  return found;
}
