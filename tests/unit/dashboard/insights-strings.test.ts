import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The Insights screen's string pack (dashboard/strings/insights.ts): every module that
 * reads one of its strings loads it (string-packs.test.ts holds the other packs to the
 * same rule), no key shadows the shell's, and its French is written as Quebec French is
 * typeset: a non-breaking space before : ; ? ! and %, « » with their spaces, ’ for the
 * apostrophe.
 */
const DASHBOARD = path.resolve('dashboard');
const PACK = path.join(DASHBOARD, 'strings/insights.ts');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'strings' ? [] : modules(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

const resolve = (from: string, specifier: string) => {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find((candidate) => {
    try {
      return readFileSync(candidate) !== undefined;
    } catch {
      return false;
    }
  });
};

/** The module and what it imports statically, `import type` left out (the build erases it). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?from\s+)?['"](\.[^'"]+)['"]/gm)) {
    if (match[2]) continue;
    const imported = resolve(file, match[3]!);
    if (imported && /\.tsx?$/.test(imported)) closure(imported, seen);
  }
  return seen;
}

/** Every piece of text of a pack's language, the functions called with stand-ins. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return [...texts(fn('X', 2, 'Y')), ...texts(fn('X', 1, null))];
  }
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

describe('the insights string pack', async () => {
  // The shell's strings first: each pack joins them when it loads.
  const { STRINGS } = await import('../../../dashboard/i18n');
  const shellKeys = new Set(Object.keys(STRINGS.en));
  const { INSIGHTS_STRINGS } = await import('../../../dashboard/strings/insights');
  const { SETTINGS_STRINGS } = await import('../../../dashboard/strings/settings');
  const keys = Object.keys(INSIGHTS_STRINGS.en);

  it('is loaded by every module that reads its strings', () => {
    const missing: string[] = [];
    for (const file of modules(DASHBOARD)) {
      const used = [...readFileSync(file, 'utf8').matchAll(/\bt\.(insights\w*)/g)].map((match) => match[1]!);
      const own = used.filter((key) => keys.includes(key));
      if (own.length > 0 && !closure(file).has(PACK)) missing.push(`${path.relative(DASHBOARD, file)}: ${own[0]}`);
      for (const key of used) if (!keys.includes(key) && !shellKeys.has(key)) missing.push(`t.${key} is nowhere`);
    }
    expect(missing).toEqual([]);
  });

  it('shadows none of the shell’s strings, and names the screen in the shell (the menu shows it)', () => {
    expect(keys.filter((key) => shellKeys.has(key))).toEqual([]);
    expect(STRINGS.en.insights).toBe('Insights');
    expect(STRINGS.fr.insights).toBe('Analyses');
  });

  it('typesets its French (and the settings’ digest line) the Quebec way', () => {
    const french = [
      ...texts(INSIGHTS_STRINGS.fr),
      ...texts([SETTINGS_STRINGS.fr.settingsWeeklyDigest, SETTINGS_STRINGS.fr.settingsWeeklyDigestHelp]),
    ];
    const faults = french.flatMap((text) => {
      const found: string[] = [];
      // A clock ("14 h 05") and an address ("https://") are not punctuation.
      const prose = text.replace(/https?:\/\//g, '');
      if (/[^\u00a0\u202f][:;?!]/.test(prose)) found.push('a : ; ? or ! without its non-breaking space');
      if (/[^\u00a0\u202f]%/.test(prose)) found.push('a % without its non-breaking space');
      if (/«[^\u00a0]|[^\u00a0]»/.test(prose)) found.push('« » without their non-breaking spaces');
      if (/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/.test(prose)) found.push('a straight apostrophe');
      return found.map((fault) => `${fault}: ${text}`);
    });
    expect(faults).toEqual([]);
  });

  it('says “courriel”, never “email”, in French', () => {
    const french = texts(INSIGHTS_STRINGS.fr).join(' ');
    expect(french).not.toMatch(/\be-?mail/i);
  });
});
