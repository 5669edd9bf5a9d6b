import { useState } from 'preact/hooks';
import { useEventStream } from '../api.js';
import { formatNumber } from './format.js';

/** The `streams` events of a statistics `/live` route: today's count so far. */
export interface LiveCount {
  day: string;
  streams: number;
  at: string;
}

/**
 * Today's streams as they happen, from a statistics `/live` route (an artist's, a partner's). `more` adds to the
 * count's line ("…, 3 skips"); `detail`, when it has something to say, replaces the connection state beside it.
 */
export function LiveStrip<T extends LiveCount>({ path, more, detail }: { path: string; more?: (live: T) => string; detail?: (live: T) => string }) {
  const [live, setLive] = useState<T | null>(null);
  const state = useEventStream(path, (_type, data) => setLive(data as T), ['streams']);
  const said = live && detail ? detail(live) : '';
  return (
    <div class="live-strip" aria-live="polite">
      <span class={`live-dot ${state}`} aria-hidden="true" />
      <span>
        Today (UTC), live:{' '}
        <strong data-testid="live-streams" data-value={live?.streams ?? ''}>
          {live ? formatNumber(live.streams) : '…'}
        </strong>{' '}
        streams{live && more ? more(live) : ''}
      </span>
      <span class="muted small">
        {said || (state === 'live' ? 'updates within seconds of a listen' : state === 'connecting' ? 'connecting…' : 'reconnecting…')}
      </span>
    </div>
  );
}
