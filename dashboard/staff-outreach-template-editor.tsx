import { Braces, Eye, Pencil, Plus, Store, X } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  TemplateInput,
  TemplatePreview,
  TemplateProblemView,
  TemplatesResponse,
  TemplateView,
} from '../schema/outreach-api';
import type { ProspectListView, ProspectRow } from '../schema/prospects-api';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../schema/vocabulary';
import { ApiError, api, errorText } from './api';
import { AppLink, Button, Card, Field, Icon } from './design';
import { focusHeading } from './focus';
import { PROSPECT_SCREEN_NAMES } from './header';
import type { Lang, Strings } from './i18n';
import { hostOf, prospectListPath } from './prospects-format';
import { PATHS } from './router';
import { count, ErrorLine } from './staff-common';
import { bi, colon, OUTREACH_API, Quoted } from './staff-outreach-common';
import { OUTREACH_STRINGS, type OutreachStrings } from './strings/outreach';

/**
 * A template's editor (staff-outreach-templates.tsx): its fields, the variables it may use
 * (each inserted at the cursor), the problems the API finds shown at their place, and a
 * preview written for one prospect of the pool, the HTML in a sandboxed frame that runs no
 * script.
 */

type Part = TemplateProblemView['part'];
const PART_KEY = { subject: 'subject', plain: 'plainContent', html: 'htmlContent' } as const satisfies Record<
  Part,
  keyof TemplateInput
>;

const blank = (language: Language): TemplateInput => ({
  name: '',
  description: null,
  language,
  category: '',
  subject: '',
  plainContent: '',
  htmlContent: '',
  isActive: true,
});

const inputOf = (template: TemplateView): TemplateInput => ({
  name: template.name,
  description: template.description,
  language: template.language,
  category: template.category,
  subject: template.subject,
  plainContent: template.plainContent,
  htmlContent: template.htmlContent,
  isActive: template.isActive,
});

/** The problems a 422 (`invalid_template`) lists in its details, when it does. */
function problemsOf(caught: unknown): TemplateProblemView[] | null {
  if (!(caught instanceof ApiError) || caught.code !== 'invalid_template') return null;
  const problems = caught.details.problems;
  return Array.isArray(problems) ? (problems as TemplateProblemView[]) : null;
}

/** Where a problem is, in words: "line 3, column 14" in a body, "character 14" in the subject. */
function whereIs(o: OutreachStrings, lang: Lang, part: Part, text: string, at: number): string {
  const before = text.slice(0, Math.max(0, at));
  const column = at - before.lastIndexOf('\n');
  if (part === 'subject') return o.orAtCharacter(count(at + 1, lang));
  return o.orAtLine(count(before.split('\n').length, lang), count(column, lang));
}

/** The problems found, each with a button to its place in its part. */
function ProblemList(props: {
  o: OutreachStrings;
  lang: Lang;
  problems: readonly TemplateProblemView[];
  draft: TemplateInput;
  show: (problem: TemplateProblemView) => void;
}) {
  const { o, lang, draft } = props;
  return (
    <ul class="or-problems">
      {props.problems.map((problem) => (
        <li key={`${problem.part}-${problem.at}-${problem.kind}`}>
          <span>
            <strong>{o.orParts[problem.part]}</strong>
            {colon(lang)}
            {bi(problem.message, lang)} ({whereIs(o, lang, problem.part, draft[PART_KEY[problem.part]], problem.at)})
          </span>{' '}
          <Button small variant="ghost" onClick={() => props.show(problem)}>
            {o.orShowIt}
          </Button>
        </li>
      ))}
    </ul>
  );
}

export function TemplateEditor(props: {
  t: Strings;
  lang: Lang;
  template: TemplateView | null;
  variables: TemplatesResponse['variables'];
  categories: readonly string[];
  go: (path: string) => void;
  onClose: () => void;
  onSaved: (saved: TemplateView, created: boolean) => Promise<void>;
}) {
  const { t, lang, template } = props;
  const o = OUTREACH_STRINGS[lang];
  const [draft, setDraft] = useState<TemplateInput>(() => (template ? inputOf(template) : blank(lang)));
  const [problems, setProblems] = useState<TemplateProblemView[]>([]);
  const [invalid, setInvalid] = useState<Record<string, string[]>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const subject = useRef<HTMLInputElement>(null);
  const plain = useRef<HTMLTextAreaElement>(null);
  const html = useRef<HTMLTextAreaElement>(null);
  /** The part the cursor was last in: a variable goes there. */
  const lastPart = useRef<Part>('plain');
  const id = template ? `or-tpl-${template.id}` : 'or-tpl-new';
  useEffect(() => focusHeading(`${id}-title`), []);

  const control = (part: Part) =>
    part === 'subject' ? subject.current : part === 'plain' ? plain.current : html.current;
  const set = <K extends keyof TemplateInput>(field: K, value: TemplateInput[K]) =>
    setDraft((old) => ({ ...old, [field]: value }));
  const insert = (name: string) => {
    const part = lastPart.current;
    const key = PART_KEY[part];
    const element = control(part);
    const value = draft[key];
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? start;
    const token = `{{${name}}}`;
    set(key, value.slice(0, start) + token + value.slice(end));
    setTimeout(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const show = (problem: TemplateProblemView) => {
    const element = control(problem.part);
    if (!element) return;
    element.focus();
    element.setSelectionRange(problem.at, problem.at);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setError('');
    setInvalid({});
    setProblems([]);
    setBusy(true);
    const body: TemplateInput = {
      ...draft,
      name: draft.name.trim(),
      category: draft.category.trim(),
      description: draft.description?.trim() ? draft.description.trim() : null,
    };
    try {
      const saved = template
        ? await api<TemplateView>('PUT', `${OUTREACH_API}/templates/${encodeURIComponent(template.id)}`, body)
        : await api<TemplateView>('POST', `${OUTREACH_API}/templates`, body);
      await props.onSaved(saved, !template);
    } catch (caught) {
      const found = problemsOf(caught);
      if (found) {
        setProblems(found);
        focusHeading(`${id}-problems-title`);
      } else if (caught instanceof ApiError && Object.keys(caught.fields).length > 0) setInvalid(caught.fields);
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  /** A part's errors: the API's, each problem with its place. */
  const partErrors = (part: Part) => [
    ...(invalid[PART_KEY[part]] ?? []),
    ...problems
      .filter((problem) => problem.part === part)
      .map((problem) => `${bi(problem.message, lang)} (${whereIs(o, lang, part, draft[PART_KEY[part]], problem.at)})`),
  ];
  const remember = (part: Part) => () => {
    lastPart.current = part;
  };
  return (
    <Card
      id={id}
      icon={template ? Pencil : Plus}
      title={template ? o.orEditTemplate(template.name) : o.orNewTemplate}
      description={o.orEditorHelp}
      class="or-form"
      actions={
        <Button small variant="ghost" icon={X} onClick={props.onClose}>
          {o.orClose}
        </Button>
      }
    >
      <div class="pr-columns or-editor">
        <form onSubmit={save} noValidate>
          <div class="pr-form-grid">
            <Field id={`${id}-name`} label={o.orName} error={invalid.name}>
              {(c) => (
                <input
                  {...c}
                  type="text"
                  autoComplete="off"
                  value={draft.name}
                  onInput={(e) => set('name', e.currentTarget.value)}
                />
              )}
            </Field>
            <Field id={`${id}-language`} label={o.orLanguage} help={o.orLanguageHelp} error={invalid.language}>
              {(c) => (
                <select
                  {...c}
                  value={draft.language}
                  onChange={(e) => set('language', e.currentTarget.value as Language)}
                >
                  {LANGUAGES.map((language) => (
                    <option key={language} value={language}>
                      {LANGUAGE_NAMES[language][lang]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${id}-category`} label={o.orCategory} help={o.orCategoryHelp} error={invalid.category}>
              {(c) => (
                <input
                  {...c}
                  type="text"
                  autoComplete="off"
                  list={`${id}-categories`}
                  value={draft.category}
                  onInput={(e) => set('category', e.currentTarget.value)}
                />
              )}
            </Field>
            <datalist id={`${id}-categories`}>
              {props.categories.map((category) => (
                <option key={category} value={category} />
              ))}
            </datalist>
          </div>
          <Field id={`${id}-description`} label={o.orDescription} help={o.orOptional} error={invalid.description}>
            {(c) => (
              <input
                {...c}
                type="text"
                autoComplete="off"
                value={draft.description ?? ''}
                onInput={(e) => set('description', e.currentTarget.value)}
              />
            )}
          </Field>
          {problems.length > 0 ? (
            <div class="notice-box ft-off or-alarm">
              <div>
                <p>
                  <strong id={`${id}-problems-title`}>
                    {o.orProblemsTitle(problems.length, count(problems.length, lang))}
                  </strong>
                </p>
                <ProblemList o={o} lang={lang} problems={problems} draft={draft} show={show} />
              </div>
            </div>
          ) : null}
          <Field id={`${id}-subject`} label={o.orParts.subject} error={partErrors('subject')}>
            {(c) => (
              <input
                {...c}
                ref={subject}
                type="text"
                autoComplete="off"
                value={draft.subject}
                onFocus={remember('subject')}
                onInput={(e) => set('subject', e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id={`${id}-plain`} label={o.orParts.plain} help={o.orPlainHelp} error={partErrors('plain')}>
            {(c) => (
              <textarea
                {...c}
                ref={plain}
                rows={12}
                class="or-code"
                value={draft.plainContent}
                onFocus={remember('plain')}
                onInput={(e) => set('plainContent', e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id={`${id}-html`} label={o.orParts.html} help={o.orHtmlHelp} error={partErrors('html')}>
            {(c) => (
              <textarea
                {...c}
                ref={html}
                rows={12}
                class="or-code"
                value={draft.htmlContent}
                onFocus={remember('html')}
                onInput={(e) => set('htmlContent', e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id={`${id}-active`} label={o.orActiveLabel} help={o.orActiveHelp} check error={invalid.isActive}>
            {(c) => (
              <input
                {...c}
                type="checkbox"
                checked={draft.isActive}
                onChange={(e) => set('isActive', e.currentTarget.checked)}
              />
            )}
          </Field>
          <ErrorLine text={error} />
          <div class="btn-row">
            <Button variant="primary" type="submit" busy={busy}>
              {busy ? o.orSaving : template ? o.orSave : o.orCreateTemplate}
            </Button>
            <Button variant="ghost" disabled={busy} onClick={props.onClose}>
              {o.orCancel}
            </Button>
          </div>
        </form>
        <div class="pr-side">
          <section class="ft-part" aria-labelledby={`${id}-vars-title`}>
            <h4 id={`${id}-vars-title`}>
              <Icon icon={Braces} />
              {o.orVariables}
            </h4>
            <p class="hint">{o.orVariablesHelp}</p>
            <ul class="or-vars">
              {props.variables.map((variable) => (
                <li key={variable.name}>
                  <Button small variant="ghost" onClick={() => insert(variable.name)}>
                    <code>{`{{${variable.name}}}`}</code>
                    <span class="sr-only"> — {o.orInsert}</span>
                  </Button>
                  <span class="muted">{bi(variable.description, lang)}</span>
                </li>
              ))}
            </ul>
          </section>
          <Preview
            t={t}
            o={o}
            lang={lang}
            id={id}
            draft={draft}
            go={props.go}
            onProblems={(found) => {
              // A preview that renders clears the problems of the last save, and what it said.
              if (found.length === 0 && problems.length > 0) setError('');
              setProblems(found);
            }}
            show={show}
          />
        </div>
      </div>
    </Card>
  );
}

/** The draft rendered for one prospect of the pool, chosen from a list one can search. */
function Preview(props: {
  t: Strings;
  o: OutreachStrings;
  lang: Lang;
  id: string;
  draft: TemplateInput;
  go: (path: string) => void;
  onProblems: (problems: TemplateProblemView[]) => void;
  show: (problem: TemplateProblemView) => void;
}) {
  const { t, o, lang, draft } = props;
  const id = `${props.id}-preview`;
  const [q, setQ] = useState('');
  const [prospects, setProspects] = useState<ProspectRow[] | null>(null);
  const [listError, setListError] = useState('');
  const [prospectId, setProspectId] = useState('');
  const [result, setResult] = useState<TemplatePreview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    const query = q.trim();
    const timer = setTimeout(
      async () => {
        try {
          const page = await api<ProspectListView>(
            'GET',
            prospectListPath({ sort: 'need', ...(query ? { q: query } : {}) }),
          );
          if (ticket !== latest.current) return;
          setProspects(page.prospects);
          setListError('');
          setProspectId((old) =>
            old && page.prospects.some((prospect) => prospect.id === old) ? old : (page.prospects[0]?.id ?? ''),
          );
        } catch (caught) {
          if (ticket === latest.current) setListError(errorText(caught, t));
        }
      },
      query ? 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [q]);

  const run = async () => {
    if (!prospectId) return;
    setBusy(true);
    setError('');
    try {
      const preview = await api<TemplatePreview>('POST', `${OUTREACH_API}/templates/preview`, {
        subject: draft.subject,
        plainContent: draft.plainContent,
        htmlContent: draft.htmlContent,
        prospectId,
      });
      setResult(preview);
      props.onProblems(preview.ok ? [] : preview.problems);
    } catch (caught) {
      const found = problemsOf(caught);
      if (found) {
        setResult({ ok: false, problems: found });
        props.onProblems(found);
      } else {
        setResult(null);
        setError(errorText(caught, t));
      }
    } finally {
      setBusy(false);
    }
  };
  const label = (prospect: ProspectRow) =>
    [prospect.businessName, hostOf(prospect.website), prospect.language ? LANGUAGE_NAMES[prospect.language][lang] : '']
      .filter(Boolean)
      .join(' · ');
  return (
    <section class="ft-part or-preview" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>
        <Icon icon={Eye} />
        {o.orPreview}
      </h4>
      <p class="hint">{o.orPreviewHelp}</p>
      {prospects !== null && prospects.length === 0 && !q.trim() ? (
        <p class="muted">
          <Icon icon={Store} /> {o.orNoProspects}{' '}
          <AppLink href={PATHS['staff-prospects']} go={props.go}>
            {PROSPECT_SCREEN_NAMES[lang]['staff-prospects']}
          </AppLink>
        </p>
      ) : (
        <>
          <Field id={`${id}-q`} label={o.orFindProspect}>
            {(c) => (
              <input
                {...c}
                type="search"
                autoComplete="off"
                placeholder={o.orFindProspectPlaceholder}
                value={q}
                onInput={(e) => setQ(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id={`${id}-prospect`} label={o.orProspect} help={prospects?.length === 0 ? o.orNoMatch : undefined}>
            {(c) => (
              <select
                {...c}
                value={prospectId}
                disabled={!prospects || prospects.length === 0}
                onChange={(e) => setProspectId(e.currentTarget.value)}
              >
                {prospects === null ? <option value="">{t.loading}</option> : null}
                {(prospects ?? []).map((prospect) => (
                  <option key={prospect.id} value={prospect.id}>
                    {label(prospect)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ErrorLine text={listError} />
          <Button icon={Eye} busy={busy} disabled={!prospectId} onClick={run}>
            {busy ? o.orRendering : o.orRender}
          </Button>
        </>
      )}
      <ErrorLine text={error} />
      <div aria-live="polite">
        {result?.ok ? (
          <div class="or-rendered">
            <p>
              <span class="muted">{o.orParts.subject}</span> <strong>{result.subject}</strong>
            </p>
            <h5>{o.orParts.plain}</h5>
            <Quoted text={result.plain} />
            <h5>{o.orParts.html}</h5>
            <iframe class="or-html" sandbox="" srcdoc={result.html} title={o.orHtmlFrame} />
            <h5>{o.orFacts}</h5>
            {result.facts.length === 0 ? (
              <p class="muted">{o.orNoFacts}</p>
            ) : (
              <ul class="or-facts">
                {result.facts.map((fact) => (
                  <li key={fact}>{fact}</li>
                ))}
              </ul>
            )}
          </div>
        ) : result ? (
          <div class="or-rendered">
            <p class="error">{o.orCannotRender}</p>
            <ProblemList o={o} lang={lang} problems={result.problems} draft={draft} show={props.show} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
