import { describe, expect, it } from 'vitest';
import {
  checkNewPassword,
  type NewPasswordIssue,
  newPasswordMessage,
} from '../../../worker/features/accounts/new-password';

const context = { email: 'owner@plomberie.example', oneTimePassword: 'k7mq-2hxv-9tdr-wzpa' };

describe('new password rules', () => {
  it('accepts 10 to 200 characters that are neither the email nor the one-time password', () => {
    expect(checkNewPassword('tuyau-bleu-42', context)).toBeNull();
    expect(checkNewPassword('a'.repeat(10), context)).toBeNull();
    expect(checkNewPassword('a'.repeat(200), context)).toBeNull();
  });

  it('refuses fewer than 10 or more than 200 characters, counting characters, not bytes', () => {
    expect(checkNewPassword('a'.repeat(9), context)).toBe('too_short');
    expect(checkNewPassword('a'.repeat(201), context)).toBe('too_long');
    expect(checkNewPassword('', context)).toBe('too_short');
    // Nine accented letters are 18 UTF-8 bytes but still nine characters.
    expect(checkNewPassword('é'.repeat(9), context)).toBe('too_short');
    expect(checkNewPassword('e\u0301'.repeat(10), context)).toBeNull(); // decomposed é counts once
  });

  it('refuses the email, whatever its case or surrounding spaces', () => {
    expect(checkNewPassword('owner@plomberie.example', context)).toBe('same_as_email');
    expect(checkNewPassword(' Owner@Plomberie.Example ', context)).toBe('same_as_email');
  });

  it('refuses the one-time password only while there is one', () => {
    expect(checkNewPassword('k7mq-2hxv-9tdr-wzpa', context)).toBe('same_as_one_time_password');
    expect(checkNewPassword('k7mq-2hxv-9tdr-wzpa', { email: context.email })).toBeNull();
  });

  it('explains each rule in English and in French', () => {
    const issues: NewPasswordIssue[] = ['too_short', 'too_long', 'same_as_email', 'same_as_one_time_password'];
    for (const issue of issues) {
      const en = newPasswordMessage(issue, 'en');
      const fr = newPasswordMessage(issue, 'fr');
      expect(en).not.toBe(fr);
      expect(en.length).toBeGreaterThan(10);
      expect(fr.length).toBeGreaterThan(10);
    }
    expect(newPasswordMessage('too_short', 'en')).toBe('Use at least 10 characters.');
    expect(newPasswordMessage('too_short', 'fr')).toBe('Utilisez au moins 10 caractères.');
  });
});
