import type { ComponentChildren } from 'preact';
import { DownloadCsv } from './DownloadCsv.js';

/** The head of a statistics card: its h2, its filters and, where the route answers CSV, the download. */
export function PanelHead({
  id,
  title,
  csv,
  children,
}: {
  id: string;
  title: string;
  csv?: { what: string; filename: string; load: () => Promise<string> };
  children?: ComponentChildren;
}) {
  return (
    <div class="card-head">
      <h2 id={id}>{title}</h2>
      {children || csv ? (
        <div class="filters">
          {children}
          {csv ? <DownloadCsv what={csv.what} filename={csv.filename} load={csv.load} /> : null}
        </div>
      ) : null}
    </div>
  );
}
