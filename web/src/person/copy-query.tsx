import { useState } from 'react';

/** The GraphQL query that gives the same answer, to copy into a script, the explorer or curl. */
export function CopyQuery(props: { query: string; variables: Record<string, unknown> }) {
  const [copied, setCopied] = useState<string | null>(null);
  const text = `${props.query}\n\n# variables\n${JSON.stringify(props.variables, null, 2)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(JSON.stringify({ query: props.query, variables: props.variables }));
      setCopied('Copied the request body (query and variables) to the clipboard.');
    } catch {
      setCopied('The browser did not allow copying: select the text below.');
    }
  };
  return (
    <details className="copy-query">
      <summary>The GraphQL query of this answer</summary>
      <button type="button" className="secondary" onClick={copy}>
        Copy the GraphQL query
      </button>
      {copied && <span role="status"> {copied}</span>}
      <pre tabIndex={0} aria-label="GraphQL query and variables">
        <code>{text}</code>
      </pre>
    </details>
  );
}
