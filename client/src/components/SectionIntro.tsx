import type { ReactNode } from 'react';
import { PageHeading } from './PageHeading.js';
import './SectionIntro.css';

interface SectionIntroProps {
  title: string;
  lead: string;
  children?: ReactNode;
}

/** The top of a section page: its heading, what the section is for, and optional notes. */
export function SectionIntro({ title, lead, children }: SectionIntroProps) {
  return (
    <div className="section-intro">
      <PageHeading>{title}</PageHeading>
      <p className="lead">{lead}</p>
      {children}
    </div>
  );
}
