import { Router, type Response } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../config/env.js';
import { createDevIdentityProvider } from '../../auth/devIdp/devIdentityProvider.js';
import { autosubmitScript, badRequestPage, personaPickerPage, postResponsePage } from '../../auth/devIdp/devIdpPages.js';
import { devPersonas, findPersona } from '../../auth/devIdp/personas.js';
import { describeError } from '../../logger.js';

export interface DevIdpRouteDeps {
  config: Config;
  logger: Logger;
  /** The development IdP's signing key and certificate (ensureDevIdpKeys). */
  samlIdp?: { cert: string; key: string };
}

const MAX_RELAY_STATE = 1024;

const sendPage = (res: Response, status: number, html: string) =>
  res.status(status).set('Cache-Control', 'no-store').type('html').send(html);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `/dev-idp`: the development IdP of ../shared/API.md. Never mounted in production, and refuses to be built there. */
export function devIdpRoutes({ config, logger, samlIdp }: DevIdpRouteDeps): Router {
  if (config.isProduction) throw new Error('The development IdP is refused in production');
  if (!samlIdp) throw new Error('The development IdP needs its signing key (ensureDevIdpKeys)');
  const idp = createDevIdentityProvider(config, samlIdp);
  const router = Router();

  router.get('/sso', (req, res) => {
    const samlRequest = text(req.query.SAMLRequest);
    const relayState = text(req.query.RelayState).slice(0, MAX_RELAY_STATE);
    try {
      idp.parseLoginRequest(samlRequest);
    } catch (err) {
      logger.info({ err: describeError(err) }, 'dev IdP refused an AuthnRequest');
      return sendPage(res, 400, badRequestPage('This page needs a sign-in request from Task Force Connect. Start again from its sign-in page.'));
    }
    sendPage(res, 200, personaPickerPage(devPersonas, samlRequest, relayState));
  });

  router.post('/sso', async (req, res) => {
    const samlRequest = text(req.body?.SAMLRequest);
    const relayState = text(req.body?.RelayState).slice(0, MAX_RELAY_STATE);
    let requestId: string;
    try {
      requestId = idp.parseLoginRequest(samlRequest).requestId;
    } catch {
      return sendPage(res, 400, badRequestPage('This page needs a sign-in request from Task Force Connect. Start again from its sign-in page.'));
    }
    const persona = findPersona(text(req.body?.persona));
    if (!persona) return sendPage(res, 400, personaPickerPage(devPersonas, samlRequest, relayState, 'Choose a persona to sign in as.'));
    const response = await idp.createLoginResponse(persona, requestId);
    sendPage(res, 200, postResponsePage(response.acsUrl, response.samlResponse, relayState));
  });

  router.get('/autosubmit.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(autosubmitScript);
  });

  router.get('/metadata', (_req, res) => {
    res.type('application/samlmetadata+xml').send(idp.metadataXml());
  });

  return router;
}
