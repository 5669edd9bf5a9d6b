/**
 * The answers as they must be, computed in plain JavaScript from raw rows (listens, feedback, playlist adds,
 * users, playlists), never from the rollups or the service's SQL. Definitions follow the route descriptions.
 */
import { binomialUpperTail } from '@chorus/insights';
import { type ListenerDay, referenceAudience } from '@chorus/test-kit';
import { addDays } from './support.js';

export interface RawListen {
  user_id: string;
  listened_at: Date;
  track_id: string;
  artist_id: string;
  ms_played: number;
  context_type: string;
  context_id: string | null;
  platform: string;
  country: string;
  age_bracket: string;
  gender: string;
  /** The verified attribution (null without a partner app's token). */
  partner_id?: string | null;
  partner_kind?: string | null;
}

interface Ev extends RawListen {
  day: string;
  stream: boolean;
}

export interface Period {
  from: string;
  to: string;
  days: number;
  previous_from: string;
  previous_to: string;
}

const SOURCES = ['library', 'own_playlist', 'playlist', 'collaborative_playlist', 'album', 'artist', 'search', 'radio', 'partner', 'other'];
const FAMILIES: Array<[string, string[]]> = [
  ['own_library_and_playlists', ['library', 'own_playlist']],
  ['others_playlists', ['playlist']],
  ['collaborative', ['collaborative_playlist']],
  ['artist_profile_and_catalog', ['album', 'artist']],
  ['search', ['search']],
  ['radio', ['radio']],
  ['partner_devices', ['partner']],
  ['other', ['other']],
];
const PLATFORMS = ['ios', 'android', 'web', 'desktop', 'car', 'speaker', 'tv', 'other'];

/** Whether data beginning on `first` covers the days [from, to]: a change is made only against a period it wholly covers. */
const coverage = (from: string, to: string, first: string | undefined) => (first === undefined || to < first ? 'none' : from < first ? 'partial' : 'full');
type Cover = ReturnType<typeof coverage>;
const uncovered = (c: Cover) => (c === 'none' ? 'no_data_in_previous_period' : 'previous_period_before_first_data');
const m = (value: number, previous: number, c: Cover) =>
  c !== 'full'
    ? { value, previous, change: null, change_reason: uncovered(c) }
    : previous === 0
      ? { value, previous, change: null, change_reason: 'no_previous_value' }
      : { value, previous, change: (value - previous) / previous, change_reason: null };
const div = (a: number, b: number) => (b === 0 ? null : a / b);
const rm = (value: number | null, previous: number | null, c: Cover) =>
  c !== 'full'
    ? { value, previous, change: null, change_reason: uncovered(c) }
    : previous === null || previous === 0
      ? { value, previous, change: null, change_reason: 'no_previous_value' }
      : value === null
        ? { value, previous, change: null, change_reason: 'no_current_value' }
        : { value, previous, change: (value - previous) / previous, change_reason: null };
const inRange = (day: string, from: string, to: string) => day >= from && day <= to;
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Expected period for a named range or from/to, computed independently of the service. */
export function period(today: string, range: string | { from: string; to: string }, firstDay?: string): Period & { range: string } {
  const named: Record<string, number> = { '24h': 1, '7d': 7, '28d': 28, '90d': 90, '365d': 365 };
  let from: string;
  // 24h is yesterday, the last whole day; the other named ranges end today.
  let to = range === '24h' ? addDays(today, -1) : today;
  let name = typeof range === 'string' ? range : 'custom';
  if (typeof range !== 'string') ({ from, to } = range);
  else if (range === 'all') {
    // At most 1096 days (3 years), like any range.
    const earliest = addDays(today, -1095);
    from = firstDay && firstDay < today ? (firstDay < earliest ? earliest : firstDay) : today;
  } else from = addDays(to, -(named[range]! - 1));
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  if (name === undefined) name = 'custom';
  return { range: name, from, to, days, previous_from: addDays(from, -days), previous_to: addDays(from, -1) };
}

export class Truth {
  readonly events: Ev[];
  private readonly byArtist = new Map<string, Ev[]>();
  private readonly byTrack = new Map<string, Ev[]>();

  constructor(
    listens: RawListen[],
    /** Saves: a loved track counts once, on the day of its feedback row. */
    readonly saves: Array<{ track_id: string; artist_id: string; day: string }>,
    readonly adds: Array<{ track_id: string; artist_id: string; day: string; n: number }>,
    readonly tracksOf: Map<string, Array<{ id: string; title: string }>>,
    readonly playlists: Map<string, { name: string; visibility: string; collaborative: boolean; curators: number }>,
    readonly users: Array<{ id: string; created_at: Date }>,
  ) {
    this.events = listens.map((l) => ({ ...l, day: l.listened_at.toISOString().slice(0, 10), stream: l.ms_played >= 30_000 }));
    for (const e of this.events) {
      (this.byArtist.get(e.artist_id) ?? this.byArtist.set(e.artist_id, []).get(e.artist_id)!).push(e);
      (this.byTrack.get(e.track_id) ?? this.byTrack.set(e.track_id, []).get(e.track_id)!).push(e);
    }
  }

  private evs(kind: 'artist' | 'track', id: string): Ev[] {
    return (kind === 'artist' ? this.byArtist.get(id) : this.byTrack.get(id)) ?? [];
  }

  private of(kind: 'artist' | 'track', id: string) {
    return (r: { artist_id: string; track_id: string }) => (kind === 'artist' ? r.artist_id === id : r.track_id === id);
  }

  /** First day with any data (listens, saves, playlist adds), for range=all. */
  firstDay(kind: 'artist' | 'track', id: string): string | undefined {
    const days = [
      ...this.evs(kind, id).map((e) => e.day),
      ...this.saves.filter(this.of(kind, id)).map((s) => s.day),
      ...this.adds.filter(this.of(kind, id)).map((a) => a.day),
    ];
    return days.sort()[0];
  }

  private readonly daily = new Map<
    string,
    Map<string, { streams: number; skips: number; ms_played: number; saves: number; playlist_adds: number; users: Set<string> }>
  >();

  /** Per day of one subject: counters and the set of listeners with a stream (built once, from the events). */
  private days(kind: 'artist' | 'track', id: string) {
    const key = `${kind}:${id}`;
    const hit = this.daily.get(key);
    if (hit) return hit;
    const days = new Map<string, { streams: number; skips: number; ms_played: number; saves: number; playlist_adds: number; users: Set<string> }>();
    const dayOf = (day: string) =>
      days.get(day) ?? days.set(day, { streams: 0, skips: 0, ms_played: 0, saves: 0, playlist_adds: 0, users: new Set() }).get(day)!;
    for (const e of this.evs(kind, id)) {
      const d = dayOf(e.day);
      if (e.stream) {
        d.streams++;
        d.users.add(e.user_id);
      } else d.skips++;
      d.ms_played += e.ms_played;
    }
    for (const s of this.saves.filter(this.of(kind, id))) dayOf(s.day).saves++;
    for (const a of this.adds.filter(this.of(kind, id))) dayOf(a.day).playlist_adds += a.n;
    this.daily.set(key, days);
    return days;
  }

  counters(kind: 'artist' | 'track', id: string, from: string, to: string) {
    const c = { streams: 0, skips: 0, ms_played: 0, saves: 0, playlist_adds: 0 };
    for (const [day, d] of this.days(kind, id)) {
      if (!inRange(day, from, to)) continue;
      c.streams += d.streams;
      c.skips += d.skips;
      c.ms_played += d.ms_played;
      c.saves += d.saves;
      c.playlist_adds += d.playlist_adds;
    }
    return c;
  }

  listeners(kind: 'artist' | 'track', id: string, from: string, to: string): number {
    const users = new Set<string>();
    for (const [day, d] of this.days(kind, id)) if (inRange(day, from, to)) for (const u of d.users) users.add(u);
    return users.size;
  }

  stats(kind: 'artist' | 'track', id: string, p: Period) {
    const c = this.counters(kind, id, p.from, p.to);
    const q = this.counters(kind, id, p.previous_from, p.previous_to);
    const first = this.firstDay(kind, id);
    const cov = coverage(p.previous_from, p.previous_to, first);
    const monthFrom = addDays(p.previous_to, -27);
    return {
      streams: m(c.streams, q.streams, cov),
      listeners: m(this.listeners(kind, id, p.from, p.to), this.listeners(kind, id, p.previous_from, p.previous_to), cov),
      monthly_listeners: m(
        this.listeners(kind, id, addDays(p.to, -27), p.to),
        this.listeners(kind, id, monthFrom, p.previous_to),
        coverage(monthFrom, p.previous_to, first),
      ),
      skips: m(c.skips, q.skips, cov),
      skip_rate: rm(div(c.skips, c.streams + c.skips), div(q.skips, q.streams + q.skips), cov),
      saves: m(c.saves, q.saves, cov),
      playlist_adds: m(c.playlist_adds, q.playlist_adds, cov),
      ms_played: m(c.ms_played, q.ms_played, cov),
    };
  }

  /** Zero-filled buckets clipped to [from, to]: days, ISO weeks (Monday start) or calendar months. */
  series(kind: 'artist' | 'track', id: string, metric: string, granularity: 'day' | 'week' | 'month', from: string, to: string) {
    const points: Array<{ start: string; end: string; value: number }> = [];
    let start = from;
    while (start <= to) {
      let end: string;
      if (granularity === 'day') end = start;
      else if (granularity === 'week') end = addDays(mondayOf(start), 6);
      else {
        const d = new Date(`${start}T00:00:00Z`);
        end = addDays(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10), -1);
      }
      if (end > to) end = to;
      const value = metric === 'listeners' ? this.listeners(kind, id, start, end) : (this.counters(kind, id, start, end) as Record<string, number>)[metric]!;
      points.push({ start, end, value });
      start = addDays(end, 1);
    }
    return points;
  }

  tracks(artistId: string, from: string, to: string, sort: string, order: 'asc' | 'desc') {
    const rows = (this.tracksOf.get(artistId) ?? []).map((t) => {
      const c = this.counters('track', t.id, from, to);
      return { track_id: t.id, title: t.title, ...c, listeners: this.listeners('track', t.id, from, to), skip_rate: div(c.skips, c.streams + c.skips) };
    });
    const dir = order === 'desc' ? -1 : 1;
    rows.sort((a, b) => {
      const x = (a as Record<string, unknown>)[sort] as number | null;
      const y = (b as Record<string, unknown>)[sort] as number | null;
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return (x - y) * dir;
      }
      return cmp(a.title, b.title) || cmp(a.track_id, b.track_id);
    });
    return rows.map((r) => ({
      track_id: r.track_id,
      title: r.title,
      streams: r.streams,
      listeners: r.listeners,
      skips: r.skips,
      skip_rate: r.skip_rate,
      saves: r.saves,
      playlist_adds: r.playlist_adds,
      ms_played: r.ms_played,
    }));
  }

  /**
   * The audience under the day-cell rule: listener-days (a listener's streams of the artist on one day, with their
   * profile at their first stream that day) built from raw listens, then the rule's reference statement.
   */
  audience(artistId: string, dimension: 'country' | 'age' | 'gender', from: string, to: string, k: number) {
    return referenceAudience(this.listenerDays(artistId), dimension, from, to, k);
  }

  private listenerDays(artistId: string): ListenerDay[] {
    const days = new Map<string, ListenerDay>();
    for (const e of this.evs('artist', artistId)) {
      if (!e.stream) continue;
      const key = `${e.day}|${e.user_id}`;
      const row = days.get(key);
      if (row) row.streams++;
      else days.set(key, { day: e.day, user: e.user_id, streams: 1, country: e.country, age: e.age_bracket, gender: e.gender });
    }
    return [...days.values()];
  }

  private shares(pick: (e: Ev) => boolean, key: (e: Ev) => string, p: Period) {
    const cur = new Map<string, number>();
    const prev = new Map<string, number>();
    for (const e of this.events) {
      if (!e.stream || !pick(e)) continue;
      if (inRange(e.day, p.from, p.to)) cur.set(key(e), (cur.get(key(e)) ?? 0) + 1);
      else if (inRange(e.day, p.previous_from, p.previous_to)) prev.set(key(e), (prev.get(key(e)) ?? 0) + 1);
    }
    return { cur, prev };
  }

  sources(artistId: string | null, p: Period) {
    const { cur, prev } = this.shares(
      (e) => artistId === null || e.artist_id === artistId,
      (e) => e.context_type,
      p,
    );
    const total = [...cur.values()].reduce((a, b) => a + b, 0);
    const ptotal = [...prev.values()].reduce((a, b) => a + b, 0);
    const sources = SOURCES.map((s) => ({
      source: s,
      streams: cur.get(s) ?? 0,
      share: div(cur.get(s) ?? 0, total),
      previous_streams: prev.get(s) ?? 0,
      previous_share: div(prev.get(s) ?? 0, ptotal),
    }));
    const families = FAMILIES.map(([family, members]) => {
      const streams = members.reduce((n, s) => n + (cur.get(s) ?? 0), 0);
      const previous = members.reduce((n, s) => n + (prev.get(s) ?? 0), 0);
      return { family, sources: members, streams, share: div(streams, total), previous_streams: previous, previous_share: div(previous, ptotal) };
    });
    return { total_streams: total, previous_total_streams: ptotal, sources, families };
  }

  /**
   * An artist's partner kinds (verified kind, unverified claim of a partner context or device platform, none) for
   * the range and the previous period, and its named partners under the day-cell rule judged within each kind
   * (the reference rule run once per kind, a partner standing in for a country).
   */
  partnerSources(artistId: string, p: Period, k: number, names: ReadonlyMap<string, string> = new Map()) {
    const kindOf = (e: Ev) => e.partner_kind ?? (e.context_type === 'partner' || ['car', 'speaker', 'tv'].includes(e.platform) ? 'unverified' : 'none');
    const { cur, prev } = this.shares((e) => e.artist_id === artistId, kindOf, p);
    const total = [...cur.values()].reduce((a, b) => a + b, 0);
    const ptotal = [...prev.values()].reduce((a, b) => a + b, 0);
    const partner_kinds = ['automotive', 'telecom', 'device', 'app', 'unverified', 'none'].map((kind) => ({
      kind,
      verified: !['unverified', 'none'].includes(kind),
      streams: cur.get(kind) ?? 0,
      share: div(cur.get(kind) ?? 0, total),
      previous_streams: prev.get(kind) ?? 0,
      previous_share: div(prev.get(kind) ?? 0, ptotal),
    }));
    const byKind = new Map<string, Map<string, ListenerDay>>();
    const kindOfPartner = new Map<string, string>();
    for (const e of this.events) {
      if (!e.stream || e.artist_id !== artistId || !e.partner_id || !inRange(e.day, p.from, p.to)) continue;
      kindOfPartner.set(e.partner_id, e.partner_kind!);
      const days = byKind.get(e.partner_kind!) ?? new Map<string, ListenerDay>();
      const key = `${e.day}|${e.partner_id}|${e.user_id}`;
      const row = days.get(key);
      if (row) row.streams++;
      else days.set(key, { day: e.day, user: e.user_id, streams: 1, country: e.partner_id, age: '', gender: '' });
      byKind.set(e.partner_kind!, days);
    }
    const shown: Array<{ partner_id: string; name: string | null; kind: string; listeners: number; streams: number; share: number | null }> = [];
    for (const [kind, days] of byKind) {
      for (const cell of referenceAudience([...days.values()], 'country', p.from, p.to, k).cells) {
        shown.push({
          partner_id: cell.value,
          name: names.get(cell.value) ?? null,
          kind,
          listeners: cell.listeners,
          streams: cell.streams,
          share: div(cell.streams, total),
        });
      }
    }
    shown.sort((a, b) => b.streams - a.streams || (a.partner_id < b.partner_id ? -1 : 1));
    const hidden = [...kindOfPartner.keys()]
      .filter((id) => !shown.some((s) => s.partner_id === id))
      .sort()
      .map((id) => ({ partner_id: id, name: names.get(id) ?? null, kind: kindOfPartner.get(id)!, suppressed: true as const }));
    return { partner_kinds, partners: [...shown, ...hidden], partners_k: k };
  }

  platforms(p: Period) {
    const { cur, prev } = this.shares(
      () => true,
      (e) => e.platform,
      p,
    );
    const src = this.shares(
      () => true,
      (e) => e.context_type,
      p,
    );
    const total = [...cur.values()].reduce((a, b) => a + b, 0);
    const ptotal = [...prev.values()].reduce((a, b) => a + b, 0);
    const share = (s: number, q: number) => ({ streams: s, share: div(s, total), previous_streams: q, previous_share: div(q, ptotal) });
    const devices = ['car', 'speaker', 'tv'];
    return {
      total_streams: total,
      previous_total_streams: ptotal,
      platforms: PLATFORMS.map((platform) => ({ platform, ...share(cur.get(platform) ?? 0, prev.get(platform) ?? 0) })),
      partner: {
        context: share(src.cur.get('partner') ?? 0, src.prev.get('partner') ?? 0),
        devices: share(
          devices.reduce((n, d) => n + (cur.get(d) ?? 0), 0),
          devices.reduce((n, d) => n + (prev.get(d) ?? 0), 0),
        ),
      },
    };
  }

  playlistStreams(artistId: string, from: string, to: string) {
    const byContext = new Map<string, number>();
    for (const e of this.evs('artist', artistId)) {
      if (!e.stream || !inRange(e.day, from, to) || !e.context_id) continue;
      if (!['own_playlist', 'playlist', 'collaborative_playlist'].includes(e.context_type)) continue;
      byContext.set(e.context_id, (byContext.get(e.context_id) ?? 0) + 1);
    }
    const listed: Array<{ playlist_id: string; name: string; collaborative: boolean; curators: number; streams: number }> = [];
    let hidden = 0;
    let total = 0;
    for (const [id, streams] of byContext) {
      total += streams;
      const p = this.playlists.get(id);
      if (p && p.visibility === 'public') listed.push({ playlist_id: id, name: p.name, collaborative: p.collaborative, curators: p.curators, streams });
      else hidden += streams;
    }
    listed.sort((a, b) => b.streams - a.streams || cmp(a.playlist_id, b.playlist_id));
    return { listed, hidden, total };
  }

  private activityCache: Map<string, Map<string, { streams: number; skips: number; ms: number }>> | undefined;

  /** Per listener and day, as listener_daily holds it. */
  private activity() {
    if (this.activityCache) return this.activityCache;
    const days = new Map<string, Map<string, { streams: number; skips: number; ms: number }>>();
    for (const e of this.events) {
      const d = days.get(e.day) ?? days.set(e.day, new Map()).get(e.day)!;
      const u = d.get(e.user_id) ?? { streams: 0, skips: 0, ms: 0 };
      if (e.stream) u.streams++;
      else u.skips++;
      u.ms += e.ms_played;
      d.set(e.user_id, u);
    }
    this.activityCache = days;
    return days;
  }

  /** `first`: the platform's first day with listens. */
  engagement(p: Period, first: string) {
    const act = this.activity();
    const activeIn = (from: string, to: string) => {
      const set = new Set<string>();
      for (const [day, users] of act) if (inRange(day, from, to)) for (const [u, a] of users) if (a.streams > 0) set.add(u);
      return set.size;
    };
    const totals = (from: string, to: string) => {
      let streams = 0;
      let skips = 0;
      for (const [day, users] of act) {
        if (!inRange(day, from, to)) continue;
        for (const a of users.values()) {
          streams += a.streams;
          skips += a.skips;
        }
      }
      return { streams, skips };
    };
    const daily = (from: string, n: number) =>
      Array.from({ length: n }, (_, i) => {
        const day = addDays(from, i);
        const users = act.get(day);
        let dau = 0;
        let streams = 0;
        let skips = 0;
        let ms = 0;
        for (const a of users?.values() ?? []) {
          if (a.streams > 0) dau++;
          streams += a.streams;
          skips += a.skips;
          ms += a.ms;
        }
        return { day, dau, streams, skips, ms_played: ms };
      });
    const cur = {
      dau: activeIn(p.to, p.to),
      wau: activeIn(addDays(p.to, -6), p.to),
      mau: activeIn(addDays(p.to, -27), p.to),
      active: activeIn(p.from, p.to),
      ...totals(p.from, p.to),
    };
    const pt = p.previous_to;
    const prev = {
      dau: activeIn(pt, pt),
      wau: activeIn(addDays(pt, -6), pt),
      mau: activeIn(addDays(pt, -27), pt),
      active: activeIn(p.previous_from, pt),
      ...totals(p.previous_from, pt),
    };
    const days = daily(p.from, p.days);
    const pdays = daily(p.previous_from, p.days);
    const mean = (list: typeof days) =>
      div(
        list.reduce((n, d) => n + d.dau, 0),
        list.length,
      );
    const cov = coverage(p.previous_from, pt, first);
    const month = coverage(addDays(pt, -27), pt, first);
    return {
      dau: m(cur.dau, prev.dau, coverage(pt, pt, first)),
      wau: m(cur.wau, prev.wau, coverage(addDays(pt, -6), pt, first)),
      mau: m(cur.mau, prev.mau, month),
      stickiness: rm(div(cur.dau, cur.mau), div(prev.dau, prev.mau), month),
      active_listeners: m(cur.active, prev.active, cov),
      average_dau: rm(mean(days), mean(pdays), cov),
      streams_per_active_listener: rm(div(cur.streams, cur.active), div(prev.streams, prev.active), cov),
      skip_rate: rm(div(cur.skips, cur.streams + cur.skips), div(prev.skips, prev.streams + prev.skips), cov),
      daily: days,
    };
  }

  retention(weeks: number, today: string) {
    const current = mondayOf(today);
    const first = addDays(current, -7 * (weeks - 1));
    const act = this.activity();
    return Array.from({ length: weeks }, (_, i) => {
      const week = addDays(first, 7 * i);
      const members = new Set(this.users.filter((u) => mondayOf(u.created_at.toISOString().slice(0, 10)) === week).map((u) => u.id));
      const active = Array.from({ length: weeks }, (_, j) => {
        const start = addDays(week, 7 * (j + 1));
        const end = addDays(start, 6);
        if (end >= today) return null;
        const seen = new Set<string>();
        for (const [day, users] of act) if (inRange(day, start, end)) for (const [u, a] of users) if (a.streams > 0 && members.has(u)) seen.add(u);
        return seen.size;
      });
      return { week_start: week, size: members.size, active, retention: active.map((n) => (n === null ? null : div(n, members.size))) };
    });
  }

  /** Rising artists and tracks in a market, counting only days on which the artist's market is a shown audience day-cell. */
  trends(market: string, to: string, minStreams: number, names: Map<string, { name: string; artist_id: string; artist_name: string }>, k: number) {
    const shown = new Set<string>();
    for (const artistId of this.byArtist.keys()) {
      const rows = this.listenerDays(artistId);
      for (let day = addDays(to, -13); day <= to; day = addDays(day, 1)) {
        if (referenceAudience(rows, 'country', day, day, k).cells.some((c) => c.value === market)) shown.add(`${artistId}|${day}`);
      }
    }
    const judge = (key: (e: Ev) => string) => {
      const a = new Map<string, number>();
      const b = new Map<string, number>();
      for (const e of this.events) {
        if (!e.stream || e.country !== market || !shown.has(`${e.artist_id}|${e.day}`)) continue;
        if (inRange(e.day, addDays(to, -6), to)) a.set(key(e), (a.get(key(e)) ?? 0) + 1);
        else if (inRange(e.day, addDays(to, -13), addDays(to, -7))) b.set(key(e), (b.get(key(e)) ?? 0) + 1);
      }
      const out = [];
      for (const [id, current] of a) {
        const previous = b.get(id) ?? 0;
        if (current < minStreams || current <= previous) continue;
        const p = binomialUpperTail(current, current + previous, 0.5);
        if (p >= 0.01) continue;
        const n = names.get(id)!;
        out.push({
          id,
          name: n.name,
          artist_id: n.artist_id,
          artist_name: n.artist_name,
          current,
          previous,
          change: previous === 0 ? null : (current - previous) / previous,
          p_value: p,
        });
      }
      return out.sort((x, y) => {
        if ((x.change === null) !== (y.change === null)) return x.change === null ? -1 : 1;
        return (y.change ?? 0) - (x.change ?? 0) || y.current - x.current || cmp(x.id, y.id);
      });
    };
    return { artists: judge((e) => e.artist_id), tracks: judge((e) => e.track_id) };
  }

  /** `first`: the platform's first day with listens. */
  diversity(p: Period, first: string) {
    const concentration = (from: string, to: string) => {
      const per = new Map<string, number>();
      for (const e of this.events) if (e.stream && inRange(e.day, from, to)) per.set(e.artist_id, (per.get(e.artist_id) ?? 0) + 1);
      const ranked = [...per.entries()].sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]));
      const total = ranked.reduce((n, [, s]) => n + s, 0);
      const topN = ranked.length === 0 ? 0 : Math.max(1, Math.ceil(ranked.length / 100));
      const top = ranked.slice(0, topN).reduce((n, [, s]) => n + s, 0);
      return { total, share: total === 0 ? null : (total - top) / total, artists: ranked.length, top_artists: topN };
    };
    const cur = concentration(p.from, p.to);
    const prev = concentration(p.previous_from, p.previous_to);
    const weekly = [];
    for (let start = p.from; start <= p.to; ) {
      let end = addDays(mondayOf(start), 6);
      if (end > p.to) end = p.to;
      const w = concentration(start, end);
      weekly.push({ start, end, share_outside_top: w.share, total_streams: w.total, artists: w.artists, top_artists: w.top_artists });
      start = addDays(end, 1);
    }
    return {
      share_outside_top: rm(cur.share, prev.share, coverage(p.previous_from, p.previous_to, first)),
      total_streams: cur.total,
      artists: cur.artists,
      top_artists: cur.top_artists,
      weekly,
    };
  }
}
