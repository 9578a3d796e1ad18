import type { FormTestFailure } from '../../../schema/form-tests-api';
import type { FormEvidence, FormField } from '../../../schema/prospects-api';
import type { Inquiry } from './inquiry';

/**
 * Fills a contact form as an honest visitor would, from the fields the page declares:
 * the visitor's name, the reply address, the question; hidden fields and tokens as the
 * page set them; honeypots left empty, as a person leaves them. What a person could not
 * answer truthfully (a required street address, a file) or may not get past (a CAPTCHA,
 * a login, steps a script reveals) ends the test with its reason instead. Pure.
 */

export interface Visitor {
  name: string;
  /** The signed reply address of this test. */
  email: string;
  /** Given only where a form requires a phone; null: such a form is not tested. */
  phone: string | null;
  /** The operator's name, for a required "company" field. */
  company: string;
}

export interface Submission {
  action: string;
  method: 'get' | 'post';
  enctype: 'application/x-www-form-urlencoded' | 'multipart/form-data';
  /** In document order, as a browser sends them. */
  fields: [name: string, value: string][];
}

export type FillResult = { ok: true; submission: Submission } | { ok: false; reason: FormTestFailure; message: string };

const fail = (reason: FormTestFailure, message: string): FillResult => ({ ok: false, reason, message });

const FIRST_NAME = /pr[ée]nom|first|given/i;
const LAST_NAME = /nom[\s_-]?de[\s_-]?famille|last|surname|family/i;

/** The part of the visitor's name a name field asks for. */
function namePart(field: FormField, fields: readonly FormField[], fullName: string): string {
  const words = `${field.name ?? ''} ${field.label ?? ''}`;
  const [first, ...rest] = fullName.trim().split(/\s+/);
  if (FIRST_NAME.test(words)) return first ?? fullName;
  const hasFirstNameField = fields.some(
    (other) => other !== field && other.kind === 'name' && FIRST_NAME.test(`${other.name ?? ''} ${other.label ?? ''}`),
  );
  if (LAST_NAME.test(words) || hasFirstNameField) return rest.join(' ') || fullName;
  return fullName;
}

/** A select's answer: "other" or "information" where offered, else the first real choice. */
function choose(options: readonly string[]): string | null {
  return (
    options.find((option) => /autre|other|information|renseignement|g[ée]n[ée]ral/i.test(option)) ?? options[0] ?? null
  );
}

const describe = (field: FormField) => `"${field.label ?? field.name ?? field.type}"`;

export function fillForm(form: FormEvidence, visitor: Visitor, inquiry: Inquiry): FillResult {
  if (form.captcha) return fail('captcha', `The form is protected by ${form.captcha}: it is not bypassed.`);
  if (form.multiStep) return fail('multi_step', 'The form reveals its steps by script; it is not filled blind.');
  if (form.fields.some((field) => field.type === 'password')) {
    return fail('login_required', 'The form asks for a password: it is behind a sign-in.');
  }
  if (!form.fields.some((field) => field.kind === 'email' && field.name)) {
    return fail('unfillable', 'The form has no email field: an answer could not reach the test.');
  }
  if (!form.fields.some((field) => field.kind === 'message' && field.name)) {
    return fail('unfillable', 'The form has no field for a message.');
  }

  const values: [string, string][] = [];
  const answeredGroups = new Set<string>();
  for (const field of form.fields) {
    const name = field.name;
    // A field without a name is never sent by a browser.
    if (!name) continue;
    if (field.kind === 'hidden') {
      values.push([name, field.value ?? '']);
      continue;
    }
    if (field.kind === 'honeypot') {
      values.push([name, '']);
      continue;
    }
    if (field.type === 'checkbox') {
      // Ticked only where the form requires it (a consent box); an optional one (a newsletter) stays empty.
      if (field.required) values.push([name, field.value ?? 'on']);
      continue;
    }
    if (field.type === 'radio') {
      if (!answeredGroups.has(name)) {
        answeredGroups.add(name);
        if (field.required) values.push([name, field.value ?? 'on']);
      }
      continue;
    }
    if (field.type === 'file') {
      if (field.required) return fail('unfillable', `The form requires a file (${describe(field)}).`);
      continue;
    }
    if (field.type === 'select' || field.options) {
      const choice = choose(field.options ?? []);
      if (choice === null && field.required) return fail('unfillable', `${describe(field)} offers no choice.`);
      values.push([name, choice ?? '']);
      continue;
    }
    switch (field.kind) {
      case 'name':
        values.push([name, namePart(field, form.fields, visitor.name)]);
        break;
      case 'email':
        values.push([name, visitor.email]);
        break;
      case 'phone':
        if (field.required && !visitor.phone) {
          return fail('needs_phone', 'The form requires a phone number, and none is configured for tests.');
        }
        values.push([name, visitor.phone ?? '']);
        break;
      case 'message':
        values.push([name, inquiry.message]);
        break;
      case 'service':
        values.push([name, inquiry.subject]);
        break;
      case 'company':
        values.push([name, field.required ? visitor.company : '']);
        break;
      default:
        // An address, a city, a date: nothing true to write, so it is left empty, or the test ends.
        if (field.required)
          return fail('unfillable', `The form requires ${describe(field)}, which a test cannot answer truthfully.`);
        values.push([name, '']);
    }
  }
  return {
    ok: true,
    submission: {
      action: form.action,
      method: form.method,
      enctype: form.enctype === 'multipart/form-data' ? 'multipart/form-data' : 'application/x-www-form-urlencoded',
      fields: values,
    },
  };
}
