export function ErrorFallback({ error }: { error: Error }) {
  return (
    <div role="alert" className="mfe-error">
      <p>Ticketing hit an unexpected error. Reload the page to try again.</p>
      <p className="mfe-error-detail">{error.message}</p>
    </div>
  );
}
