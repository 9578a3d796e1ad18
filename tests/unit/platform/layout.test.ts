import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The Worker's layout rule, read from the imports themselves: features → platform →
 * schema. The platform imports no feature, schema imports no Worker code, and a feature
 * uses another only through that feature's index.ts.
 */

const WORKER = 'worker';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every relative import of a file, resolved to a path from the repository's root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!);
  return specs.map((spec) => path.normalize(path.join(path.dirname(file), spec)));
}

const featureOf = (file: string) => /^worker\/features\/([^/]+)/.exec(file)?.[1];

describe('the layout of worker/', () => {
  it('holds only index.ts, app.ts, platform/ and features/', () => {
    expect(readdirSync(WORKER).sort()).toEqual(['app.ts', 'features', 'index.ts', 'platform']);
  });

  it('gives every feature an index.ts', () => {
    const missing = readdirSync('worker/features').filter((name) => {
      try {
        return !statSync(`worker/features/${name}/index.ts`).isFile();
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it('never imports a feature from the platform', () => {
    const upward = sourceFiles('worker/platform').flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('worker/features/') || target === 'worker/app')
        .map((target) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('never imports Worker code from schema/', () => {
    const upward = sourceFiles('schema').flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('worker/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('lets a feature use another only through its index.ts', () => {
    const reachingIn = sourceFiles('worker/features').flatMap((file) =>
      importsOf(file)
        .filter((target) => {
          const other = featureOf(target);
          if (!other || other === featureOf(file)) return false;
          return target !== `worker/features/${other}` && target !== `worker/features/${other}/index`;
        })
        .map((target) => `${file} → ${target}`),
    );
    expect(reachingIn).toEqual([]);
  });

  it('has no cycle between features', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of sourceFiles('worker/features')) {
      const from = featureOf(file)!;
      for (const target of importsOf(file)) {
        const to = featureOf(target);
        if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      if (trail.includes(node)) {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
    };
    for (const feature of edges.keys()) visit(feature, []);
    expect(cycles).toEqual([]);
  });
});
