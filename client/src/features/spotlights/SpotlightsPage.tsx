import { SectionIntro } from '../../components/SectionIntro.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

export function SpotlightsPage() {
  useDocumentTitle('Spotlights');
  return (
    <SectionIntro
      title="Spotlights"
      lead="Each week the TTA team features a task force, a practice, a member or a resource worth knowing, with the featured task force’s consent."
    >
      <p>Past spotlights stay here as a record of what task forces have built and learned.</p>
    </SectionIntro>
  );
}
