import type { Schema } from '@chorus/sdk';
import { useEffect, useId, useState } from 'preact/hooks';
import { api, unwrap, useApi } from '../../api.js';
import { Empty, Loaded } from '../../components/States.js';
import { formatTrackTime } from './TrackList.js';

export type FoundTrack = NonNullable<Schema<'SearchResults'>['tracks']>[number];

/** Finds catalog tracks by name as the person types, each with an Add button. */
export function TrackSearch({ onAdd }: { onAdd: (track: FoundTrack) => Promise<boolean> }) {
  const id = useId();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const [adding, setAdding] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useApi(term ? `search/tracks/${term}` : null, async () =>
    unwrap(await api.GET('/v1/search', { params: { query: { q: term, type: 'track', limit: 8 } } })),
  );
  return (
    <div class="track-search">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setTerm(text.trim());
        }}
      >
        <label for={id}>Search the catalog</label>
        <input
          id={id}
          type="search"
          value={text}
          maxLength={100}
          autocomplete="off"
          placeholder="A track's name"
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </form>
      {term === '' ? (
        <p class="muted small">Type part of a track's name; matches show here, each with an Add button.</p>
      ) : (
        <Loaded state={results} label="Searching">
          {(found) =>
            (found.tracks ?? []).length === 0 ? (
              <Empty title={`No track matches “${term}”.`}>Check the spelling, or try a shorter part of the name.</Empty>
            ) : (
              <ul class="list search-results" aria-label="Matching tracks">
                {(found.tracks ?? []).map((track) => (
                  <li key={track.id}>
                    <span class="track-main">
                      <span class="track-title">{track.title}</span>
                      <span class="track-meta">
                        {track.artist.name} · {track.release.title} · {formatTrackTime(track.duration_ms)}
                      </span>
                    </span>
                    <button
                      type="button"
                      class="button small"
                      aria-label={`Add ${track.title} by ${track.artist.name}`}
                      disabled={adding === track.id}
                      onClick={async () => {
                        setAdding(track.id);
                        await onAdd(track);
                        setAdding(null);
                      }}
                    >
                      {adding === track.id ? 'Adding…' : 'Add'}
                    </button>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      )}
    </div>
  );
}
