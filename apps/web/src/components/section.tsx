import type { ReactNode } from 'react';

interface SectionProps {
  /** The heading's id: the section is labelled by its heading. */
  titleId: string;
  title: ReactNode;
  /** A short paragraph under the heading. */
  intro?: ReactNode;
  /** Classes beside `section`. */
  className?: string;
  children?: ReactNode;
}

/** A part of a page under its own second-level heading, labelled by it for screen readers. */
export function Section({ titleId, title, intro, className, children }: SectionProps) {
  return (
    <section className={className ? `section ${className}` : 'section'} aria-labelledby={titleId}>
      <h2 className="section__title" id={titleId}>
        {title}
      </h2>
      {intro !== undefined && <p className="section__intro">{intro}</p>}
      {children}
    </section>
  );
}
