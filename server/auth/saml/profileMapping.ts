import type { Profile } from '@node-saml/passport-saml';
import type { Config } from '../../config/env.js';
import type { SamlProfile } from '../../domain/members/provisionMember.js';
import { SamlRejection } from './samlRejection.js';

/** What sign-in hands to provisionMember: the verified identity and the attributes it relies on. */
export type SignInProfile = SamlProfile;

type AttributeNames = Pick<
  Config,
  'SAML_ATTR_EMAIL' | 'SAML_ATTR_GIVEN_NAME' | 'SAML_ATTR_SURNAME' | 'SAML_ATTR_TASK_FORCE' | 'SAML_ATTR_DISCIPLINE' | 'SAML_ATTR_AGENCY'
>;

const MAX_VALUE_LENGTH = 512;

/** A single-valued string attribute; several values for one name are refused rather than guessed between. */
function single(attributes: Record<string, unknown>, name: string): string | undefined {
  const raw = Object.prototype.hasOwnProperty.call(attributes, name) ? attributes[name] : undefined;
  const value = Array.isArray(raw) ? (raw.length === 1 ? raw[0] : null) : raw;
  if (value === null) throw new SamlRejection('missing_attribute');
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed.length > MAX_VALUE_LENGTH) throw new SamlRejection('missing_attribute');
  return trimmed || undefined;
}

/** Maps a verified node-saml profile to the sign-in profile, with the attribute names from config. */
export function mapSamlProfile(profile: Profile, names: AttributeNames): SignInProfile {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const nameId = typeof profile.nameID === 'string' ? profile.nameID.trim() : '';
  const email = single(attributes, names.SAML_ATTR_EMAIL);
  const taskForceCode = single(attributes, names.SAML_ATTR_TASK_FORCE);
  if (!nameId || nameId.length > MAX_VALUE_LENGTH || !email || !taskForceCode) throw new SamlRejection('missing_attribute');
  return {
    nameId,
    email,
    givenName: single(attributes, names.SAML_ATTR_GIVEN_NAME) ?? '',
    surname: single(attributes, names.SAML_ATTR_SURNAME) ?? '',
    taskForceCode,
    discipline: single(attributes, names.SAML_ATTR_DISCIPLINE),
    agency: single(attributes, names.SAML_ATTR_AGENCY),
  };
}
