import { SectionIntro } from '../../components/SectionIntro.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

export function MembersPage() {
  useDocumentTitle('Members');
  return (
    <SectionIntro
      title="Members"
      lead="The directory of task force members: find counterparts by task force, discipline, region, language and experience, and message them directly."
    />
  );
}
