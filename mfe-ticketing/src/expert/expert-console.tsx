export function ExpertConsole() {
  return (
    <section aria-labelledby="my-assignments-title">
      <h2 id="my-assignments-title">My assignments</h2>
      <p>
        No assignments yet: matching experts to tickets arrives in a later release. Tickets assigned to you
        will be listed here, ready to accept, reject or complete.
      </p>
    </section>
  );
}
