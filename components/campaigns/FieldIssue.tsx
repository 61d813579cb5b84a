export type Issues = Record<string, string>;

export function issueId(path: string): string {
  return `issue-${path.replace(/[^A-Za-z0-9]/g, '-')}`;
}

/** The accessibility attributes tying an input to the problem shown beside it. */
export function invalidProps(issues: Issues, path: string) {
  return issues[path] ? { 'aria-invalid': true as const, 'aria-describedby': issueId(path) } : {};
}

interface FieldIssueProps {
  issues: Issues;
  path: string;
}

export function FieldIssue({ issues, path }: FieldIssueProps) {
  const message = issues[path];
  if (!message) return null;
  return (
    <div className="error" id={issueId(path)}>
      {message}
    </div>
  );
}
