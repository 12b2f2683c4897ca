/**
 * A section folded away until asked for (closed partnerships, past goals, history, held
 * conversations): a heading button with a chevron that opens its panel.
 */
import type { ReactNode } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';

export function Folded({
  title,
  level,
  className,
  defaultExpanded,
  children,
}: {
  title: ReactNode;
  /** The heading level of the trigger; none for a fold inside a card (history). */
  level?: 2 | 3 | 4;
  className?: string;
  defaultExpanded?: boolean;
  children: ReactNode;
}) {
  const trigger = (
    <Button slot="trigger" className="disclosure-trigger">
      <span aria-hidden="true" className="disclosure-chevron">
        ▸
      </span>
      {title}
    </Button>
  );
  return (
    <Disclosure className={`disclosure ${className ?? ''}`.trim()} defaultExpanded={defaultExpanded}>
      {level ? <Heading level={level}>{trigger}</Heading> : trigger}
      <DisclosurePanel>{children}</DisclosurePanel>
    </Disclosure>
  );
}
