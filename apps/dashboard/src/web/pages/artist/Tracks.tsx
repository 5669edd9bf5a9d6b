import type { paths } from '@chorus/sdk';
import { api, unwrap, unwrapJson, useApi, useArtist } from '../../api.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';
import { formatDay, formatDuration, formatNumber, formatPercent } from '../../components/format.js';
import { RangePicker, useRange } from '../../components/Range.js';
import { Empty, Loaded } from '../../components/States.js';
import { type Column, Table } from '../../components/Table.js';
import { ArtistPage } from './common.js';

type TrackRow = Exclude<paths['/v1/artists/{id}/stats/tracks']['get']['responses'][200]['content']['application/json'], string>['items'][number];

/** Every track fits one page for nearly every artist; the table and the CSV hold the same rows. */
const LIMIT = 100;

const COLUMNS: Column<TrackRow>[] = [
  { key: 'title', label: 'Track', value: (t) => t.title },
  {
    key: 'streams',
    label: 'Streams',
    numeric: true,
    value: (t) => t.streams,
    render: (t) => (
      <span data-testid={`track-streams-${t.track_id}`} data-value={t.streams}>
        {formatNumber(t.streams)}
      </span>
    ),
  },
  { key: 'listeners', label: 'Listeners', numeric: true, value: (t) => t.listeners, render: (t) => formatNumber(t.listeners) },
  { key: 'skips', label: 'Skips', numeric: true, value: (t) => t.skips, render: (t) => formatNumber(t.skips) },
  { key: 'skip_rate', label: 'Skip rate', numeric: true, value: (t) => t.skip_rate, render: (t) => formatPercent(t.skip_rate) },
  { key: 'saves', label: 'Saves', numeric: true, value: (t) => t.saves, render: (t) => formatNumber(t.saves) },
  { key: 'playlist_adds', label: 'Playlist adds', numeric: true, value: (t) => t.playlist_adds, render: (t) => formatNumber(t.playlist_adds) },
  { key: 'ms_played', label: 'Listening time', numeric: true, value: (t) => t.ms_played, render: (t) => formatDuration(t.ms_played) },
];

/** A file name's words: "Young Glaerdöth" → "young-glaerdoth". */
function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words || 'artist';
}

/** The artist's tracks over the range, sortable by any number, and the same rows as a CSV download. */
export function Tracks({ id }: { id: string }) {
  const range = useRange();
  const artist = useArtist(id);
  const tracks = useApi(`artist/${id}/tracks/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/artists/{id}/stats/tracks', { params: { path: { id }, query: { ...range.query, limit: LIMIT, format: 'json' } } })),
  );
  const filename = `${slug(artist.data?.name ?? 'artist')}-tracks-${range.query.from ? `${range.query.from}-to-${range.query.to}` : range.key}.csv`;

  return (
    <ArtistPage id={id} title="Tracks" actions={<RangePicker />}>
      <article class="card">
        <div class="card-head">
          <h2>Top tracks</h2>
          <DownloadCsv
            what="tracks"
            filename={filename}
            load={async () =>
              unwrap(
                await api.GET('/v1/artists/{id}/stats/tracks', {
                  params: { path: { id }, query: { ...range.query, limit: LIMIT, format: 'csv' } },
                  parseAs: 'text',
                }),
              )
            }
          />
        </div>
        <Loaded state={tracks} label="Loading the tracks">
          {(page) =>
            page.items.length === 0 ? (
              <Empty title="No tracks yet.">
                Add a release (<code>POST /v1/artists/{'{id}'}/releases</code>) and its tracks (<code>POST /v1/releases/{'{id}'}/tracks</code>): each track
                shows here, with zeros until its first listens.
              </Empty>
            ) : (
              <>
                <p class="muted small">
                  {formatDay(page.from)} to {formatDay(page.to)} (UTC) · {formatNumber(page.items.length)} tracks ·{' '}
                  {formatNumber(page.items.reduce((sum, t) => sum + t.streams, 0))} streams. A stream is a play of at least 30 seconds; a shorter play is a
                  skip.
                  {page.next_cursor ? ` The ${LIMIT} most streamed tracks are shown.` : ''}
                </p>
                {page.items.every((t) => t.streams === 0 && t.skips === 0) ? (
                  <Empty title="No listens in this range yet.">
                    Submit one with <code>POST /v1/listens</code> and a listener's token (see <a href="/docs">/docs</a>): it counts here within seconds. Or pick
                    a longer range.
                  </Empty>
                ) : null}
                <Table
                  caption="Tracks and their numbers over the range"
                  rows={page.items}
                  columns={COLUMNS}
                  rowKey={(t) => t.track_id}
                  initialSort={{ key: 'streams', desc: true }}
                />
              </>
            )
          }
        </Loaded>
      </article>
    </ArtistPage>
  );
}
