import { CalendarRange } from 'lucide';
import { useState } from 'preact/hooks';
import { INSIGHTS_PERIODS } from '../schema/app-api';
import { Button, Field } from './design';
import type { Strings } from './i18n';
import { customProblem, type PeriodChoice } from './insights-period';
import './strings/insights';

/** Today in the browser's time zone, as a date input writes it: the last day one may pick. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The period of the figures: this week (the stored analysis), the last 4 or 12 weeks, or
 * two days of one's choosing. The three fixed periods apply at once; a custom one when
 * its two days are chosen and sent, so a half-typed date asks the API for nothing.
 */
export function PeriodPicker(props: { t: Strings; choice: PeriodChoice; onChange: (choice: PeriodChoice) => void }) {
  const { t, choice, onChange } = props;
  const [customOpen, setCustomOpen] = useState(choice.key === 'custom');
  const [from, setFrom] = useState(choice.key === 'custom' ? choice.from : '');
  const [to, setTo] = useState(choice.key === 'custom' ? choice.to : '');
  const [problem, setProblem] = useState('');
  const last = today();

  const submit = (event: Event) => {
    event.preventDefault();
    const wanted: PeriodChoice = { key: 'custom', from, to };
    const found = customProblem(wanted);
    setProblem(
      found === 'incomplete' ? t.insightsCustomIncomplete : found === 'reversed' ? t.insightsCustomReversed : '',
    );
    if (!found) onChange(wanted);
  };

  return (
    <div class="period-picker">
      <fieldset class="segmented period-choices">
        <legend class="sr-only">{t.insightsPeriod}</legend>
        {INSIGHTS_PERIODS.map((key) => (
          <button
            key={key}
            type="button"
            aria-pressed={key === 'custom' ? customOpen : !customOpen && choice.key === key}
            onClick={() => {
              setProblem('');
              if (key === 'custom') {
                setCustomOpen(true);
                return;
              }
              setCustomOpen(false);
              onChange({ key });
            }}
          >
            {t.insightsPeriods[key]}
          </button>
        ))}
      </fieldset>
      {customOpen ? (
        <form class="period-custom" onSubmit={submit} noValidate>
          <Field id="insights-from" label={t.insightsFrom}>
            {(control) => (
              <input
                {...control}
                type="date"
                max={to || last}
                value={from}
                onInput={(event) => setFrom(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="insights-to" label={t.insightsTo}>
            {(control) => (
              <input
                {...control}
                type="date"
                min={from || undefined}
                max={last}
                value={to}
                onInput={(event) => setTo(event.currentTarget.value)}
              />
            )}
          </Field>
          <Button type="submit" variant="secondary" icon={CalendarRange}>
            {t.insightsShowPeriod}
          </Button>
          <p class="error period-problem" role="alert">
            {problem}
          </p>
        </form>
      ) : null}
    </div>
  );
}
