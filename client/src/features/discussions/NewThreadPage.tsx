import { useId, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { limits } from '../../../../shared/limits.js';
import { createThread } from '../../api/discussions.js';
import { ApiError } from '../../api/http.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useAnnounce } from '../../lib/announcer.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { Composer } from './Composer.js';
import { categoryById, useCategories } from './useCategories.js';
import './discussions.css';

/** `/discussions/c/:categoryId/new`: a title and the opening post. */
export function NewThreadPage() {
  const { categoryId = '' } = useParams();
  const id = useId();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const categories = useCategories();
  const category = categoryById(categories, categoryId);
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState('');
  const [body, setBody] = useState('');
  useDocumentTitle('New thread');

  async function submit(acknowledgePii: boolean, attachmentIds: string[]) {
    if (title.trim().length < limits.threadTitle.min) {
      setTitleError(`Give the thread a title of at least ${limits.threadTitle.min} characters.`);
      document.getElementById(`${id}-title`)?.focus();
      throw new ApiError(400, 'validation_failed', 'Check the title.', [{ path: 'title', message: 'is too short' }]);
    }
    setTitleError('');
    const { thread } = await createThread({ categoryId, title: title.trim(), body, ...(acknowledgePii ? { acknowledgePii } : {}), ...(attachmentIds.length ? { attachmentIds } : {}) });
    announce('Thread posted');
    navigate(`/discussions/t/${thread.id}`);
  }

  return (
    <div className="discussions">
      <Breadcrumb
        items={[
          { label: 'Discussions', to: '/discussions' },
          { label: category?.name ?? 'Category', to: `/discussions/c/${categoryId}` },
        ]}
      />
      <PageHeading>New thread{category ? ` in ${category.name}` : ''}</PageHeading>
      <Composer
        label="Opening post"
        value={body}
        onChange={setBody}
        submitLabel="Post thread"
        extraTexts={{ title }}
        extraFields={
          <div className="form-field">
            <label htmlFor={`${id}-title`} className="form-label">
              Title
            </label>
            <input
              id={`${id}-title`}
              className="text-input"
              value={title}
              maxLength={limits.threadTitle.max}
              aria-invalid={titleError ? true : undefined}
              aria-describedby={titleError ? `${id}-title-error` : undefined}
              onChange={(event) => setTitle(event.target.value)}
            />
            {titleError && (
              <p id={`${id}-title-error`} className="form-error">
                {titleError}
              </p>
            )}
          </div>
        }
        onSubmit={submit}
        attachable
        onCancel={() => navigate(`/discussions/c/${categoryId}`)}
      />
    </div>
  );
}
