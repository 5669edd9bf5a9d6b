import type { paths } from '@chorus/sdk';
import { api, unwrapJson, useApi } from '../../api.js';
import { Bars } from '../../components/Bars.js';
import { formatChange, formatDay, formatNumber, formatPercent } from '../../components/format.js';
import { RangePicker, useRange } from '../../components/Range.js';
import { Empty, Loaded } from '../../components/States.js';
import { type Column, Table } from '../../components/Table.js';
import { ArtistPage } from './common.js';

type SourcesAnswer = Exclude<paths['/v1/artists/{id}/stats/sources']['get']['responses'][200]['content']['application/json'], string>;
type PlaylistsAnswer = Exclude<paths['/v1/artists/{id}/stats/playlists']['get']['responses'][200]['content']['application/json'], string>;
type PlaylistRow = PlaylistsAnswer['items'][number];
type PartnerKind = SourcesAnswer['partner_kinds'][number];

const SOURCES: Record<string, string> = {
  library: 'Their library',
  own_playlist: 'Their own playlists',
  playlist: "Other listeners' playlists",
  collaborative_playlist: 'Collaborative playlists',
  album: 'Album pages',
  artist: 'Artist profile',
  search: 'Search',
  radio: 'Radio',
  partner: 'Partner devices and apps',
  other: 'Other',
};
const FAMILIES: Record<string, string> = {
  own_library_and_playlists: 'Own library and playlists',
  others_playlists: "Other listeners' playlists",
  collaborative: 'Collaborative playlists',
  artist_profile_and_catalog: 'Artist profile and catalog',
  search: 'Search',
  radio: 'Radio',
  partner_devices: 'Partner devices and apps',
  other: 'Other',
};
const PARTNER_KINDS: Record<string, string> = {
  automotive: 'Cars',
  telecom: 'Telecom',
  device: 'Devices',
  app: 'Partner apps',
  unverified: 'Unverified claim',
  none: 'No partner',
};
const label = (names: Record<string, string>, key: string) => names[key] ?? key.replaceAll('_', ' ');

const KIND_COLUMNS: Column<PartnerKind>[] = [
  { key: 'kind', label: 'Through', value: (k) => label(PARTNER_KINDS, k.kind) },
  { key: 'streams', label: 'Streams', numeric: true, value: (k) => k.streams, render: (k) => formatNumber(k.streams) },
  { key: 'share', label: 'Share', numeric: true, value: (k) => k.share, render: (k) => formatPercent(k.share) },
  { key: 'previous_streams', label: 'Before', numeric: true, value: (k) => k.previous_streams, render: (k) => formatNumber(k.previous_streams) },
];

/** Where the artist's streams come from (every source, grouped into families, and partner devices), and the playlists behind them. */
export function Sources({ id }: { id: string }) {
  const range = useRange();
  const sources = useApi(`artist/${id}/sources/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/artists/{id}/stats/sources', { params: { path: { id }, query: { ...range.query, format: 'json' } } })),
  );
  const playlists = useApi(`artist/${id}/playlists/${range.key}`, async () =>
    unwrapJson(await api.GET('/v1/artists/{id}/stats/playlists', { params: { path: { id }, query: { ...range.query, limit: 50, format: 'json' } } })),
  );
  return (
    <ArtistPage id={id} title="Sources" actions={<RangePicker />}>
      <Loaded state={sources} label="Loading the sources">
        {(s) =>
          s.total_streams === 0 ? (
            <div class="card">
              <h2>Where streams come from</h2>
              <Empty title="No streams in this range yet.">
                Each listen says where it was played from (library, a playlist, search, radio, a partner's car or speaker…): submit one with{' '}
                <code>POST /v1/listens</code> and a listener's token (see <a href="/docs">/docs</a>), or pick a longer range.
              </Empty>
            </div>
          ) : (
            <SourceCards s={s} />
          )
        }
      </Loaded>
      <article class="card">
        <h2>Playlists driving streams</h2>
        <Loaded state={playlists} label="Loading the playlists">
          {(p) => <PlaylistTable page={p} />}
        </Loaded>
      </article>
    </ArtistPage>
  );
}

function SourceCards({ s }: { s: SourcesAnswer }) {
  const compared = s.previous_total_streams > 0;
  return (
    <>
      <p class="muted small">
        <span data-testid="sources-total" data-value={s.total_streams}>
          {formatNumber(s.total_streams)}
        </span>{' '}
        streams from {formatDay(s.from)} to {formatDay(s.to)} (UTC)
        {compared
          ? `, ${formatChange((s.total_streams - s.previous_total_streams) / s.previous_total_streams)} against ${formatNumber(s.previous_total_streams)} in the ${s.days} days before`
          : ''}
        .
      </p>
      <div class="grid two">
        <article class="card wide-labels">
          <h2>Where streams come from</h2>
          <Bars title="Streams by source" bars={s.sources.map((x) => ({ label: label(SOURCES, x.source), value: x.streams, share: x.share }))} />
        </article>
        <article class="card wide-labels">
          <h2>By kind of source</h2>
          <Bars title="Streams by kind of source" bars={s.families.map((f) => ({ label: label(FAMILIES, f.family), value: f.streams, share: f.share }))} />
          <p class="muted small">
            "Their library" and "their own playlists" are the listener's own; a collaborative playlist is one several listeners build together.
          </p>
        </article>
      </div>
      <article class="card">
        <h2>Partner devices and apps</h2>
        <Table caption="Streams by kind of partner" rows={s.partner_kinds} columns={KIND_COLUMNS} rowKey={(k) => k.kind} />
        <p class="muted small">
          Cars, telecom operators, devices and apps count when the listen came with a partner app's token; a listen that only claims a car, speaker or partner
          is an unverified claim. No partner: Chorus's own apps. Before: the {s.days} days before the range.
        </p>
        {s.partners.length === 0 ? (
          <p class="muted small">No verified partner has streams of this artist in the range yet.</p>
        ) : (
          <ul class="list">
            {s.partners.map((p) => (
              <li key={p.partner_id}>
                <strong>{p.name ?? 'Unnamed partner'}</strong> <span class="badge">{label(PARTNER_KINDS, p.kind)}</span>
                {'suppressed' in p ? (
                  <em class="muted">hidden</em>
                ) : (
                  <span class="num">
                    {formatNumber(p.streams)} streams · {formatNumber(p.listeners)} listeners
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {s.partners.some((p) => 'suppressed' in p) ? (
          <p class="small hidden-why">
            Hidden: a partner with fewer than {s.partners_k} listeners of this artist on a day is left out for that day, so no listener can be singled out.
          </p>
        ) : null}
      </article>
    </>
  );
}

function PlaylistTable({ page }: { page: PlaylistsAnswer }) {
  if (page.items.length === 0) {
    return (
      <Empty title="No streams from playlists in this range yet.">
        When listeners add a track to a playlist (<code>POST /v1/playlists/{'{id}'}/items</code>) and play it from there, the playlist shows here.
      </Empty>
    );
  }
  const share = (streams: number) => (page.total_streams > 0 ? streams / page.total_streams : null);
  const columns: Column<PlaylistRow>[] = [
    {
      key: 'name',
      label: 'Playlist',
      value: (p) => ('private_or_unknown' in p ? '' : p.name),
      render: (p) =>
        'private_or_unknown' in p ? (
          <em>Private or unknown playlists</em>
        ) : (
          <>
            {p.name} {p.collaborative ? <span class="badge">collaborative</span> : null}
          </>
        ),
    },
    {
      key: 'curators',
      label: 'Curators',
      numeric: true,
      value: (p) => ('private_or_unknown' in p ? null : p.curators),
      render: (p) => ('private_or_unknown' in p ? '–' : formatNumber(p.curators)),
    },
    {
      key: 'streams',
      label: 'Streams',
      numeric: true,
      value: (p) => p.streams,
      render: (p) => (
        <span data-testid={`playlist-streams-${'private_or_unknown' in p ? 'private' : p.playlist_id}`} data-value={p.streams}>
          {formatNumber(p.streams)}
        </span>
      ),
    },
    { key: 'share', label: 'Share of playlist streams', numeric: true, value: (p) => share(p.streams), render: (p) => formatPercent(share(p.streams)) },
  ];
  return (
    <>
      <p class="muted small">
        {formatNumber(page.total_streams)} streams from playlists. Curators are the people who can add tracks to a playlist; private playlists are counted
        together, never named.
        {page.next_cursor ? ' The 50 playlists with most streams are shown.' : ''}
      </p>
      <Table caption="Playlists driving streams" rows={page.items} columns={columns} rowKey={(p) => ('private_or_unknown' in p ? 'private' : p.playlist_id)} />
    </>
  );
}
