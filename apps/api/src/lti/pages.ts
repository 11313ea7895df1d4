import type { Context } from 'hono';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** The script that submits a page's `form[data-auto-post]`: a file of our own, as the CSP allows no inline script. */
export const AUTO_POST_SCRIPT = "document.querySelector('form[data-auto-post]')?.submit();\n";
export const AUTO_POST_PATH = '/api/lti/auto-post.js';

/**
 * An LTI page: shown inside the platform's frame (deep linking runs in an iframe in Canvas and Moodle), so
 * it may be framed by the platform's origin only (`frame-ancestors` supersedes the `X-Frame-Options: DENY`
 * every answer carries, CSP Level 2 §7.7.1), and its form may post to ours and to the platform's.
 */
export function ltiPage(c: Context, { title, body, platformOrigin }: { title: string; body: string; platformOrigin: string }) {
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; script-src 'self'; style-src 'self'; form-action 'self' ${platformOrigin}; frame-ancestors ${platformOrigin}; base-uri 'none'`,
  );
  // Under `no-referrer` a browser sends `Origin: null` with a form post (Fetch §3.1, "append a request
  // Origin header"), and the picker's post to our own origin would fail the Origin check.
  c.header('Referrer-Policy', 'same-origin');
  return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><script src="${AUTO_POST_PATH}" defer></script></head><body>${body}</body></html>`);
}

export function hiddenField(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}
