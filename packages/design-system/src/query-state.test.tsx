import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DesignSystemProvider } from "./provider.tsx";
import { QueryState, type QueryStateProps, type QueryStateQuery } from "./query-state.tsx";

const idle: QueryStateQuery<string[]> = { data: undefined, error: null, isPending: true, isFetching: false };

function render(props: Partial<QueryStateProps<string[]>> & { query: QueryStateQuery<string[]> }): string {
  return renderToStaticMarkup(
    <DesignSystemProvider>
      <QueryState loadingLabel="Loading rows" errorPrefix="Could not load rows" empty="No rows yet." {...props}>
        {(rows) => <ul aria-label="Rows">{rows.map((r) => <li key={r}>{r}</li>)}</ul>}
      </QueryState>
    </DesignSystemProvider>,
  );
}

describe("QueryState", () => {
  it("shows a loader named by loadingLabel while pending, and nothing else", () => {
    const html = render({ query: { ...idle, isFetching: true } });
    expect(html).toContain('aria-label="Loading rows"');
    expect(html).not.toContain('role="status"');
    expect(html).not.toContain("No rows yet.");
    expect(html).not.toContain("<ul");
  });

  it("with loadingWhen=fetching, a disabled query (pending, not fetching) shows nothing", () => {
    expect(render({ query: idle, loadingWhen: "fetching" })).not.toContain("Loading rows");
    expect(render({ query: { ...idle, isFetching: true }, loadingWhen: "fetching" })).toContain('aria-label="Loading rows"');
  });

  it("shows the error in an alert after the prefix", () => {
    const html = render({ query: { ...idle, isPending: false, error: { message: "boom" } } });
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/Could not load rows(<!-- -->)?: (<!-- -->)?boom/);
    expect(html).not.toContain("Loading rows");
  });

  it("says the empty message for no rows, and renders the content otherwise", () => {
    const empty = render({ query: { ...idle, isPending: false, data: [] } });
    expect(empty).toContain("No rows yet.");
    expect(empty).not.toContain("<ul");
    const full = render({ query: { ...idle, isPending: false, data: ["a", "b"] } });
    expect(full).toContain('<ul aria-label="Rows"><li>a</li><li>b</li></ul>');
    expect(full).not.toContain("No rows yet.");
  });

  it("without an empty message, empty data goes to the content; isEmpty decides what is empty", () => {
    expect(render({ query: { ...idle, isPending: false, data: [] }, empty: undefined })).toContain('<ul aria-label="Rows"></ul>');
    expect(render({ query: { ...idle, isPending: false, data: ["x"] }, isEmpty: (rows) => rows[0] === "x" })).toContain("No rows yet.");
  });

  it("live makes the loader and the empty message status regions", () => {
    expect(render({ query: { ...idle, isFetching: true }, live: true })).toMatch(/role="status"[^>]*aria-label="Loading rows"|aria-label="Loading rows"[^>]*role="status"/);
    expect(render({ query: { ...idle, isPending: false, data: [] }, live: true })).toMatch(/role="status"[^>]*>No rows yet\./);
  });
});
