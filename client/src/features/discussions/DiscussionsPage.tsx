import { SectionIntro } from '../../components/SectionIntro.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

export function DiscussionsPage() {
  useDocumentTitle('Discussions');
  return (
    <SectionIntro
      title="Discussions"
      lead="Threaded conversations on cases and practice with peers across task forces: the national commons, rooms for each discipline, and your task force’s private space."
    >
      <p className="notice notice--info">
        Discuss practice, not case files. Leave out names, dates of birth, addresses, phone numbers and case numbers
        that could identify a victim.
      </p>
    </SectionIntro>
  );
}
