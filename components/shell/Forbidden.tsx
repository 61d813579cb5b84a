export function Forbidden({ needs }: { needs: string }) {
  return (
    <div className="notice bad" role="alert">
      This page needs the {needs} role. Ask an admin of your workspace if you need access.
    </div>
  );
}
