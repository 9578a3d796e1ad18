import { Code, Eye } from 'lucide';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RotatedKeyView, SettingsView } from '../schema/app-api';
import { api, errorText } from './api';
import { Button, Card } from './design';
import type { Lang, Strings } from './i18n';
import { Snippet } from './snippet';
import './strings/settings';

/**
 * Putting the form on a website, in the settings screen: the live preview, the embed
 * snippets with their Copy buttons, and the widget key with its rotation.
 */

/** The form as visitors see it, in a frame served with its own CSP (worker/features/settings/widget-preview.ts). */
export function Preview(props: { t: Strings; lang: Lang; widgetKey: string; version: number }) {
  const { t } = props;
  const [mode, setMode] = useState<'form' | 'launcher'>('form');
  const [previewLang, setPreviewLang] = useState<Lang>(props.lang);
  const query = new URLSearchParams({ key: props.widgetKey, lang: previewLang, mode, v: String(props.version) });
  const choice = <T extends string>(value: T, current: T, label: string, choose: (value: T) => void, lang?: Lang) => (
    <button type="button" class="st-choice" aria-pressed={value === current} lang={lang} onClick={() => choose(value)}>
      {label}
    </button>
  );
  return (
    <Card id="st-preview" icon={Eye} title={t.settingsPreviewTitle} description={t.settingsPreviewHelp}>
      <div class="st-preview-controls">
        <fieldset class="st-choices">
          <legend>{t.settingsPreviewMode}</legend>
          {choice('form', mode, t.settingsPreviewInline, setMode)}
          {choice('launcher', mode, t.settingsPreviewLauncher, setMode)}
        </fieldset>
        <fieldset class="st-choices">
          <legend>{t.settingsPreviewLanguage}</legend>
          {choice('en', previewLang, 'English', setPreviewLang, 'en')}
          {choice('fr', previewLang, 'Français', setPreviewLang, 'fr')}
        </fieldset>
      </div>
      <iframe
        class={mode === 'launcher' ? 'st-preview st-preview-launcher' : 'st-preview'}
        title={t.settingsPreviewFrame}
        src={`/app/widget-preview?${query}`}
      />
    </Card>
  );
}

export function Embed(props: {
  t: Strings;
  lang: Lang;
  settings: SettingsView;
  onRotated: (settings: SettingsView) => void;
}) {
  const { t, lang, settings } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const rotateButton = useRef<HTMLButtonElement>(null);
  const confirmTitle = useRef<HTMLHeadingElement>(null);

  // Before paint, so a keyboard user's next key acts in the confirmation, not on the page.
  useLayoutEffect(() => {
    if (confirming) confirmTitle.current?.focus();
  }, [confirming]);

  const close = () => {
    setConfirming(false);
    // The confirmation is gone: focus goes back where it came from, not to the page's top.
    setTimeout(() => rotateButton.current?.focus());
  };
  const rotate = async () => {
    setBusy(true);
    setError('');
    try {
      const rotated = await api<RotatedKeyView>('POST', '/settings/widget-key');
      props.onRotated(rotated);
      setStatus(`${t.settingsRotated} ${rotated.previousKey[lang]}`);
      close();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card id="st-embed" icon={Code} title={t.settingsEmbedTitle}>
      <p class="st-help">{t.settingsEmbedHelp}</p>
      <Snippet
        t={t}
        id="st-snippet"
        label={t.settingsSnippetInline}
        copyLabel={t.settingsCopyInline}
        code={settings.snippet}
      />
      <Snippet
        t={t}
        id="st-launcher-snippet"
        label={t.settingsSnippetLauncher}
        copyLabel={t.settingsCopyLauncher}
        code={settings.launcherSnippet}
      />
      <h3>{t.settingsKeyTitle}</h3>
      <p class="st-help">{t.settingsKeyHelp}</p>
      <p>
        {t.settingsKeyLabel} <code class="st-key">{settings.widgetKey}</code>
      </p>
      {confirming ? (
        <div class="st-confirm">
          <h4 id="st-rotate-title" ref={confirmTitle} tabIndex={-1}>
            {t.settingsRotateConfirmTitle}
          </h4>
          <p>{t.settingsRotateConfirmText}</p>
          <div class="st-actions">
            <Button type="button" variant="danger" disabled={busy} onClick={rotate}>
              {t.settingsRotateConfirm}
            </Button>
            <Button type="button" variant="ghost" small disabled={busy} onClick={close}>
              {t.settingsRotateCancel}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          type="button"
          ref={rotateButton}
          variant="secondary"
          onClick={() => {
            setStatus('');
            setConfirming(true);
          }}
        >
          {t.settingsRotate}
        </Button>
      )}
      <p class="error" role="alert">
        {error}
      </p>
      <p class="st-status" role="status">
        {status}
      </p>
    </Card>
  );
}
