import type { IconNode } from 'lucide';
import {
  Activity,
  Brain,
  Building2,
  ChartNoAxesCombined,
  FlaskConical,
  Gauge,
  House,
  Inbox,
  Languages,
  LogOut,
  MailSearch,
  Megaphone,
  Menu,
  Palette,
  Radar,
  Settings,
  Store,
  X,
} from 'lucide';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Account } from './api';
import { AppLink, Button, Icon } from './design';
import type { Lang, Strings } from './i18n';
import { Mark } from './mark';
import { PATHS, type RouteName } from './router';

type NavName =
  | 'home'
  | 'inbox'
  | 'activity'
  | 'insights'
  | 'settings'
  | 'clients'
  | 'staff-learning'
  | 'staff-prompts'
  | 'staff-system'
  | 'staff-translations'
  | 'staff-prospects'
  | 'staff-discovery'
  | 'staff-form-tests'
  | 'staff-outreach'
  | 'design';

/** The prospect discovery and outreach screens (staff-prospects.tsx, staff-outreach.tsx and the others), internal accounts only. */
export type ProspectScreen =
  | 'staff-prospects'
  | 'staff-prospect'
  | 'staff-import'
  | 'staff-discovery'
  | 'staff-form-tests'
  | 'staff-profile'
  | 'staff-outreach'
  | 'staff-outreach-campaign'
  | 'staff-outreach-approval'
  | 'staff-outreach-templates'
  | 'staff-outreach-suppressions'
  | 'staff-outreach-industries';

/**
 * The prospect and outreach screens' names, for the navigation, the window's title and the
 * outreach pages' tabs: the shell shows them before those screens' packs
 * (strings/prospects.ts, strings/outreach.ts) have loaded. French: Quebec usage.
 */
export const PROSPECT_SCREEN_NAMES: Record<Lang, Record<ProspectScreen, string>> = {
  en: {
    'staff-prospects': 'Prospects',
    'staff-prospect': 'Prospect',
    'staff-import': 'Import prospects',
    'staff-discovery': 'Discovery',
    'staff-form-tests': 'Form tests',
    'staff-profile': 'Our profile',
    'staff-outreach': 'Outreach',
    'staff-outreach-campaign': 'Campaign',
    'staff-outreach-approval': 'Approval',
    'staff-outreach-templates': 'Templates',
    'staff-outreach-suppressions': 'Suppression list',
    'staff-outreach-industries': 'Industries',
  },
  fr: {
    'staff-prospects': 'Prospects',
    'staff-prospect': 'Prospect',
    'staff-import': 'Importer des prospects',
    'staff-discovery': 'Prospection',
    'staff-form-tests': 'Tests de formulaires',
    'staff-profile': 'Notre profil',
    // « Prospection » names discovery already: outreach is « démarchage ».
    'staff-outreach': 'Démarchage',
    'staff-outreach-campaign': 'Campagne',
    'staff-outreach-approval': 'Approbation',
    'staff-outreach-templates': 'Modèles',
    'staff-outreach-suppressions': 'Liste d’exclusion',
    'staff-outreach-industries': 'Secteurs',
  },
};

const isProspectScreen = (name: string): name is ProspectScreen => name in PROSPECT_SCREEN_NAMES.en;

/** A screen's name in the navigation and the title: the shell's strings, or the prospect screens' own. */
export const screenName = (
  name: Exclude<RouteName, 'forgot-password' | 'reset-password'>,
  t: Strings,
  lang: Lang,
): string => (isProspectScreen(name) ? PROSPECT_SCREEN_NAMES[lang][name] : t[name]);

const NAV: readonly { name: NavName; icon: IconNode; internal?: true }[] = [
  { name: 'home', icon: House },
  { name: 'inbox', icon: Inbox },
  { name: 'activity', icon: Activity },
  { name: 'insights', icon: ChartNoAxesCombined },
  { name: 'settings', icon: Settings },
  { name: 'clients', icon: Building2, internal: true },
  { name: 'staff-learning', icon: Brain, internal: true },
  { name: 'staff-prompts', icon: FlaskConical, internal: true },
  { name: 'staff-system', icon: Gauge, internal: true },
  { name: 'staff-translations', icon: Languages, internal: true },
  { name: 'staff-prospects', icon: Store, internal: true },
  { name: 'staff-discovery', icon: Radar, internal: true },
  { name: 'staff-form-tests', icon: MailSearch, internal: true },
  { name: 'staff-outreach', icon: Megaphone, internal: true },
  { name: 'design', icon: Palette, internal: true },
];

/**
 * The shell's bar: the product and the business, the screens, the language and signing
 * out. At desktop it is a sidebar; on a phone the screens and controls fold into a menu,
 * and the bar names the screen one is on. `signedIn` draws the signed-in frame before the
 * account has loaded (the last visit's guess), so the page does not jump when it does.
 */
export function Header(props: {
  t: Strings;
  lang: Lang;
  account: Account | null | undefined;
  signedIn: boolean;
  /** Signed in and past the one-time password: the screens can be listed. */
  ready: boolean;
  current: RouteName;
  go: (path: string) => void;
  onLang: (lang: Lang) => void;
  onSignOut: () => void;
}) {
  const { t, lang, account, ready, current, go } = props;
  const [open, setOpen] = useState(false);
  const header = useRef<HTMLElement>(null);
  useEffect(() => setOpen(false), [current]);
  // Before the next frame: an Escape pressed right after opening must find its listener.
  useLayoutEffect(() => {
    if (!open) return;
    const close = (refocus: boolean) => {
      setOpen(false);
      if (refocus) document.getElementById('menu-button')?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      // Escape inside a dialog closes the dialog, not the menu behind it.
      if (event.key === 'Escape' && !(event.target as Element | null)?.closest('dialog')) close(true);
    };
    const onPointer = (event: PointerEvent) => {
      if (!header.current?.contains(event.target as Node)) close(false);
    };
    const onFocus = (event: FocusEvent) => {
      if (!header.current?.contains(event.target as Node)) close(false);
    };
    addEventListener('keydown', onKey);
    addEventListener('pointerdown', onPointer);
    addEventListener('focusin', onFocus);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('pointerdown', onPointer);
      removeEventListener('focusin', onFocus);
    };
  }, [open]);

  const items = NAV.filter((item) => !item.internal || account?.isInternal);
  const currentItem = items.find((item) => item.name === current);
  const languages = (
    <fieldset class="lang-switch">
      <legend class="sr-only">{t.language}</legend>
      {(['en', 'fr'] as const).map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => props.onLang(l)}>
          {l === 'en' ? 'English' : 'Français'}
        </button>
      ))}
    </fieldset>
  );
  return (
    <header
      ref={header}
      class="top"
      data-menu={open ? 'open' : 'closed'}
      data-signed-in={props.signedIn ? '' : undefined}
    >
      <div class="top-bar">
        {props.signedIn ? (
          <AppLink class="product" href={PATHS.home} go={go}>
            <Mark />
            <span class="product-name">Avenir</span>
            <span class="sr-only"> — {t.home}</span>
          </AppLink>
        ) : null}
        {account?.client.businessName ? <span class="brand">{account.client.businessName}</span> : null}
        {ready && currentItem ? (
          <span class="current-screen" aria-hidden="true">
            {screenName(currentItem.name, t, lang)}
          </span>
        ) : null}
        {account ? (
          <>
            <Button
              id="menu-button"
              variant="ghost"
              class="btn-icon menu-button"
              aria-expanded={open}
              aria-controls="menu-panel"
              onClick={() => setOpen(!open)}
            >
              <Icon icon={open ? X : Menu} />
              <span class="sr-only">{t.menu}</span>
            </Button>
            <div class="menu-panel" id="menu-panel">
              {account.client.businessName ? <p class="brand-in-menu">{account.client.businessName}</p> : null}
              {ready ? (
                <nav aria-label={t.mainNavigation}>
                  {items.map((item) => (
                    <AppLink
                      key={item.name}
                      href={PATHS[item.name]}
                      aria-current={current === item.name ? 'page' : undefined}
                      go={(path) => {
                        setOpen(false);
                        go(path);
                      }}
                    >
                      <Icon icon={item.icon} />
                      {screenName(item.name, t, lang)}
                    </AppLink>
                  ))}
                </nav>
              ) : null}
              <div class="top-controls">
                {languages}
                <Button variant="ghost" icon={LogOut} onClick={props.onSignOut}>
                  {t.signOut}
                </Button>
              </div>
            </div>
          </>
        ) : account === null ? (
          <div class="top-controls">{languages}</div>
        ) : null}
      </div>
    </header>
  );
}
