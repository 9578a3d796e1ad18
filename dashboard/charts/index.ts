/**
 * The dashboard's charts: small SVG drawings with no library behind them, each a figure
 * with a caption and its values as a table (figure.tsx), legible from a phone's width to
 * a printed page. Their looks are in styles.css ("Charts"), their colours in tokens.css.
 */
export { BarList, type BarRow } from './bar-list';
export { ColumnChart, type ColumnDatum, type EstimateDatum } from './column-chart';
export { ChartFigure, type FigureTable } from './figure';
export { Legend, type LegendItem } from './legend';
export { LineChart, type LinePoint } from './line-chart';
export { ShareBar, type ShareSegment } from './share-bar';
export type { ChartTone } from './tone';
