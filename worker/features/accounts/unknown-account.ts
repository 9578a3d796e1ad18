/**
 * A PBKDF2 hash (password.ts format) of a random password that was thrown away.
 * Sign-in verifies against it when no account has the email, so an unknown email costs
 * the same time as a wrong password and the answer's timing does not reveal who has an
 * account. A constant because Workers cannot generate random values at global scope, and
 * computing it on first use would make that first answer slower. Same iterations as new
 * hashes: a unit test keeps it so.
 */
export const UNKNOWN_ACCOUNT_PASSWORD_HASH =
  'pbkdf2_sha256$100000$9/0miWhR9/OjHKZMZMIatA==$rAnvNfz50TE+N88eE6VccJf+ZvdyM8wOHuEu4iuCj9o=';
