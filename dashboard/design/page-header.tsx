import { ArrowLeft } from 'lucide';
import type { ComponentChildren } from 'preact';
import { AppLink } from './app-link';
import { Icon } from './icon';

/** A screen's title (its one h1), a line of context, its main actions, and a way back when it has one. */
export function PageHeader(props: {
  title: ComponentChildren;
  description?: ComponentChildren;
  actions?: ComponentChildren;
  back?: { label: string; href: string; go: () => void };
}) {
  const { back } = props;
  return (
    <div class="page-header">
      <div>
        {back ? (
          <AppLink href={back.href} class="back" go={back.go}>
            <Icon icon={ArrowLeft} />
            {back.label}
          </AppLink>
        ) : null}
        <h1>{props.title}</h1>
        {props.description ? <p>{props.description}</p> : null}
      </div>
      {props.actions ? <div class="btn-row">{props.actions}</div> : null}
    </div>
  );
}
