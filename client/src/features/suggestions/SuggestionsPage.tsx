import { SectionIntro } from '../../components/SectionIntro.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

export function SuggestionsPage() {
  useDocumentTitle('Suggestions');
  return (
    <SectionIntro
      title="Suggestions"
      lead="Tell the TTA team what you want to see in the community, vote on other members’ ideas, and read the answers."
    />
  );
}
