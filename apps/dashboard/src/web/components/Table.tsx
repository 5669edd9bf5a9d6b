import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface Column<Row> {
  key: string;
  label: string;
  /** The value sorted on (and shown, unless `render`). */
  value: (row: Row) => string | number | null;
  render?: (row: Row) => ComponentChildren;
  numeric?: boolean;
}

/** A table sortable by any column (keyboard too: the headers are buttons), scrolling sideways on a phone. */
export function Table<Row>({
  rows,
  columns,
  caption,
  rowKey,
  initialSort,
}: {
  rows: Row[];
  columns: Column<Row>[];
  caption: string;
  rowKey: (row: Row) => string;
  initialSort?: { key: string; desc: boolean };
}) {
  const [sort, setSort] = useState<{ key: string; desc: boolean } | null>(initialSort ?? null);
  const column = columns.find((c) => c.key === sort?.key);
  const sorted = column
    ? [...rows].sort((a, b) => {
        const x = column.value(a);
        const y = column.value(b);
        const order = x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
        return sort!.desc ? -order : order;
      })
    : rows;
  return (
    <div class="table-scroll">
      <table class="data-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              return (
                <th scope="col" key={c.key} class={c.numeric ? 'num' : undefined} aria-sort={active ? (sort!.desc ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" class="sort" onClick={() => setSort({ key: c.key, desc: active ? !sort!.desc : !!c.numeric })}>
                    {c.label}
                    <span aria-hidden="true">{active ? (sort!.desc ? ' ↓' : ' ↑') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} class={c.numeric ? 'num' : undefined}>
                  {c.render ? c.render(row) : c.value(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
