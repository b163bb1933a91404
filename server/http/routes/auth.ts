import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config/env.js';
import type { KeyValueStore } from '../../redis/kv.js';
import type { Sessions } from '../../auth/session.js';
import { createSamlServiceProvider, type SamlServiceProvider, type VerifiedSignIn } from '../../auth/saml/serviceProvider.js';
import { readPemSetting } from '../../auth/saml/pemSetting.js';
import { safeReturnTo } from '../../auth/saml/returnTo.js';
import { SamlRejection, isSamlRejection } from '../../auth/saml/samlRejection.js';
import { expectedIdpIssuer } from '../../auth/saml/samlUrls.js';
import { signInFailedPage, signInRefusedPage, signInUnavailablePage } from '../../auth/saml/signInPages.js';
import { provisionMember } from '../../domain/members/provisionMember.js';
import { recordAudit } from '../../domain/audit/recordAudit.js';
import { describeError } from '../../logger.js';

export interface AuthRouteDeps {
  config: Config;
  logger: Logger;
  kv: KeyValueStore;
  /** The development IdP's certificate, used when SAML_IDP_CERT is not set. */
  samlIdp?: { cert: string };
  sessions: Pick<Sessions, 'establish' | 'destroy'>;
}

const sendPage = (res: Response, status: number, html: string) =>
  res.status(status).set('Cache-Control', 'no-store').type('html').send(html);

function buildServiceProvider({ config, logger, kv, samlIdp }: AuthRouteDeps): SamlServiceProvider | null {
  const idpCert = config.SAML_IDP_CERT ? readPemSetting(config.SAML_IDP_CERT) : samlIdp?.cert;
  if (!idpCert) {
    logger.warn('SAML sign-in is not configured: set SAML_IDP_CERT and SAML_IDP_SSO_URL, or turn DEV_IDP on');
    return null;
  }
  if (!expectedIdpIssuer(config)) logger.warn('SAML_IDP_ISSUER is not set: every SAML response will be refused');
  return createSamlServiceProvider({ config, kv, idpCert });
}

/** `/auth/saml/*`: SP-initiated sign-in (../shared/API.md "Sign-in"). Rate limits and logout are mounted by app.ts. */
export function authRoutes(deps: AuthRouteDeps): Router {
  const { config, logger, sessions } = deps;
  const sp = buildServiceProvider(deps);
  const router = Router();

  /** Audits a refused response by reason code only, and answers with the plain 4xx page (never a 500). */
  async function refuse(res: Response, err: unknown, meta: { ip?: string; userAgent?: string }) {
    const rejection = isSamlRejection(err) ? err : new SamlRejection('invalid_response');
    if (!isSamlRejection(err)) logger.warn({ err: describeError(err) }, 'unexpected error while validating a SAML response');
    logger.info({ reason: rejection.reason }, 'SAML response rejected');
    // The answer stays 4xx even when the audit write fails; that failure is logged instead.
    await recordAudit({ ...meta, action: 'auth.signin_failed', outcome: 'failure', details: { reason: rejection.reason } }).catch(
      (auditErr: unknown) => logger.error({ err: describeError(auditErr) }, 'could not audit a rejected SAML response'),
    );
    sendPage(res, rejection.status, signInFailedPage());
  }

  router.get('/saml/login', async (req, res) => {
    const url = sp && (await sp.loginRedirectUrl(safeReturnTo(req.query.returnTo)).catch(() => null));
    if (!url) return sendPage(res, 503, signInUnavailablePage());
    res.set('Cache-Control', 'no-store').redirect(302, url);
  });

  router.post('/saml/acs', async (req: Request, res) => {
    if (!sp) return sendPage(res, 503, signInUnavailablePage());
    const meta = { ip: req.ip, userAgent: req.get('user-agent') };
    let verified: VerifiedSignIn;
    try {
      verified = await sp.verifyPostedResponse(req.body ?? {});
    } catch (err) {
      return refuse(res, err, meta);
    }

    const result = await provisionMember(verified.profile, { ...meta, adminEmails: config.ADMIN_EMAILS });
    if (result.outcome === 'active') {
      await sessions.establish(req, result.member);
      return res.redirect(302, verified.returnTo);
    }
    // Someone else's session in this browser must not survive a sign-in that did not admit this person.
    if (req.session?.memberId) await sessions.destroy(req);
    if (result.outcome === 'refused') return sendPage(res, 403, signInRefusedPage(result.reason));
    res.redirect(302, '/pending');
  });

  router.get('/saml/metadata', (_req, res) => {
    if (!sp) return sendPage(res, 503, signInUnavailablePage());
    res.type('application/samlmetadata+xml').send(sp.metadataXml());
  });

  return router;
}
