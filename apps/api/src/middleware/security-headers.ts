import { secureHeaders } from 'hono/secure-headers';

/**
 * The headers every answer carries, pages and API alike (OWASP's secure headers). The web UI is built
 * to need nothing inline: scripts, styles and data come from this origin only, so an injected
 * `<script>` or `style` attribute does not run. `data:` images are the favicon in `index.html`.
 * No `upgrade-insecure-requests`: a classroom may serve plain HTTP on purpose (`SKYLAB_INSECURE_HTTP`).
 */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    // Attempt and lab URLs stay on this site; links out to the AWS documentation need no referrer.
    referrerPolicy: 'no-referrer',
    // Browsers honour it over HTTPS only; no includeSubDomains, since we do not know the other hosts of a school's domain.
    strictTransportSecurity: 'max-age=15552000',
    // Nothing in Skylab uses these; the copy buttons' clipboard stays allowed.
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [], serial: [], bluetooth: [], hid: [], midi: [] },
    // The LTI pages set their own CSP: they are framed by the LMS and post forms back to it.
    overwrite: false,
  });
}
