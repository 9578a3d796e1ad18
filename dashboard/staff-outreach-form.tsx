import { CircleAlert, Megaphone, Scale } from 'lucide';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  CAMPAIGN_BOUNDS,
  type CampaignDetail,
  type CampaignInput,
  type CampaignsResponse,
  type SenderIdentityView,
  type TargetCriteria,
  type TemplateView,
} from '../schema/outreach-api';
import { LANGUAGE_NAMES, LANGUAGES, type Language, PROVINCES, type Province } from '../schema/vocabulary';
import { ApiError, api, errorText } from './api';
import { Button, Card, Field, Icon } from './design';
import { focusHeading } from './focus';
import type { Lang, Strings } from './i18n';
import { joinList, splitList } from './prospects-format';
import { count, ErrorLine } from './staff-common';
import { OUTREACH_API, provinceName } from './staff-outreach-common';
import { OUTREACH_STRINGS, type OutreachStrings } from './strings/outreach';

/**
 * A campaign's settings, new (the Outreach screen) or a draft or paused one's (its page):
 * its name, client, templates in each language, follow-ups, mailbox and daily cap, the
 * prospects it writes to, and the sender's identification Canada's anti-spam law requires
 * in every email (prefilled from settings for a new one). Numbers and lists are typed as
 * text and read on submit; the API's 422 messages go under their inputs.
 */

const IDENTITY_FIELDS = ['senderName', 'businessName', 'postalAddress', 'contact'] as const;
const CRITERIA_FIELDS = [
  'industries',
  'regions',
  'languages',
  'minNeedScore',
  'minFitScore',
  'formTestSlowerThanHours',
  'limit',
] as const;
const FIELDS = [
  'name',
  'clientId',
  'templates',
  'followUps',
  'mailbox',
  'dailyCap',
  ...CRITERIA_FIELDS,
  ...IDENTITY_FIELDS,
] as const;
type FieldName = (typeof FIELDS)[number];

interface CampaignDraft {
  name: string;
  clientId: string;
  templateEn: string;
  templateFr: string;
  followUps: string;
  mailbox: string;
  dailyCap: string;
  industries: string;
  regions: Province[];
  languages: Language[];
  minNeedScore: string;
  minFitScore: string;
  formTestSlowerThanHours: string;
  limit: string;
  identity: SenderIdentityView;
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** The default daily cap of a new campaign: modest, and within the mailbox's own. */
const DEFAULT_DAILY_CAP = 20;

function draftOf(campaign: CampaignDetail | null, options: CampaignsResponse): CampaignDraft {
  if (!campaign) {
    const client = options.clients.find((one) => one.isInternal) ?? options.clients[0];
    const active = (language: Language) =>
      options.templates.filter((template) => template.language === language && template.isActive);
    // One active template in a language: it is the one to use.
    const only = (language: Language) => {
      const found = active(language);
      return found.length === 1 ? found[0]!.id : '';
    };
    return {
      name: '',
      clientId: client?.id ?? '',
      templateEn: only('en'),
      templateFr: only('fr'),
      followUps: '3, 7',
      mailbox: options.mailboxes[0] ?? '',
      dailyCap: String(Math.min(DEFAULT_DAILY_CAP, options.limits.mailboxDailyCap)),
      industries: '',
      regions: [],
      languages: [],
      minNeedScore: '',
      minFitScore: '',
      formTestSlowerThanHours: '',
      limit: '',
      identity: { ...options.defaultIdentity },
    };
  }
  const criteria = campaign.targetCriteria;
  return {
    name: campaign.name,
    clientId: campaign.clientId,
    templateEn: campaign.templateIds.en ?? '',
    templateFr: campaign.templateIds.fr ?? '',
    followUps: joinList(campaign.followUpSchedule.map(String)),
    mailbox: campaign.mailbox,
    dailyCap: String(campaign.dailyCap),
    industries: joinList(criteria.industries ?? []),
    regions: [...(criteria.regions ?? [])],
    languages: [...(criteria.languages ?? [])],
    minNeedScore: text(criteria.minNeedScore),
    minFitScore: text(criteria.minFitScore),
    formTestSlowerThanHours: text(criteria.formTestSlowerThanHours),
    limit: text(criteria.limit),
    identity: { ...campaign.identity },
  };
}

/** A number typed: blank is none, a number within bounds is kept, anything else is wrong. */
function numberOf(value: string, min: number, max: number, whole = true): number | null | 'invalid' {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const number = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(number) || number < min || number > max || (whole && !Number.isInteger(number)))
    return 'invalid';
  return number;
}

/** The body of POST/PUT /campaigns, or what to fix first. `base` keeps the criteria the form does not show (an ICP). */
function inputOf(
  draft: CampaignDraft,
  o: OutreachStrings,
  base: TargetCriteria,
): { input: CampaignInput } | { errors: Partial<Record<FieldName, string>> } {
  const errors: Partial<Record<FieldName, string>> = {};
  if (!draft.name.trim()) errors.name = o.orNameRequired;
  if (!draft.clientId) errors.clientId = o.orClientRequired;
  if (!draft.templateEn && !draft.templateFr) errors.templates = o.orTemplateRequired;
  // Days are whole: commas, semicolons and spaces all separate them ("3, 7", "3 7").
  const followUps = draft.followUps
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((day) => numberOf(day, 1, CAMPAIGN_BOUNDS.followUpDays));
  if (followUps.length > CAMPAIGN_BOUNDS.followUps || followUps.some((day) => day === null || day === 'invalid'))
    errors.followUps = o.orFollowUpsInvalid;
  const days = followUps.filter((day): day is number => typeof day === 'number');
  if (days.some((day, index) => index > 0 && day <= days[index - 1]!)) errors.followUps = o.orFollowUpsOrder;
  const dailyCap = numberOf(draft.dailyCap, 1, CAMPAIGN_BOUNDS.dailyCap);
  if (dailyCap === null || dailyCap === 'invalid') errors.dailyCap = o.orDailyCapInvalid;
  const need = numberOf(draft.minNeedScore, 0, 100);
  if (need === 'invalid') errors.minNeedScore = o.orScoreInvalid;
  const fit = numberOf(draft.minFitScore, 0, 100);
  if (fit === 'invalid') errors.minFitScore = o.orScoreInvalid;
  const hours = numberOf(draft.formTestSlowerThanHours, 1, CAMPAIGN_BOUNDS.slowerThanHours);
  if (hours === 'invalid') errors.formTestSlowerThanHours = o.orHoursInvalid;
  const limit = numberOf(draft.limit, 1, CAMPAIGN_BOUNDS.enrolment);
  if (limit === 'invalid') errors.limit = o.orLimitInvalid;
  if (Object.keys(errors).length > 0) return { errors };
  const criteria: TargetCriteria = { ...base };
  const industries = splitList(draft.industries);
  criteria.industries = industries;
  criteria.regions = PROVINCES.filter((province) => draft.regions.includes(province));
  criteria.languages = LANGUAGES.filter((language) => draft.languages.includes(language));
  criteria.minNeedScore = need as number | null;
  criteria.minFitScore = fit as number | null;
  criteria.formTestSlowerThanHours = hours as number | null;
  if (limit === null) delete criteria.limit;
  else criteria.limit = limit as number;
  return {
    input: {
      name: draft.name.trim(),
      clientId: draft.clientId,
      targetCriteria: criteria,
      templateIds: { en: draft.templateEn || null, fr: draft.templateFr || null },
      followUpSchedule: days,
      mailbox: draft.mailbox,
      dailyCap: dailyCap as number,
      identity: {
        senderName: draft.identity.senderName.trim(),
        businessName: draft.identity.businessName.trim(),
        postalAddress: draft.identity.postalAddress.trim(),
        contact: draft.identity.contact.trim(),
      },
    },
  };
}

/** The form's input a 422's path names (`identity.senderName`, `followUpSchedule.1`…); null for none. */
function fieldOf(path: string): FieldName | null {
  const [head, sub] = path.split('.');
  if (head === 'identity') return IDENTITY_FIELDS.find((field) => field === sub) ?? null;
  if (head === 'targetCriteria') return CRITERIA_FIELDS.find((field) => field === sub) ?? null;
  if (head === 'templateIds') return 'templates';
  if (head === 'followUpSchedule') return 'followUps';
  return FIELDS.find((field) => field === head) ?? null;
}

/** The input (or group) a field's error focuses. */
const controlId = (field: FieldName) => `or-f-${field}`;

function templateOptions(templates: readonly TemplateView[], language: Language, chosen: string, o: OutreachStrings) {
  return templates
    .filter((template) => template.language === language && (template.isActive || template.id === chosen))
    .map((template) => (
      <option key={template.id} value={template.id}>
        {template.isActive ? template.name : o.orInactiveTemplate(template.name)}
      </option>
    ));
}

function CheckGroup(props: {
  id: string;
  legend: string;
  help: string;
  error: string | undefined;
  children: ComponentChildren;
}) {
  const { id, error } = props;
  return (
    <fieldset
      id={id}
      class="pr-checks"
      aria-describedby={[error ? `${id}-error` : '', `${id}-help`].filter(Boolean).join(' ')}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <legend>{props.legend}</legend>
      <div class="pr-check-list">{props.children}</div>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          <Icon icon={CircleAlert} />
          <span>{error}</span>
        </p>
      ) : null}
      <p class="field-help" id={`${id}-help`}>
        {props.help}
      </p>
    </fieldset>
  );
}

export function CampaignForm(props: {
  t: Strings;
  lang: Lang;
  options: CampaignsResponse;
  /** The campaign edited; null for a new one. */
  campaign: CampaignDetail | null;
  onSaved: (id: string) => void | Promise<void>;
  onCancel: () => void;
}) {
  const { t, lang, options, campaign } = props;
  const o = OUTREACH_STRINGS[lang];
  const [draft, setDraft] = useState<CampaignDraft>(() => draftOf(campaign, options));
  const [invalid, setInvalid] = useState<Partial<Record<FieldName, string>>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = campaign ? 'or-edit' : 'or-new';
  useEffect(() => focusHeading(`${id}-title`), []);

  const set = <K extends keyof CampaignDraft>(field: K, value: CampaignDraft[K]) =>
    setDraft((old) => ({ ...old, [field]: value }));
  const setIdentity = (field: keyof SenderIdentityView, value: string) =>
    setDraft((old) => ({ ...old, identity: { ...old.identity, [field]: value } }));
  const toggle = <K extends 'regions' | 'languages'>(field: K, value: CampaignDraft[K][number], on: boolean) =>
    setDraft((old) => {
      const list = old[field] as readonly string[];
      return { ...old, [field]: on ? [...list, value] : list.filter((item) => item !== value) };
    });
  const focusFirst = (errors: Partial<Record<FieldName, string>>) => {
    const first = FIELDS.find((field) => errors[field]);
    if (first) form.current?.querySelector<HTMLElement>(`#${controlId(first)}`)?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    const read = inputOf(draft, o, campaign?.targetCriteria ?? {});
    if ('errors' in read) {
      setInvalid(read.errors);
      setError(o.orFixFields);
      focusFirst(read.errors);
      return;
    }
    setInvalid({});
    setBusy(true);
    try {
      if (campaign) {
        await api<unknown>('PUT', `${OUTREACH_API}/campaigns/${encodeURIComponent(campaign.id)}`, read.input);
        await props.onSaved(campaign.id);
      } else {
        const created = await api<{ id: string }>('POST', `${OUTREACH_API}/campaigns`, read.input);
        await props.onSaved(created.id);
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 422 && Object.keys(caught.fields).length > 0) {
        const errors: Partial<Record<FieldName, string>> = {};
        const general: string[] = [];
        for (const [path, messages] of Object.entries(caught.fields)) {
          const field = fieldOf(path);
          if (field) errors[field] = [errors[field], ...messages].filter(Boolean).join(' ');
          else general.push(...messages);
        }
        setInvalid(errors);
        setError(general.length > 0 ? general.join(' ') : o.orFixFields);
        focusFirst(errors);
      } else setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const input = (
    field: 'name' | 'followUps' | 'dailyCap' | 'industries' | CriteriaNumber,
    label: string,
    help?: string,
    numeric?: boolean,
  ) => (
    <Field id={controlId(field)} label={label} help={help} error={invalid[field]}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode={numeric ? 'decimal' : undefined}
          autoComplete="off"
          value={draft[field]}
          onInput={(e) => set(field, e.currentTarget.value)}
        />
      )}
    </Field>
  );
  const identity = (field: keyof SenderIdentityView, label: string, help?: string) => (
    <Field id={controlId(field)} label={label} help={help} error={invalid[field]}>
      {(control) =>
        field === 'postalAddress' ? (
          <textarea
            {...control}
            rows={3}
            value={draft.identity[field]}
            onInput={(e) => setIdentity(field, e.currentTarget.value)}
          />
        ) : (
          <input
            {...control}
            type="text"
            autoComplete="off"
            value={draft.identity[field]}
            onInput={(e) => setIdentity(field, e.currentTarget.value)}
          />
        )
      }
    </Field>
  );
  const { limits } = options;
  return (
    <Card
      id={id}
      icon={Megaphone}
      title={campaign ? o.orEditTitle : o.orNewTitle}
      description={campaign ? o.orEditHelp : o.orNewHelp}
      class="or-form"
    >
      <form ref={form} onSubmit={submit} noValidate>
        <h3 class="or-form-part">{o.orPartCampaign}</h3>
        <div class="pr-form-grid">
          {input('name', o.orName)}
          <Field id={controlId('clientId')} label={o.orClient} help={o.orClientHelp} error={invalid.clientId}>
            {(control) => (
              <select {...control} value={draft.clientId} onChange={(e) => set('clientId', e.currentTarget.value)}>
                {draft.clientId ? null : <option value="">{o.orChoose}</option>}
                {options.clients.map((client) => (
                  <option key={client.id} value={client.id}>
                    {client.isInternal ? o.orInternalClient(client.name) : client.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={controlId('templates')} label={o.orTemplateEn} error={invalid.templates}>
            {(control) => (
              <select {...control} value={draft.templateEn} onChange={(e) => set('templateEn', e.currentTarget.value)}>
                <option value="">{o.orNoTemplate}</option>
                {templateOptions(options.templates, 'en', draft.templateEn, o)}
              </select>
            )}
          </Field>
          <Field id="or-f-template-fr" label={o.orTemplateFr} help={o.orTemplatesHelp}>
            {(control) => (
              <select
                {...control}
                aria-invalid={invalid.templates ? true : undefined}
                value={draft.templateFr}
                onChange={(e) => set('templateFr', e.currentTarget.value)}
              >
                <option value="">{o.orNoTemplate}</option>
                {templateOptions(options.templates, 'fr', draft.templateFr, o)}
              </select>
            )}
          </Field>
          {input('followUps', o.orFollowUps, o.orFollowUpsHelp)}
          <Field
            id={controlId('mailbox')}
            label={o.orMailbox}
            help={options.mailboxes.length === 0 ? o.orNoMailbox : o.orMailboxHelp}
            error={invalid.mailbox}
          >
            {(control) => (
              <select
                {...control}
                value={draft.mailbox}
                disabled={options.mailboxes.length === 0 && !draft.mailbox}
                onChange={(e) => set('mailbox', e.currentTarget.value)}
              >
                {draft.mailbox && !options.mailboxes.includes(draft.mailbox) ? (
                  <option value={draft.mailbox}>{draft.mailbox}</option>
                ) : null}
                {options.mailboxes.length === 0 && !draft.mailbox ? <option value="">{o.orNone}</option> : null}
                {options.mailboxes.map((mailbox) => (
                  <option key={mailbox} value={mailbox}>
                    {mailbox}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {input(
            'dailyCap',
            o.orDailyCap,
            o.orDailyCapHelp(
              count(limits.mailboxDailyCap, lang),
              count(limits.globalDailyCap, lang),
              o.orWindow(limits.windowStartHour, limits.windowEndHour, limits.weekends),
            ),
            true,
          )}
        </div>

        <h3 class="or-form-part">{o.orPartTarget}</h3>
        <p class="hint or-form-part">{o.orTargetHelp}</p>
        <div class="pr-form-grid">
          {input('industries', o.orIndustries, o.orIndustriesHelp)}
          {input('minNeedScore', o.orMinNeed, o.orMinNeedHelp, true)}
          {input('minFitScore', o.orMinFit, o.orMinFitHelp, true)}
          {input('formTestSlowerThanHours', o.orSlowerThan, o.orSlowerThanHelp, true)}
          {input('limit', o.orLimit, o.orLimitHelp, true)}
        </div>
        <CheckGroup
          id={controlId('languages')}
          legend={o.orLanguages}
          help={o.orLanguagesHelp}
          error={invalid.languages}
        >
          {LANGUAGES.map((language) => (
            <label key={language} class="pr-check">
              <input
                type="checkbox"
                checked={draft.languages.includes(language)}
                onChange={(e) => toggle('languages', language, e.currentTarget.checked)}
              />{' '}
              {LANGUAGE_NAMES[language][lang]}
            </label>
          ))}
        </CheckGroup>
        <CheckGroup id={controlId('regions')} legend={o.orRegions} help={o.orRegionsHelp} error={invalid.regions}>
          {PROVINCES.map((province) => (
            <label key={province} class="pr-check">
              <input
                type="checkbox"
                checked={draft.regions.includes(province)}
                onChange={(e) => toggle('regions', province, e.currentTarget.checked)}
              />{' '}
              <span title={provinceName(province, lang)}>{province}</span>
              <span class="sr-only"> {provinceName(province, lang)}</span>
            </label>
          ))}
        </CheckGroup>

        <h3 class="or-form-part">{o.orPartIdentity}</h3>
        <p class="notice-box or-law" id={`${id}-law`}>
          <Icon icon={Scale} />
          <span>{o.orCaslNote}</span>
        </p>
        <div class="pr-form-grid">
          {identity('senderName', o.orSenderName)}
          {identity('businessName', o.orBusinessName)}
          {identity('postalAddress', o.orPostalAddress, o.orPostalAddressHelp)}
          {identity('contact', o.orContact, o.orContactHelp)}
        </div>

        <ErrorLine text={error} />
        <div class="btn-row">
          <Button variant="primary" type="submit" busy={busy}>
            {busy ? o.orSaving : campaign ? o.orSave : o.orCreate}
          </Button>
          <Button variant="ghost" onClick={props.onCancel} disabled={busy}>
            {o.orCancel}
          </Button>
        </div>
      </form>
    </Card>
  );
}

type CriteriaNumber = 'minNeedScore' | 'minFitScore' | 'formTestSlowerThanHours' | 'limit';
