import { z } from 'zod';
import { memberIdParams, updateMemberBody } from '../../../shared/schemas/admin.js';
import type { RouteSpec } from './types.js';
import { discussionRouteSpecs } from './discussionRoutes.js';
import { resourceRouteSpecs } from './resourceRoutes.js';
import { attachmentRouteSpecs } from './attachmentRoutes.js';
import { notificationRouteSpecs } from './notificationRoutes.js';
import { searchRouteSpecs } from './searchRoutes.js';

const form = 'application/x-www-form-urlencoded' as const;
const acsForm = z.object({ SAMLResponse: z.string(), RelayState: z.string().optional() });
const devIdpForm = z.object({ SAMLRequest: z.string(), RelayState: z.string().optional(), persona: z.string() });

/** Every route the server answers. The contract test fails when a route exists that is not listed here. */
export const routeSpecs: RouteSpec[] = [
  { method: 'get', path: '/healthz', tag: 'operations', access: 'public', summary: 'Liveness: 200 while the process runs', responses: { 200: 'ok' } },
  { method: 'get', path: '/readyz', tag: 'operations', access: 'public', summary: 'Readiness: 200 when the database and Redis answer', responses: { 200: 'ready', 503: 'names what is down' } },
  { method: 'get', path: '/metrics', tag: 'operations', access: 'public', summary: 'Prometheus metrics (bearer METRICS_TOKEN in production)', responses: { 200: 'Prometheus text', 401: 'token required' } },
  { method: 'get', path: '/auth/saml/login', tag: 'sign-in', access: 'public', summary: 'Starts SP-initiated SAML sign-in (HTTP-Redirect binding)', query: z.object({ returnTo: z.string().optional() }), responses: { 302: 'to the IdP', 429: 'rate limited' } },
  { method: 'post', path: '/auth/saml/acs', tag: 'sign-in', access: 'public', summary: 'Assertion consumer service', body: acsForm, bodyType: form, responses: { 302: 'signed in, or pending approval', 400: 'invalid response', 403: 'refused or invalid', 429: 'rate limited' } },
  { method: 'get', path: '/auth/saml/metadata', tag: 'sign-in', access: 'public', summary: 'SP metadata XML', responses: { 200: 'metadata' } },
  { method: 'post', path: '/auth/logout', tag: 'sign-in', access: 'member', summary: 'Ends the session everywhere it is cached', responses: { 204: 'signed out', 403: 'csrf' } },
  { method: 'get', path: '/dev-idp/sso', tag: 'development IdP', access: 'development only', summary: 'Persona picker', responses: { 200: 'HTML' } },
  { method: 'post', path: '/dev-idp/sso', tag: 'development IdP', access: 'development only', summary: 'Signs a response for the chosen persona', body: devIdpForm, bodyType: form, responses: { 200: 'auto-submitting HTML form' } },
  { method: 'get', path: '/dev-idp/autosubmit.js', tag: 'development IdP', access: 'development only', summary: 'Submits the response form', responses: { 200: 'script' } },
  { method: 'get', path: '/dev-idp/metadata', tag: 'development IdP', access: 'development only', summary: 'Development IdP metadata', responses: { 200: 'metadata' } },
  { method: 'get', path: '/api/me', tag: 'members', access: 'member', summary: 'The signed-in member and the CSRF token', responses: { 200: '{user, csrfToken}', 401: 'unauthenticated' } },
  { method: 'get', path: '/api/openapi.json', tag: 'contract', access: 'member', summary: 'This document', responses: { 200: 'OpenAPI 3.1' } },
  {
    method: 'patch',
    path: '/api/admin/users/:id',
    tag: 'admin',
    access: 'coordinator or admin',
    summary: 'Approve, suspend or reinstate a member, or change a role (audited)',
    params: memberIdParams,
    body: updateMemberBody,
    responses: { 200: '{user}', 400: 'validation_failed', 403: 'forbidden', 404: 'not_found' },
  },
  ...discussionRouteSpecs,
  ...resourceRouteSpecs,
  ...attachmentRouteSpecs,
  ...notificationRouteSpecs,
  ...searchRouteSpecs,
];
