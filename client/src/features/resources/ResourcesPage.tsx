import { SectionIntro } from '../../components/SectionIntro.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

export function ResourcesPage() {
  useDocumentTitle('Resources');
  return (
    <SectionIntro
      title="Resources"
      lead="Protocols, checklists, templates and training material that task forces share with each other."
    >
      <p>Files are private to members by default, checked for their real type, and stripped of photo metadata.</p>
    </SectionIntro>
  );
}
