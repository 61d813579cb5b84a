'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { apiRequest } from '../api-request';
import { ProgressBar } from '../ui/ProgressBar';

const PIECE = 4 * 1024 * 1024;
const MAX_BYTES = 100 * 1024 * 1024;

/** Picks or receives a dropped CSV and uploads it in 4 MB pieces, then has it recognised. */
export function ImportUpload() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File) {
    setError(null);
    if (file.size === 0) return setError('The file is empty.');
    if (file.size > MAX_BYTES) return setError('The file is larger than 100 MB. Split it into smaller files.');
    setProgress(0);
    const created = await apiRequest<{ batch: { id: string } }>('/api/imports', {
      method: 'POST',
      body: { fileName: file.name, fileSize: file.size },
    });
    if (!created.ok) {
      setProgress(null);
      return setError(created.message);
    }
    const { id } = created.data.batch;
    for (let seq = 0; seq * PIECE < file.size; seq += 1) {
      const res = await fetch(`/api/imports/${id}/chunks/${seq}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream' },
        body: file.slice(seq * PIECE, (seq + 1) * PIECE),
      });
      if (!res.ok) {
        setProgress(null);
        const body = await res.json().catch(() => null);
        return setError(body?.error?.message ?? 'The upload failed. Try again.');
      }
      setProgress(Math.min(1, ((seq + 1) * PIECE) / file.size));
    }
    const analysed = await apiRequest(`/api/imports/${id}/analyse`, { method: 'POST' });
    setProgress(null);
    if (!analysed.ok) return setError(analysed.message);
    router.push(`/imports/${id}`);
  }

  return (
    <div className="panel">
      <h2>Import a contact list</h2>
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) void upload(file);
        }}
      >
        <p>Drop a CSV file here (up to 100 MB or 1,000,000 rows), or</p>
        <label className="button" htmlFor="import-file">
          Choose a file
        </label>
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          className="visually-hidden"
          disabled={progress !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            if (input.current) input.current.value = '';
          }}
        />
        <p className="muted">UTF-8, UTF-16 or Windows (Excel) text; commas, semicolons, tabs or pipes.</p>
      </div>
      {progress !== null && <ProgressBar label="Uploading" value={progress} />}
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
