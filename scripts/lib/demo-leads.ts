/**
 * What the demo client's inbox starts with on a first `npm start`: leads a Laval renovation
 * business really gets, in both languages, sent through the public form API as a visitor's
 * browser would, so each goes through the whole product (stored, triaged, answered in the
 * dev outbox, notified) and every screen has something to show.
 */
export const DEMO_LEADS: readonly {
  name: string;
  email: string;
  phone?: string;
  message: string;
  language: 'en' | 'fr';
}[] = [
  {
    name: 'Martine Lefebvre',
    email: 'martine.lefebvre@exemple.ca',
    phone: '450 555-0142',
    language: 'fr',
    message:
      "Bonjour, j'aimerais une soumission pour refaire la toiture de notre bungalow à Sainte-Rose, environ 1 200 pi2. Les bardeaux retroussent. Est-ce que vous faites aussi les gouttières?",
  },
  {
    name: 'David Chen',
    email: 'david.chen@example.com',
    language: 'en',
    message:
      'Hi, we are planning a full kitchen renovation this spring: new cabinets, quartz countertops and moving the island. Do you offer design help? What would a rough budget be?',
  },
  {
    name: 'Sophie Tremblay',
    email: 'sophie.tremblay@exemple.ca',
    phone: '514 555-0188',
    language: 'fr',
    message:
      "Il y a de l'eau qui coule du plafond de la salle de bain du sous-sol, juste à côté du panneau électrique. Pouvez-vous venir aujourd'hui?",
  },
  {
    name: 'Robert Gagnon',
    email: 'r.gagnon@exemple.ca',
    language: 'fr',
    message:
      "Ça fait trois semaines que les travaux de la salle de bain devaient être finis. Personne ne me rappelle et le plancher n'est toujours pas posé. Je suis vraiment déçu.",
  },
  {
    name: 'Emily Walsh',
    email: 'emily.walsh@example.com',
    phone: '438 555-0127',
    language: 'en',
    message:
      'Could someone come and look at our basement next week? We would like to finish it as a family room. Any weekday after 4 pm works.',
  },
  {
    name: 'Karim Haddad',
    email: 'karim.haddad@exemple.ca',
    language: 'fr',
    message:
      "Bonjour, je suis charpentier-menuisier avec 8 ans d'expérience et je cherche un emploi à temps plein dans la région de Laval. Est-ce que vous embauchez?",
  },
  {
    name: 'Growth Partners SEO',
    email: 'sales@growth-partners.example',
    language: 'en',
    message:
      'Dear business owner, we can put your website on the first page of Google in 30 days. Reply to this email for a free audit of your online presence.',
  },
];

/**
 * What the demo's owner does first, from the dashboard, once the leads are triaged: the
 * roof quote marked a hot lead, a note on the kitchen, the job application archived. The
 * water leak by the electrical panel (High) is left waiting, so the home has an urgent lead
 * no person has answered, and these three give it a time to a first human action.
 */
export const DEMO_OWNER_ACTIONS: readonly (
  | { lead: string; action: 'tag'; tag: string }
  | { lead: string; action: 'archive' }
  | { lead: string; note: string }
)[] = [
  { lead: 'Martine Lefebvre', action: 'tag', tag: 'Hot Lead' },
  { lead: 'David Chen', note: 'Rappeler jeudi pour le budget et la visite; il veut des idées pour l’îlot.' },
  { lead: 'Karim Haddad', action: 'archive' },
];

const TRIAGE_WAIT_MS = 30_000;

/**
 * Signs in to the running Worker's dashboard API as the demo owner and does
 * DEMO_OWNER_ACTIONS as a person would (same origin, the session cookie), after waiting for
 * the pipeline to triage those leads, then asks for an insights analysis; signs out after. Returns how many it did: fewer when
 * a lead is missing or not triaged in time, none when the sign-in is refused.
 */
export async function actAsDemoOwner(origin: string, login: { email: string; password: string }): Promise<number> {
  const call = (method: string, path: string, cookie?: string, body?: unknown) =>
    fetch(`${origin}/api/app${path}`, {
      method,
      headers: {
        Origin: origin,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const signedIn = await call('POST', '/session', undefined, login);
  const token = /avenir_session=([^;]*)/.exec(signedIn.headers.get('set-cookie') ?? '')?.[1];
  if (signedIn.status !== 200 || !token) return 0;
  const cookie = `avenir_session=${token}`;
  try {
    const wanted = new Set(DEMO_OWNER_ACTIONS.map((step) => step.lead));
    let ids = new Map<string, string>();
    for (let waited = 0; waited < TRIAGE_WAIT_MS && ids.size < wanted.size; waited += 500) {
      const response = await call('GET', '/leads?limit=100', cookie);
      if (response.status !== 200) return 0;
      const page = (await response.json()) as { leads: { id: string; name: string; intent: unknown }[] };
      ids = new Map(
        page.leads.filter((lead) => wanted.has(lead.name) && lead.intent).map((lead) => [lead.name, lead.id]),
      );
      if (ids.size < wanted.size) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    let done = 0;
    for (const step of DEMO_OWNER_ACTIONS) {
      const id = ids.get(step.lead);
      if (!id) continue;
      const response =
        'note' in step
          ? await call('POST', `/leads/${id}/notes`, cookie, { note: step.note })
          : await call('POST', '/leads/actions', cookie, {
              ids: [id],
              action: step.action,
              ...(step.action === 'tag' ? { tag: step.tag } : {}),
            });
      if (response.ok) done++;
    }
    // Then "Growth Copilot", as the owner would click it: the Insights screen opens on an
    // analysis of the sample history and these leads, with its recommendations.
    await call('POST', '/insights/refresh', cookie);
    return done;
  } finally {
    await call('DELETE', '/session', cookie).catch(() => undefined);
  }
}
