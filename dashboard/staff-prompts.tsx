import { Dna, FlaskConical, GitBranch, PencilLine, Scale, Shuffle, Telescope, X } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  AbTestCreated,
  AbTestView,
  ArmMetrics,
  EditedVariantView,
  EvolutionView,
  PromptsView,
  PromptVariantView,
} from '../schema/learning-api';
import { LANGUAGE_NAMES } from '../schema/vocabulary';
import { api, errorText } from './api';
import { Badge, type BadgeTone, Button, Card, Dialog, Field, PageHeader, Skeleton, Toast } from './design';
import { formatDate, type Lang, type Strings } from './i18n';
import { count, dollars, ErrorLine, millis, pValue, score, share, useStaffView } from './staff-common';
import './strings/staff';

/**
 * The Prompts screen (/app/staff/prompts), internal accounts only: every variant of every
 * prompt with its score and use, which one new leads get, the A/B tests with each arm's
 * figures and where they stand, and the lineage of the variants. Staff edit a variant (a
 * new child), test it against its parent in one click, look at or cancel a running test,
 * and evolve a variant with the AI when OpenAI is configured.
 */
export function StaffPrompts(props: { t: Strings; lang: Lang }) {
  const { t, lang } = props;
  const { view, error, loading, reload } = useStaffView<PromptsView>('/staff/prompts', t);
  const [toast, setToast] = useState<string | null>(null);
  const [edited, setEdited] = useState<EditedVariantView | null>(null);
  const done = async (message: string) => {
    await reload();
    setToast(message);
  };
  return (
    <main class="staff staff-prompts" aria-busy={loading || undefined}>
      <PageHeader title={t['staff-prompts']} description={t.staffPromptsIntro} />
      <ErrorLine text={error} />
      {view ? (
        <>
          {view.canEvolve ? null : <p class="notice-line">{t.staffNoEvolve}</p>}
          {edited ? (
            <TestEdited
              t={t}
              edited={edited}
              onClose={() => setEdited(null)}
              onStarted={(name) => {
                setEdited(null);
                return done(t.staffTestStarted(name));
              }}
            />
          ) : null}
          <Tests t={t} lang={lang} tests={view.tests} onDone={done} />
          <Variants
            t={t}
            lang={lang}
            view={view}
            onEdited={async (result) => {
              await reload();
              setEdited(result);
            }}
            onDone={done}
          />
          <EvolutionTree t={t} lang={lang} view={view} />
        </>
      ) : error ? null : (
        <Skeleton label={t.loading} blocks={3} />
      )}
      <Toast text={toast} closeLabel={t.close} onDismiss={() => setToast(null)} />
    </main>
  );
}

/** After an edit: the new child, and the one click that tests it against its parent. */
function TestEdited(props: {
  t: Strings;
  edited: EditedVariantView;
  onClose: () => void;
  onStarted: (testName: string) => Promise<void>;
}) {
  const { t, edited } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [edited.variant.variantId]);
  const start = async () => {
    setBusy(true);
    setError('');
    try {
      const created = await api<AbTestCreated>('POST', '/staff/ab-tests', {
        controlVariantId: edited.evolution.parentVariantId,
        treatmentVariantId: edited.variant.variantId,
      });
      await props.onStarted(created.test.testName);
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card staff-edited" aria-labelledby="sp-edited-title">
      <h2 id="sp-edited-title" ref={title} tabIndex={-1}>
        {t.staffEditedTitle(edited.variant.variantId)}
      </h2>
      <p>{t.staffEditedHelp(edited.evolution.parentVariantId)}</p>
      <div class="btn-row">
        <Button variant="primary" icon={FlaskConical} busy={busy} onClick={start}>
          {t.staffTestAgainstParent}
        </Button>
        <Button variant="ghost" onClick={props.onClose}>
          {t.staffLater}
        </Button>
      </div>
      <ErrorLine text={error} />
    </section>
  );
}

const DECISION_TONE: Record<AbTestView['decision'], BadgeTone> = {
  draft: 'neutral',
  collecting: 'info',
  winner: 'success',
  inconclusive: 'warning',
  cancelled: 'neutral',
};

function Tests(props: {
  t: Strings;
  lang: Lang;
  tests: readonly AbTestView[];
  onDone: (message: string) => Promise<void>;
}) {
  const { t, lang, tests } = props;
  return (
    <Card id="sp-tests" icon={Scale} title={t.staffTestsTitle} description={t.staffTestsHelp}>
      {tests.length === 0 ? (
        <p class="muted">{t.staffNoTests}</p>
      ) : (
        <ul class="staff-tests">
          {tests.map((test) => (
            <li key={test.id}>
              <TestItem t={t} lang={lang} test={test} onDone={props.onDone} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function TestItem(props: { t: Strings; lang: Lang; test: AbTestView; onDone: (message: string) => Promise<void> }) {
  const { t, lang, test } = props;
  const [busy, setBusy] = useState<'look' | 'cancel' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const headingId = `sp-test-${test.id}`;
  const act = async (action: 'look' | 'cancel') => {
    setBusy(action);
    setError('');
    try {
      await api('POST', `/staff/ab-tests/${encodeURIComponent(test.id)}/${action}`);
      setConfirming(false);
      await props.onDone(action === 'look' ? t.staffLooked(test.testName) : t.staffCancelled(test.testName));
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(null);
    }
  };
  const open = test.status === 'running' || test.status === 'draft';
  return (
    <article class="staff-test" aria-labelledby={headingId}>
      <header>
        <h3 id={headingId}>{test.testName}</h3>
        <Badge tone={DECISION_TONE[test.decision]}>{t.staffDecisions[test.decision]}</Badge>
      </header>
      <p class="meta">
        <span>{t.staffPromptOf(test.promptName, LANGUAGE_NAMES[test.language][lang])}</span>
        {test.startedAt ? <span>{t.staffStarted(formatDate(test.startedAt, lang))}</span> : null}
        {test.endedAt ? <span>{t.staffEnded(formatDate(test.endedAt, lang))}</span> : null}
        <span>
          {t.staffTestRules(
            count(test.minSampleSize, lang),
            test.maxDurationDays,
            share(test.significanceLevel, lang, t),
          )}
        </span>
        <span>{t.staffPValue(pValue(test.pValue, lang, t))}</span>
      </p>
      <ArmsTable t={t} lang={lang} test={test} />
      {open ? (
        <div class="btn-row">
          {test.status === 'running' ? (
            <Button icon={Telescope} busy={busy === 'look'} disabled={busy !== null} onClick={() => act('look')}>
              {t.staffLookNow}
            </Button>
          ) : null}
          <Button variant="ghost" icon={X} disabled={busy !== null} onClick={() => setConfirming(true)}>
            {t.staffCancelTest}
          </Button>
        </div>
      ) : null}
      <ErrorLine text={confirming ? '' : error} />
      <Dialog
        id={`sp-cancel-${test.id}`}
        open={confirming}
        title={t.staffCancelTitle(test.testName)}
        closeLabel={t.close}
        onClose={() => setConfirming(false)}
      >
        <p>{t.staffCancelHelp}</p>
        <ErrorLine text={error} />
        <div class="btn-row">
          <Button variant="danger" busy={busy === 'cancel'} onClick={() => act('cancel')}>
            {t.staffCancelConfirm}
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            {t.staffKeepTest}
          </Button>
        </div>
      </Dialog>
    </article>
  );
}

type ArmRow =
  | 'executions'
  | 'corrections'
  | 'conversions'
  | 'quality'
  | 'consistency'
  | 'completeness'
  | 'latency'
  | 'tokens'
  | 'cost';
const ARM_ROWS: readonly ArmRow[] = [
  'executions',
  'corrections',
  'conversions',
  'quality',
  'consistency',
  'completeness',
  'latency',
  'tokens',
  'cost',
];

/** One figure of an arm in words: a rate with what it is of ("26,3 % (5 / 19)"), a score, a time, a cost. */
function metricText(row: ArmRow, metrics: ArmMetrics | null, lang: Lang, t: Strings): string {
  if (!metrics) return t.none;
  switch (row) {
    case 'executions':
      return count(metrics.executions, lang);
    case 'corrections':
      return t.staffRateOf(
        share(metrics.correctionRate, lang, t),
        count(metrics.corrected, lang),
        count(metrics.judged, lang),
      );
    case 'conversions':
      return t.staffRateOf(
        share(metrics.conversionRate, lang, t),
        count(metrics.conversions, lang),
        count(metrics.executions, lang),
      );
    case 'quality':
    case 'consistency':
    case 'completeness':
      return score(metrics[row], lang, t);
    case 'latency':
      return millis(metrics.latencyMsP50, lang, t);
    case 'tokens':
      return metrics.tokensMean === null ? t.none : count(Math.round(metrics.tokensMean), lang);
    case 'cost':
      return dollars(metrics.costUsd, lang);
  }
}

/** The two arms side by side, a metric per row; the winner's column says so. */
function ArmsTable(props: { t: Strings; lang: Lang; test: AbTestView }) {
  const { t, lang, test } = props;
  if (!test.controlMetrics && !test.treatmentMetrics) return <p class="muted">{t.staffNoLookYet}</p>;
  const arm = (role: 'control' | 'treatment') => {
    const variant = role === 'control' ? test.controlVariantId : test.treatmentVariantId;
    return (
      <th scope="col">
        <span class="arm-role">{t.staffArms[role]}</span> <code>{variant}</code>
        {test.winnerVariantId === variant ? (
          <>
            {' '}
            <Badge tone="success">{t.staffWinner}</Badge>
          </>
        ) : null}
      </th>
    );
  };
  return (
    <div class="arms-wrap">
      <table class="table staff-arms">
        <caption class="sr-only">{t.staffArmsCaption(test.testName)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.staffMetric}</th>
            {arm('control')}
            {arm('treatment')}
          </tr>
        </thead>
        <tbody>
          {ARM_ROWS.map((key) => (
            <tr key={key}>
              <th scope="row">{t.staffMetrics[key]}</th>
              <td data-label={`${t.staffArms.control} ${test.controlVariantId}`}>
                {metricText(key, test.controlMetrics, lang, t)}
              </td>
              <td data-label={`${t.staffArms.treatment} ${test.treatmentVariantId}`}>
                {metricText(key, test.treatmentMetrics, lang, t)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Variants grouped by prompt and language, as choosePromptVariant groups them. */
function groupsOf(variants: readonly PromptVariantView[]) {
  const groups = new Map<string, PromptVariantView[]>();
  for (const variant of variants) {
    const key = `${variant.promptName} ${variant.language}`;
    groups.set(key, [...(groups.get(key) ?? []), variant]);
  }
  return [...groups.entries()].map(([key, list]) => ({ key, list }));
}

function Variants(props: {
  t: Strings;
  lang: Lang;
  view: PromptsView;
  onEdited: (edited: EditedVariantView) => Promise<void>;
  onDone: (message: string) => Promise<void>;
}) {
  const { t, lang, view } = props;
  const [editing, setEditing] = useState<PromptVariantView | null>(null);
  const [evolving, setEvolving] = useState<PromptVariantView | null>(null);
  const testing = new Set(
    view.tests
      .filter((test) => test.status === 'running')
      .flatMap((test) => [test.controlVariantId, test.treatmentVariantId]),
  );
  return (
    <Card id="sp-variants" icon={PencilLine} title={t.staffVariantsTitle} description={t.staffVariantsHelp}>
      {groupsOf(view.variants).map((group) => {
        const first = group.list[0]!;
        const headingId = `sp-group-${first.promptName}-${first.language}`;
        return (
          <section key={group.key} class="variant-group" aria-labelledby={headingId}>
            <h3 id={headingId}>{t.staffPromptOf(first.promptName, LANGUAGE_NAMES[first.language][lang])}</h3>
            <ul class="variant-list">
              {group.list.map((variant) => (
                <li key={variant.variantId} class="variant">
                  <div class="variant-head">
                    <code class="variant-id">{variant.variantId}</code>
                    {variant.inUse ? <Badge tone="success">{t.staffInUse}</Badge> : null}
                    {testing.has(variant.variantId) ? <Badge tone="info">{t.staffInTest}</Badge> : null}
                    {variant.isActive ? null : <Badge>{t.staffInactive}</Badge>}
                  </div>
                  <p class="meta">
                    <span>{t.staffVersion(variant.version)}</span>
                    <span>{t.staffScore(score(variant.score, lang, t))}</span>
                    <span>{t.staffUsage(count(variant.usageCount, lang))}</span>
                    <span>{variant.parentVariantId ? t.staffParent(variant.parentVariantId) : t.staffNoParent}</span>
                    <span>{t.staffCreated(formatDate(variant.createdAt, lang))}</span>
                  </p>
                  <details class="variant-text">
                    <summary>{t.staffShowText}</summary>
                    {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long text scrolls in its box, so the keyboard must reach it (WCAG 2.1.1). */}
                    <pre tabIndex={0}>{variant.text}</pre>
                  </details>
                  <div class="btn-row">
                    <Button
                      small
                      icon={PencilLine}
                      aria-label={t.staffEditOf(variant.variantId)}
                      onClick={() => setEditing(variant)}
                    >
                      {t.staffEdit}
                    </Button>
                    {view.canEvolve ? (
                      <Button
                        small
                        icon={Dna}
                        aria-label={t.staffEvolveOf(variant.variantId)}
                        onClick={() => setEvolving(variant)}
                      >
                        {t.staffEvolve}
                      </Button>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {editing ? (
        <EditDialog
          t={t}
          variant={editing}
          onClose={() => setEditing(null)}
          onSaved={async (result) => {
            setEditing(null);
            await props.onEdited(result);
          }}
        />
      ) : null}
      {evolving ? (
        <EvolveDialog
          t={t}
          variant={evolving}
          others={view.variants.filter(
            (other) =>
              other.variantId !== evolving.variantId &&
              other.promptName === evolving.promptName &&
              other.language === evolving.language,
          )}
          onClose={() => setEvolving(null)}
          onEvolved={async () => {
            const name = evolving.variantId;
            setEvolving(null);
            await props.onDone(t.staffEvolved(name));
          }}
        />
      ) : null}
    </Card>
  );
}

function EditDialog(props: {
  t: Strings;
  variant: PromptVariantView;
  onClose: () => void;
  onSaved: (result: EditedVariantView) => Promise<void>;
}) {
  const { t, variant } = props;
  const [text, setText] = useState(variant.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const unchanged = text.trim() === variant.text.trim();
  const save = async (event: Event) => {
    event.preventDefault();
    if (unchanged) {
      setError(t.staffEditUnchanged);
      return;
    }
    setBusy(true);
    setError('');
    try {
      const result = await api<EditedVariantView>(
        'POST',
        `/staff/prompts/${encodeURIComponent(variant.variantId)}/edit`,
        { text },
      );
      await props.onSaved(result);
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog id="sp-edit" open title={t.staffEditTitle(variant.variantId)} closeLabel={t.close} onClose={props.onClose}>
      <form onSubmit={save} noValidate>
        <Field id="sp-edit-text" label={t.staffEditLabel} help={t.staffEditHelp} error={error || undefined}>
          {(control) => (
            <textarea
              {...control}
              class="prompt-editor"
              rows={14}
              spellcheck={false}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="btn-row">
          <Button variant="primary" type="submit" busy={busy}>
            {busy ? t.staffSaving : t.staffSaveChild}
          </Button>
          <Button variant="ghost" onClick={props.onClose}>
            {t.staffDiscard}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function EvolveDialog(props: {
  t: Strings;
  variant: PromptVariantView;
  others: readonly PromptVariantView[];
  onClose: () => void;
  onEvolved: () => Promise<void>;
}) {
  const { t, variant, others } = props;
  const [type, setType] = useState<'mutation' | 'crossover'>('mutation');
  const [other, setOther] = useState(others[0]?.variantId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await api('POST', `/staff/prompts/${encodeURIComponent(variant.variantId)}/evolve`, {
        type,
        ...(type === 'crossover' ? { otherVariantId: other } : {}),
      });
      await props.onEvolved();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      id="sp-evolve"
      open
      title={t.staffEvolveTitle(variant.variantId)}
      closeLabel={t.close}
      onClose={props.onClose}
    >
      <form onSubmit={run}>
        <fieldset class="staff-choice">
          <legend>{t.staffEvolveHow}</legend>
          <label>
            <input
              type="radio"
              name="sp-evolve-type"
              checked={type === 'mutation'}
              onChange={() => setType('mutation')}
            />{' '}
            {t.staffMutation}
          </label>
          <label>
            <input
              type="radio"
              name="sp-evolve-type"
              checked={type === 'crossover'}
              disabled={others.length === 0}
              onChange={() => setType('crossover')}
            />{' '}
            {t.staffCrossover}
          </label>
        </fieldset>
        {type === 'crossover' ? (
          <Field id="sp-evolve-other" label={t.staffCrossWith}>
            {(control) => (
              <select {...control} value={other} onChange={(e) => setOther(e.currentTarget.value)}>
                {others.map((option) => (
                  <option key={option.variantId} value={option.variantId}>
                    {option.variantId}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <ErrorLine text={error} />
        <div class="btn-row">
          <Button variant="primary" type="submit" icon={type === 'mutation' ? Dna : Shuffle} busy={busy}>
            {busy ? t.staffEvolving : t.staffEvolveRun}
          </Button>
          <Button variant="ghost" onClick={props.onClose}>
            {t.staffDiscard}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The lineage as nested lists: each variant under the one it came from, with how. */
function EvolutionTree(props: { t: Strings; lang: Lang; view: PromptsView }) {
  const { t, lang, view } = props;
  const children = new Map<string, EvolutionView[]>();
  for (const edge of view.evolution)
    children.set(edge.parentVariantId, [...(children.get(edge.parentVariantId) ?? []), edge]);
  const isChild = new Set(view.evolution.map((edge) => edge.childVariantId));
  const roots = [...new Set(view.evolution.map((edge) => edge.parentVariantId))].filter((id) => !isChild.has(id));
  const branch = (id: string, seen: Set<string>): preact.ComponentChildren => {
    const below = (children.get(id) ?? []).filter((edge) => !seen.has(edge.childVariantId));
    if (below.length === 0) return null;
    return (
      <ul>
        {below.map((edge) => (
          <li key={edge.id}>
            <code>{edge.childVariantId}</code> <Badge>{t.staffEvolutionTypes[edge.type]}</Badge>{' '}
            <span class="meta-inline">
              {formatDate(edge.evolvedAt, lang)}
              {edge.improvementScore !== null ? ` · ${t.staffImprovement(score(edge.improvementScore, lang, t))}` : ''}
            </span>
            {edge.strategy ? <p class="tree-strategy">{edge.strategy}</p> : null}
            {branch(edge.childVariantId, new Set([...seen, edge.childVariantId]))}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <Card id="sp-tree" icon={GitBranch} title={t.staffTreeTitle} description={t.staffTreeHelp}>
      {roots.length === 0 ? (
        <p class="muted">{t.staffTreeEmpty}</p>
      ) : (
        <ul class="evolution-tree">
          {roots.map((root) => (
            <li key={root}>
              <code>{root}</code>
              {branch(root, new Set([root]))}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
