interface ForbiddenProps {
  needs: string;
}

export function Forbidden({ needs }: ForbiddenProps) {
  return (
    <div className="notice bad" role="alert">
      This page needs the {needs} role. Ask an admin of your workspace if you need access.
    </div>
  );
}
