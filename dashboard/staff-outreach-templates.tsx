import { FileText, Pencil, Plus } from 'lucide';
import { useState } from 'preact/hooks';
import type { TemplatesResponse, TemplateView } from '../schema/outreach-api';
import { LANGUAGES, type Language } from '../schema/vocabulary';
import { Badge, Button, Card, type Column, EmptyState, PageHeader, Skeleton, Table, Toast } from './design';
import { focusHeading } from './focus';
import { PROSPECT_SCREEN_NAMES } from './header';
import type { Lang, Strings } from './i18n';
import { count, ErrorLine, share, useStaffView } from './staff-common';
import { OUTREACH_API, OutreachTabs, When } from './staff-outreach-common';
import { TemplateEditor } from './staff-outreach-template-editor';
import { OUTREACH_STRINGS, type OutreachStrings } from './strings/outreach';

/**
 * The email templates (/app/staff/outreach/templates), internal accounts only: the
 * templates by language, with how often each was used and how it did, and the editor of
 * one: its name, language, category, description, subject, plain and HTML parts, whether
 * it is offered, the variables it may use (each inserted at the cursor), the problems the
 * API finds at their place, and a preview rendered for a prospect of the pool (the HTML in
 * a sandboxed frame, which runs no script and loads nothing from elsewhere).
 */
export function StaffOutreachTemplates(props: { t: Strings; lang: Lang; go: (path: string) => void }) {
  const { t, lang, go } = props;
  const o = OUTREACH_STRINGS[lang];
  const { view, error, reload } = useStaffView<TemplatesResponse>(`${OUTREACH_API}/templates`, t);
  const [editing, setEditing] = useState<string | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const templates = view?.templates ?? [];
  const template = editing && editing !== 'new' ? (templates.find((one) => one.id === editing) ?? null) : null;
  const categories = [...new Set(templates.map((one) => one.category).filter(Boolean))].sort();
  return (
    <main class="staff staff-outreach">
      <PageHeader
        title={PROSPECT_SCREEN_NAMES[lang]['staff-outreach-templates']}
        description={o.orTemplatesIntro}
        actions={
          view && editing !== 'new' ? (
            <Button variant="primary" icon={Plus} onClick={() => setEditing('new')}>
              {o.orNewTemplate}
            </Button>
          ) : null
        }
      />
      <OutreachTabs lang={lang} current="staff-outreach-templates" go={go} />
      <ErrorLine text={error} />
      {view ? (
        <>
          {editing ? (
            <TemplateEditor
              key={editing}
              t={t}
              lang={lang}
              template={template}
              variables={view.variables}
              categories={categories}
              go={go}
              onClose={() => {
                setEditing(null);
                focusHeading('or-tpl-list-en-title');
              }}
              onSaved={async (saved, created) => {
                await reload();
                setEditing(saved.id);
                setToast(created ? o.orTemplateCreated(saved.name) : o.orTemplateSaved(saved.name));
              }}
            />
          ) : null}
          {templates.length === 0 ? (
            editing ? null : (
              <EmptyState
                id="or-tpl-empty"
                icon={FileText}
                title={o.orNoTemplates}
                actions={
                  <Button variant="primary" icon={Plus} onClick={() => setEditing('new')}>
                    {o.orNewTemplate}
                  </Button>
                }
              >
                <p>{o.orNoTemplatesHelp}</p>
              </EmptyState>
            )
          ) : (
            LANGUAGES.map((language) => (
              <TemplateList
                key={language}
                t={t}
                o={o}
                lang={lang}
                language={language}
                templates={templates.filter((one) => one.language === language)}
                editing={editing}
                onEdit={setEditing}
              />
            ))
          )}
        </>
      ) : error ? null : (
        <Skeleton label={t.loading} blocks={2} />
      )}
      <Toast text={toast} closeLabel={t.close} onDismiss={() => setToast(null)} />
    </main>
  );
}

function TemplateList(props: {
  t: Strings;
  o: OutreachStrings;
  lang: Lang;
  language: Language;
  templates: readonly TemplateView[];
  editing: string | null;
  onEdit: (id: string) => void;
}) {
  const { t, o, lang, language } = props;
  const columns: Column<TemplateView>[] = [
    {
      key: 'name',
      header: o.orName,
      cell: (row) => (
        <span class="pr-business">
          <strong class="pr-name">{row.name}</strong>
          {row.description ? <span class="pr-site">{row.description}</span> : null}
        </span>
      ),
    },
    { key: 'category', header: o.orCategory, cell: (row) => row.category || t.none },
    {
      key: 'active',
      header: o.orStatus,
      cell: (row) => (
        <span class="pr-badges">
          <Badge tone={row.isActive ? 'success' : 'neutral'}>{row.isActive ? o.orActive : o.orInactive}</Badge>
        </span>
      ),
    },
    { key: 'used', header: o.orUsed, cell: (row) => count(row.usageCount, lang) },
    {
      key: 'performance',
      header: o.orPerformance,
      cell: (row) =>
        row.performanceScore === null ? (
          <span class="muted">{o.orNotUsedYet}</span>
        ) : (
          share(row.performanceScore, lang, t)
        ),
    },
    {
      key: 'variables',
      header: o.orVariablesUsed,
      cell: (row) =>
        row.variables.length === 0 ? (
          t.none
        ) : (
          <span class="pr-badges">
            {row.variables.map((name) => (
              <code key={name}>{name}</code>
            ))}
          </span>
        ),
    },
    { key: 'updated', header: o.orUpdated, cell: (row) => <When iso={row.updatedAt} lang={lang} /> },
    {
      key: 'edit',
      header: o.orActions,
      cell: (row) => (
        <Button
          small
          icon={Pencil}
          aria-pressed={props.editing === row.id}
          disabled={props.editing === row.id}
          onClick={() => props.onEdit(row.id)}
        >
          {o.orEdit}
          <span class="sr-only"> {row.name}</span>
        </Button>
      ),
    },
  ];
  const id = `or-tpl-list-${language}`;
  return (
    <Card id={id} icon={FileText} title={o.orTemplatesIn[language]}>
      {props.templates.length === 0 ? (
        <p class="muted">{o.orNoTemplateIn[language]}</p>
      ) : (
        <Table
          class="pr-table or-templates"
          caption={o.orTemplatesIn[language]}
          columns={columns}
          rows={props.templates}
          rowKey={(row) => row.id}
        />
      )}
    </Card>
  );
}
