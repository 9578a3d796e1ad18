import { Rocket, Send } from 'lucide';
import { useEffect, useState } from 'preact/hooks';
import type { SettingsView } from '../schema/app-api';
import { api, errorText } from './api';
import { Button, Icon, Skeleton } from './design';
import type { Strings } from './i18n';
import { Snippet } from './snippet';

/**
 * What an inbox with no lead at all shows: how leads get here (the snippet to paste, with
 * its Copy button) and a way to see one arrive now (a test lead). `onTestLead` is told
 * once the test lead is stored, so the inbox can show it.
 */
export function EmptyInbox(props: { t: Strings; onTestLead: () => void }) {
  const { t } = props;
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    api<SettingsView>('GET', '/settings')
      .then(setSettings)
      .catch((caught: unknown) => setError(errorText(caught, t)));
  }, []);

  const sendTestLead = async () => {
    setBusy(true);
    setError('');
    try {
      await api<{ id: string }>('POST', '/settings/test-lead');
      props.onTestLead();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="empty-inbox" aria-labelledby="empty-inbox-title">
      <div class="empty-inbox-head">
        <Icon icon={Rocket} />
        <div>
          <h2 id="empty-inbox-title">{t.emptyInboxTitle}</h2>
          <p class="muted">{t.emptyInboxHelp}</p>
        </div>
      </div>
      <ol class="steps">
        <li class="card">
          <span class="step-number" aria-hidden="true">
            1
          </span>
          {settings ? (
            <Snippet
              t={t}
              id="empty-snippet"
              label={t.settingsSnippetInline}
              copyLabel={t.settingsCopyInline}
              code={settings.snippet}
            />
          ) : (
            <Skeleton label={t.loading} lines={2} />
          )}
        </li>
        <li class="card">
          <span class="step-number" aria-hidden="true">
            2
          </span>
          <p>{t.emptyInboxTestHelp}</p>
          <Button variant="primary" icon={Send} busy={busy} onClick={sendTestLead}>
            {busy ? t.settingsTestLeadSending : t.settingsTestLead}
          </Button>
          <p class="error" role="alert">
            {error}
          </p>
        </li>
      </ol>
    </section>
  );
}
