/** The message under a form field; always rendered so `aria-describedby` points at a real element. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return (
    <p id={id} className="field-error" aria-live="polite">
      {message ?? ""}
    </p>
  );
}
