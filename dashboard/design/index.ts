/**
 * The design system: the components every screen is assembled from. Their looks are in
 * components.css, drawn with the tokens of tokens.css; the gallery screen (gallery.tsx)
 * shows each in its states.
 */
export { AppLink, opensElsewhere } from './app-link';
export { Badge, type BadgeTone } from './badge';
export { Button, type ButtonVariant, buttonClass } from './button';
export { Card } from './card';
export { Dialog } from './dialog';
export { EmptyState } from './empty-state';
export { type ControlProps, Field } from './field';
export { Icon } from './icon';
export { PageHeader } from './page-header';
export { Skeleton } from './skeleton';
export { Stat } from './stat';
export { type Column, Table } from './table';
export { Toast, type ToastAction } from './toast';
