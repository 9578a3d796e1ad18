import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The dashboard's strings load in packs: the shell's with the shell, each screen's with
 * its code (dashboard/i18n.ts). A screen that reads a string of a pack it does not import
 * would show "undefined" the first time it is opened before that pack's screen. This reads
 * every module's `t.key` uses and its static imports, and holds each key to the shell's
 * strings or a pack the module loads. Keys read through a variable (`t[name]`) are out of
 * its sight: those name the shell's strings (urgencies, screens) or, in the inbox, its own
 * pack's (tabs, sorts).
 */
const DASHBOARD = path.resolve('dashboard');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return modules(file);
    return /\.(ts|tsx)$/.test(entry.name) ? [file] : [];
  });
}

/** Static imports only: a dynamic import() is a screen loaded later, with its own packs. */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  // `import … from`, side-effect imports and `export … from` (the design system's barrel);
  // not `import type`, which the build erases.
  const found = [...source.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?from\s+)?['"](\.[^'"]+)['"]/gm)];
  return found
    .filter((match) => !/^\s*(?:import|export)\s+type\s/.test(match[0]))
    .map((match) => {
      const base = path.resolve(path.dirname(file), match[1]!);
      for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
        try {
          if (readFileSync(candidate)) return candidate;
        } catch {
          // Not this spelling.
        }
      }
      return base;
    })
    .filter((resolved) => /\.(ts|tsx)$/.test(resolved));
}

function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of staticImports(file)) closure(imported, seen);
  return seen;
}

const usedKeys = (file: string) =>
  new Set([...readFileSync(file, 'utf8').matchAll(/\bt\.([A-Za-z_]\w*)/g)].map((match) => match[1]!));

describe('dashboard string packs', async () => {
  const i18n = await import('../../../dashboard/i18n');
  const shellKeys = new Set(Object.keys(i18n.STRINGS.en));
  const packs = {
    [path.join(DASHBOARD, 'strings/leads.ts')]: (await import('../../../dashboard/strings/leads')).LEADS_STRINGS,
    [path.join(DASHBOARD, 'strings/settings.ts')]: (await import('../../../dashboard/strings/settings'))
      .SETTINGS_STRINGS,
    [path.join(DASHBOARD, 'strings/clients.ts')]: (await import('../../../dashboard/strings/clients')).CLIENTS_STRINGS,
    [path.join(DASHBOARD, 'strings/gallery.ts')]: (await import('../../../dashboard/strings/gallery')).GALLERY_STRINGS,
    [path.join(DASHBOARD, 'strings/insights.ts')]: (await import('../../../dashboard/strings/insights'))
      .INSIGHTS_STRINGS,
    [path.join(DASHBOARD, 'strings/staff.ts')]: (await import('../../../dashboard/strings/staff')).STAFF_STRINGS,
  };
  const packOf = (key: string) => Object.entries(packs).find(([, pack]) => key in pack.en)?.[0];

  it('has no key in two places (a pack would silently override the shell)', () => {
    for (const [file, pack] of Object.entries(packs)) {
      const shared = Object.keys(pack.en).filter((key) => shellKeys.has(key));
      expect(shared, path.relative(DASHBOARD, file)).toEqual([]);
    }
  });

  it('gives every module the packs of the strings it reads', () => {
    const missing: string[] = [];
    for (const file of modules(DASHBOARD)) {
      if (file.includes(`${path.sep}strings${path.sep}`)) continue;
      const loaded = closure(file);
      for (const key of usedKeys(file)) {
        if (shellKeys.has(key)) continue;
        const pack = packOf(key);
        if (!pack) missing.push(`${path.relative(DASHBOARD, file)}: t.${key} is in no pack`);
        else if (!loaded.has(pack))
          missing.push(`${path.relative(DASHBOARD, file)}: t.${key} needs ${path.relative(DASHBOARD, pack)}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
