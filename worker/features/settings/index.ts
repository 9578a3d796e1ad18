/**
 * A client's settings: what it may change of its account, its widget key and the
 * snippets that embed the form, the test lead, and the form's live preview.
 */
export { settingsRoutes } from './routes';
export { PREVIEW_PAGE_STYLE, previewCsp, styleHash, widgetPreviewRoutes } from './widget-preview';
