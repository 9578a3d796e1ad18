import { addStrings } from '../i18n';

/** The settings screen's strings (dashboard/settings.tsx); `fr` is typed by `en`. */
const en = {
  settingsIntro: 'How your form looks and answers, saved section by section.',
  settingsSections: 'Sections of the settings',
  settingsSectionTitle: { business: 'Your business', replies: 'Automatic replies', website: 'Your website’s form' },
  settingsSectionHelp: {
    business: 'Who you are to your leads and in which language Avenir writes to you.',
    replies: 'What each new lead receives within a minute of writing to you.',
    website: 'Where your form may be used and what it asks before sending.',
  },
  settingsSaveSection: {
    business: 'Save the business details',
    replies: 'Save the reply settings',
    website: 'Save the form settings',
  },
  settingsUnsaved: 'Unsaved changes',
  settingsBusinessName: 'Business name',
  settingsBusinessNameHelp: 'Shown in the form’s consent line, in replies and in the dashboard header.',
  settingsLanguage: 'Language of the business',
  settingsLanguageHelp: 'Your notifications and the test lead use it; the form follows each visitor’s language.',
  settingsLanguageEn: 'English',
  settingsLanguageFr: 'French',
  settingsWeeklyDigest: 'Email me the Monday digest',
  settingsWeeklyDigestHelp:
    'Every Monday morning: the week’s leads, what changed, and Growth Copilot’s recommendations from the Insights screen.',
  settingsEmailTone: 'Tone of the automatic reply',
  settingsEmailToneHelp: 'How the reply sent to each new lead sounds.',
  settingsTone: {
    Professional: 'Professional',
    Friendly: 'Friendly',
    Formal: 'Formal',
    Energetic: 'Energetic',
  } as Record<string, string>,
  settingsAiReply: 'Answer each new lead automatically with a personalized email',
  settingsAiReplyHelp: 'Written in the lead’s language and your tone, with your booking link. Spam is never answered.',
  settingsBookingLink: 'Booking link (optional)',
  settingsBookingLinkHelp:
    'A page where leads book a time (https://…). Added to replies and shown after the form is sent. Leave empty for none.',
  settingsOrigins: 'Websites allowed to use your form',
  settingsOriginsHelp:
    'One address per line, e.g. https://www.example.ca. Only the site part counts (https://www.example.ca/contact is https://www.example.ca). The form is refused anywhere else.',
  settingsOriginsLine: (line: number) => `Line ${line}: `,
  settingsConsent: 'Require the consent checkbox before a message can be sent',
  settingsConsentHelp:
    'The checkbox, worded for Canada’s anti-spam law, asks the visitor’s permission to send them emails.',
  settingsSaving: 'Saving…',
  settingsSaved: 'Settings saved.',
  settingsFixFields: 'Some settings need a fix: see the messages under the fields.',
  settingsPreviewTitle: 'Preview',
  settingsPreviewHelp:
    'Your form as visitors see it, with your saved settings. Messages sent from this preview are stored as test leads.',
  settingsPreviewFrame: 'Preview of your contact form',
  settingsPreviewMode: 'Show',
  settingsPreviewInline: 'Form in the page',
  settingsPreviewLauncher: 'Floating button',
  settingsPreviewLanguage: 'Preview language',
  settingsEmbedTitle: 'Add the form to your website',
  settingsEmbedHelp:
    'Paste one of these codes into your website’s page, where the form should appear. Your website’s address must be among the allowed websites above.',
  settingsSnippetLauncher: 'Code for a floating button that opens the form',
  settingsCopyLauncher: 'Copy the code for a floating button',
  settingsKeyTitle: 'Widget key',
  settingsKeyHelp:
    'The key in your code identifies your form. It is public (it sits in your page’s source), and only works on your allowed websites.',
  settingsKeyLabel: 'Current key:',
  settingsRotate: 'Replace the key…',
  settingsRotateConfirmTitle: 'Replace the widget key?',
  settingsRotateConfirmText:
    'A new key is created at once. The current key stops working within about a minute: forms that still use it will refuse messages until you paste the new code on each page of your website.',
  settingsRotateConfirm: 'Yes, replace the key',
  settingsRotateCancel: 'Cancel',
  settingsRotated: 'The key was replaced: the codes above now hold the new one. Paste the new code on your website.',
  settingsToolsTitle: 'Test and export',
  settingsTestLeadHelp: 'Sends a sample message through the same path as your form, to check everything works.',
  /** `filter`: the inbox's label of its test-lead filter. */
  settingsTestLeadSent: (filter: string) =>
    `Test lead sent. Test leads are hidden in the inbox unless “${filter}” is on:`,
  settingsTestLeadLink: 'see the test leads',
  settingsExport: 'Export leads (CSV)',
  settingsExportHelp:
    'Downloads your leads as a CSV file (test leads left out). It opens in Excel, Numbers, LibreOffice or Google Sheets.',
};

export const SETTINGS_STRINGS: { en: typeof en; fr: typeof en } = {
  en,
  fr: {
    settingsIntro: 'L’apparence et les réponses de votre formulaire, enregistrées section par section.',
    settingsSections: 'Sections des paramètres',
    settingsSectionTitle: {
      business: 'Votre entreprise',
      replies: 'Réponses automatiques',
      website: 'Le formulaire de votre site',
    },
    settingsSectionHelp: {
      business: 'Qui vous êtes pour vos clients potentiels, et la langue dans laquelle Avenir vous écrit.',
      replies: 'Ce que reçoit chaque nouveau client potentiel dans la minute qui suit son message.',
      website: 'Où votre formulaire peut être utilisé, et ce qu’il demande avant l’envoi.',
    },
    settingsSaveSection: {
      business: 'Enregistrer les renseignements de l’entreprise',
      replies: 'Enregistrer les réglages des réponses',
      website: 'Enregistrer les réglages du formulaire',
    },
    settingsUnsaved: 'Modifications non enregistrées',
    settingsBusinessName: 'Nom de l’entreprise',
    settingsBusinessNameHelp:
      'Affiché dans la ligne de consentement du formulaire, dans les réponses et dans l’en-tête du tableau de bord.',
    settingsLanguage: 'Langue de l’entreprise',
    settingsLanguageHelp:
      'Vos notifications et le client potentiel d’essai l’utilisent; le formulaire suit la langue de chaque visiteur.',
    settingsLanguageEn: 'Anglais',
    settingsLanguageFr: 'Français',
    settingsWeeklyDigest: 'M’envoyer le résumé du lundi par courriel',
    settingsWeeklyDigestHelp:
      'Chaque lundi matin\u00a0: les clients potentiels de la semaine, ce qui a changé et les recommandations de Growth Copilot, tirés de l’écran Analyses.',
    settingsEmailTone: 'Ton de la réponse automatique',
    settingsEmailToneHelp: 'Le ton du courriel envoyé à chaque nouveau client potentiel.',
    settingsTone: {
      Professional: 'Professionnel',
      Friendly: 'Chaleureux',
      Formal: 'Formel',
      Energetic: 'Dynamique',
    },
    settingsAiReply: 'Répondre automatiquement à chaque nouveau client potentiel par un courriel personnalisé',
    settingsAiReplyHelp:
      'Rédigé dans la langue du client potentiel et sur votre ton, avec votre lien de réservation. On ne répond jamais aux pourriels.',
    settingsBookingLink: 'Lien de réservation (facultatif)',
    settingsBookingLinkHelp:
      'Une page où les clients potentiels prennent rendez-vous (https://…). Ajouté aux réponses et affiché après l’envoi du formulaire. Laissez vide s’il n’y en a pas.',
    settingsOrigins: 'Sites Web autorisés à utiliser votre formulaire',
    settingsOriginsHelp:
      'Une adresse par ligne, p. ex. https://www.exemple.ca. Seule la partie du site compte (https://www.exemple.ca/contact devient https://www.exemple.ca). Le formulaire est refusé partout ailleurs.',
    settingsOriginsLine: (line: number) => `Ligne ${line} : `,
    settingsConsent: 'Exiger la case de consentement avant l’envoi d’un message',
    settingsConsentHelp:
      'La case, rédigée selon la Loi canadienne anti-pourriel, demande au visiteur la permission de lui envoyer des courriels.',
    settingsSaving: 'Enregistrement…',
    settingsSaved: 'Paramètres enregistrés.',
    settingsFixFields: 'Certains paramètres sont à corriger\u00a0: voyez les messages sous les champs.',
    settingsPreviewTitle: 'Aperçu',
    settingsPreviewHelp:
      'Votre formulaire tel que les visiteurs le voient, avec vos paramètres enregistrés. Les messages envoyés depuis cet aperçu sont enregistrés comme essais.',
    settingsPreviewFrame: 'Aperçu de votre formulaire de contact',
    settingsPreviewMode: 'Afficher',
    settingsPreviewInline: 'Formulaire dans la page',
    settingsPreviewLauncher: 'Bouton flottant',
    settingsPreviewLanguage: 'Langue de l’aperçu',
    settingsEmbedTitle: 'Ajouter le formulaire à votre site Web',
    settingsEmbedHelp:
      'Collez l’un de ces codes dans la page de votre site, là où le formulaire doit paraître. L’adresse de votre site doit faire partie des sites autorisés ci-dessus.',
    settingsSnippetLauncher: 'Code d’un bouton flottant qui ouvre le formulaire',
    settingsCopyLauncher: 'Copier le code d’un bouton flottant',
    settingsKeyTitle: 'Clé du formulaire',
    settingsKeyHelp:
      'La clé dans votre code identifie votre formulaire. Elle est publique (elle figure dans le code source de votre page) et ne fonctionne que sur vos sites autorisés.',
    settingsKeyLabel: 'Clé actuelle\u00a0:',
    settingsRotate: 'Remplacer la clé…',
    settingsRotateConfirmTitle: 'Remplacer la clé du formulaire?',
    settingsRotateConfirmText:
      'Une nouvelle clé est créée sur-le-champ. La clé actuelle cesse de fonctionner d’ici environ une minute\u00a0: les formulaires qui l’utilisent encore refuseront les messages jusqu’à ce que vous colliez le nouveau code dans chaque page de votre site.',
    settingsRotateConfirm: 'Oui, remplacer la clé',
    settingsRotateCancel: 'Annuler',
    settingsRotated:
      'La clé a été remplacée\u00a0: les codes ci-dessus contiennent la nouvelle. Collez le nouveau code dans votre site Web.',
    settingsToolsTitle: 'Essai et exportation',
    settingsTestLeadHelp:
      'Envoie un message d’exemple par le même chemin que votre formulaire, pour vérifier que tout fonctionne.',
    settingsTestLeadSent: (filter: string) =>
      `Essai envoyé. Les essais sont masqués dans la boîte de réception à moins que «\u00a0${filter}\u00a0» soit coché\u00a0:`,
    settingsTestLeadLink: 'voir les essais',
    settingsExport: 'Exporter les clients potentiels (CSV)',
    settingsExportHelp:
      'Télécharge vos clients potentiels dans un fichier CSV (sans les essais). Il s’ouvre dans Excel, Numbers, LibreOffice ou Google Sheets.',
  },
};

// Loaded with the screens that use it (see i18n.ts).
addStrings(SETTINGS_STRINGS);
