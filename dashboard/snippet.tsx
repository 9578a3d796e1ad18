import { Copy } from 'lucide';
import { useRef, useState } from 'preact/hooks';
import { copyText } from './clipboard';
import { Button } from './design';
import type { Strings } from './i18n';

/** One snippet in a read-only code block with its Copy button. */
export function Snippet(props: { t: Strings; id: string; label: string; copyLabel: string; code: string }) {
  const { t } = props;
  const block = useRef<HTMLPreElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    setStatus('');
    setStatus((await copyText(props.code, block.current)) ? t.settingsCopied : t.settingsCopyManual);
  };
  return (
    <div class="st-snippet">
      <h3 id={`${props.id}-label`}>{props.label}</h3>
      <pre ref={block} id={props.id} class="st-code">
        <code>{props.code}</code>
      </pre>
      <div class="st-actions">
        <Button variant="secondary" icon={Copy} onClick={copy} aria-label={props.copyLabel}>
          {t.settingsCopy}
        </Button>
        <p class="st-status" role="status">
          {status}
        </p>
      </div>
    </div>
  );
}
