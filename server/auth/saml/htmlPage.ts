const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => escapes[c]);

/**
 * A minimal accessible page (language, title, one main landmark, one h1) for the sign-in answers that are
 * not part of the SPA. `body` is trusted HTML built with escapeHtml; no inline script or style (the CSP).
 */
export function htmlPage(title: string, body: string, scriptSrc?: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="stylesheet" href="/server-page.css">',
    `<title>${escapeHtml(title)} – Task Force Connect</title>`,
    scriptSrc ? `<script src="${escapeHtml(scriptSrc)}" defer></script>` : '',
    '</head>',
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body>`,
    '</html>',
  ].join('\n');
}
