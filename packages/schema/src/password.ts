// New passwords: at least 10 characters, and not one that attackers try first. Checked by the worker
// on signup, invite acceptance and password change, and by the dashboard before it sends.
import { z } from 'zod';

/**
 * Passwords of 10 or more characters that lead the public lists of leaked passwords, and the patterns behind most of
 * the rest (a common word with digits or symbols after it). Lower case; compared case-insensitively.
 */
const COMMON = new Set([
  '1234567890',
  '0987654321',
  '1111111111',
  '0000000000',
  '123456789a',
  '123123123123',
  '1234512345',
  '1q2w3e4r5t',
  'q1w2e3r4t5',
  'a1b2c3d4e5',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'qwertyuiop',
  'qwertyuiop123',
  'asdfghjkl1',
  'asdfghjkl;',
  'qazwsxedcrfv',
  '1234qwerasdf',
  'qwerty123456',
  'abcdefghij',
  'abcd1234567',
  'iloveyou123',
  'iloveyou12',
  'trustno1trustno1',
  'administrator',
  'changeme123',
  'football123',
  'baseball123',
  'princess123',
  'sunshine123',
  'superman123',
  'michael123',
  'charlie123',
  'dragon1234',
  'monkey1234',
  'starwars123',
  'whatever123',
  'computer123',
  'internet123',
  'pokemon123',
  'liverpool1',
  'chelsea123',
  'arsenal123',
  'jessica123',
  'password1!',
  'mustang123',
  'shadow1234',
  'master1234',
]);
const COMMON_STEM =
  /^(?:pass(?:word|wort|w0rd|wd)?|p@ss(?:word|w0rd)|motdepasse|contrase[nñ]a|wachtwoord|qwerty|qwertz|azerty|welcome|letmein|admin|login|secret|changeme|iloveyou|abc|test)[\d!@#$%^&*.?_-]*$/;

/** True unless the password is one of the first guesses: common, a common stem with digits, or too few distinct characters. */
export function strongEnough(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON.has(p) || COMMON_STEM.test(p)) return false;
  if (new Set(p).size < 5) return false;
  // A run up or down the digits or the alphabet ("2345678901", "abcdefghijk").
  let run = 1;
  for (let i = 1; i < p.length; i++) run = Math.abs(p.charCodeAt(i) - p.charCodeAt(i - 1)) === 1 ? run + 1 : 1;
  return !(run >= p.length - 1);
}

export const PasswordSchema = z
  .string()
  .min(10, 'passwords have at least 10 characters')
  .max(200)
  .refine(strongEnough, 'this password is among the first an attacker tries; a few unrelated words make a good one');
