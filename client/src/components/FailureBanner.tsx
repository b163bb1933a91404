/** A failed load said in plain words, announced at once, with a way to try again. */
export function FailureBanner({ message, onRetry }: { message: string | undefined; onRetry(): void }) {
  return (
    <div className="failure-banner" role="alert">
      <p>{message ?? 'Something went wrong.'}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
