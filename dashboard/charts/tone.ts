/**
 * The colours a chart draws with, each a class (`tone-brand`…) whose fill is a chart token
 * of design/tokens.css, light and dark, chosen to stay apart when printed in colour. A
 * tone never carries meaning alone: a label or a legend says the same in words.
 */
export type ChartTone = 'brand' | 'second' | 'high' | 'medium' | 'low' | 'soft' | 'muted';

export const toneClass = (tone: ChartTone) => `tone-${tone}`;
