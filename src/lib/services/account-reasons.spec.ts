import { describe, expect, it } from 'vitest';
import { emailProblem, logoProblem, nameProblem, passwordProblem, reasonFromFields } from './account-reasons';

describe('reasonFromFields', () => {
  it.each([
    [{ email: { code: 'validation_not_unique' } }, 'email_taken'],
    [{ email: { code: 'validation_is_email' } }, 'email_invalid'],
    [{ email: { code: 'email_reserved' } }, 'email_reserved'],
    [{ newEmail: { code: 'email_reserved' } }, 'email_reserved'],
    [{ password: { code: 'password_too_common' } }, 'password_too_common'],
    [{ password: { code: 'password_too_short' } }, 'password_too_short'],
    [{ password: { code: 'validation_min_text_constraint' } }, 'password_too_short'],
    [{ logo: { code: 'validation_file_size_limit' } }, 'logo_size'],
    [{ logo: { code: 'validation_invalid_mime_type' } }, 'logo_type'],
    [{ logo: { code: 'image_too_many_pixels' } }, 'logo_pixels'],
    [{ logo: { code: 'image_unreadable' } }, 'logo_type'],
    [{ name: { code: 'validation_not_unique' } }, 'name_taken'],
    [{ name: { code: 'name_required' } }, 'name_required'],
    [{ token: { code: 'validation_invalid_token' } }, 'reset_link'],
    [{}, null],
  ])('%j → %s', (data, reason) => {
    expect(reasonFromFields(data)).toBe(reason);
  });
});

describe('checks before a round trip', () => {
  it('email', () => {
    expect(emailProblem(' sara@coffice.se ')).toBeNull();
    for (const bad of ['', 'sara', 'sara@', '@coffice.se', 'sara@coffice', 'sa ra@coffice.se']) {
      expect(emailProblem(bad), bad).toBe('email_invalid');
    }
  });

  it('a name that is not only spaces', () => {
    expect(nameProblem(' Sara ')).toBeNull();
    for (const bad of ['', '   ', '\t\n']) expect(nameProblem(bad), JSON.stringify(bad)).toBe('name_required');
  });

  it('password length', () => {
    expect(passwordProblem('123456789')).toBe('password_too_short');
    expect(passwordProblem('tio tecken')).toBeNull();
  });

  it('logo', () => {
    expect(logoProblem({ type: 'image/png', size: 1000, name: 'a.png' })).toBeNull();
    expect(logoProblem({ type: 'image/svg+xml', size: 1000, name: 'a.svg' })).toBe('logo_type');
    expect(logoProblem({ type: 'image/png', size: 1000, name: 'a.html' })).toBe('logo_type');
    expect(logoProblem({ type: 'image/jpeg', size: 1024 * 1024 + 1, name: 'a.jpg' })).toBe('logo_size');
  });
});
