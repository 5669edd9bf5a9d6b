import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PlaylistItem } from './usePlaylist.js';

/** 3:25 from milliseconds. */
export function formatTrackTime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function artistNames(item: { track: { artists: Array<{ name: string }> } }): string {
  return item.track.artists.map((a) => a.name).join(', ');
}

export interface TrackListProps {
  items: PlaylistItem[];
  canReorder: boolean;
  canVote: boolean;
  canRemove: (item: PlaylistItem) => boolean;
  /** The person's own vote on items they voted on here. */
  myVotes: Record<string, 'up' | 'down' | null>;
  onMove: (item: PlaylistItem, to: number) => void;
  onRemove: (item: PlaylistItem) => void;
  onVote: (item: PlaylistItem, direction: 'up' | 'down' | null) => void;
}

type Direction = 'up' | 'down';

/**
 * The playlist's tracks in order. Editors reorder by dragging a row onto another (it takes that row's place) or with
 * each row's Move up and Move down buttons; after a keyboard move, focus stays on the moved row's button.
 */
export function TrackList({ items, canReorder, canVote, canRemove, myVotes, onMove, onRemove, onVote }: TrackListProps) {
  const list = useRef<HTMLOListElement>(null);
  // The button to keep focused after a move, until the person puts focus elsewhere.
  const keep = useRef<{ itemId: string; direction: Direction } | null>(null);
  const dragged = useRef<string | null>(null);
  const [over, setOver] = useState<string | null>(null);

  useLayoutEffect(() => {
    const want = keep.current;
    if (!want || !list.current) return;
    const button = list.current.querySelector<HTMLButtonElement>(`[data-item-id="${CSS.escape(want.itemId)}"] [data-move="${want.direction}"]`);
    if (button && document.activeElement !== button) button.focus();
  });

  const move = (item: PlaylistItem, index: number, direction: Direction) => {
    const to = direction === 'up' ? index - 1 : index + 1;
    if (to < 0 || to >= items.length) return;
    keep.current = { itemId: item.item_id, direction };
    onMove(item, to);
  };

  const drop = (target: PlaylistItem) => {
    const id = dragged.current;
    dragged.current = null;
    setOver(null);
    if (!id || id === target.item_id) return;
    const item = items.find((i) => i.item_id === id);
    const to = items.findIndex((i) => i.item_id === target.item_id);
    if (item && to >= 0) onMove(item, to);
  };

  return (
    <ol
      class="track-list"
      ref={list}
      onFocusOut={(event) => {
        const next = event.relatedTarget as HTMLElement | null;
        if (next && !next.closest('[data-move]')) keep.current = null;
      }}
      onPointerDown={() => {
        keep.current = null;
      }}
    >
      {items.map((item, index) => {
        const title = item.track.title;
        const vote = myVotes[item.item_id] ?? null;
        return (
          <li
            key={item.item_id}
            data-testid="playlist-item"
            data-item-id={item.item_id}
            class={`track-row${over === item.item_id ? ' drop-target' : ''}`}
            draggable={canReorder}
            onDragStart={(event) => {
              dragged.current = item.item_id;
              event.dataTransfer?.setData('text/plain', title);
              if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(event) => {
              if (!dragged.current) return;
              event.preventDefault();
              if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
              if (over !== item.item_id) setOver(item.item_id);
            }}
            onDragLeave={() => {
              if (over === item.item_id) setOver(null);
            }}
            onDrop={(event) => {
              event.preventDefault();
              drop(item);
            }}
            onDragEnd={() => {
              dragged.current = null;
              setOver(null);
            }}
          >
            {canReorder ? (
              <span class="drag-handle" aria-hidden="true" title="Drag to reorder">
                ⠿
              </span>
            ) : null}
            <span class="track-pos">{index + 1}</span>
            <span class="track-main">
              <span class="track-title">{title}</span>
              <span class="track-meta">
                {artistNames(item)} · {item.track.release.title} · {formatTrackTime(item.track.duration_ms)}
              </span>
            </span>
            <span class="track-controls">
              {canVote ? (
                <span class="votes">
                  <button
                    type="button"
                    class="icon-button"
                    aria-label={`Vote ${title} up`}
                    aria-pressed={vote === 'up'}
                    title="Vote up"
                    onClick={() => onVote(item, vote === 'up' ? null : 'up')}
                  >
                    ▲
                  </button>
                  <span class="vote-count" title="Net votes">
                    {item.net_votes > 0 ? `+${item.net_votes}` : item.net_votes}
                    <span class="visually-hidden"> net votes</span>
                  </span>
                  <button
                    type="button"
                    class="icon-button"
                    aria-label={`Vote ${title} down`}
                    aria-pressed={vote === 'down'}
                    title="Vote down"
                    onClick={() => onVote(item, vote === 'down' ? null : 'down')}
                  >
                    ▼
                  </button>
                </span>
              ) : (
                <span class="vote-count">{item.net_votes > 0 ? `+${item.net_votes}` : item.net_votes} votes</span>
              )}
              {canReorder ? (
                <span class="move-buttons">
                  <MoveButton title={title} direction="up" disabled={index === 0} onMove={() => move(item, index, 'up')} />
                  <MoveButton title={title} direction="down" disabled={index === items.length - 1} onMove={() => move(item, index, 'down')} />
                </span>
              ) : null}
              {canRemove(item) ? (
                <button type="button" class="icon-button remove" aria-label={`Remove ${title}`} title="Remove from the playlist" onClick={() => onRemove(item)}>
                  ✕
                </button>
              ) : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Stays focusable at the ends of the list (aria-disabled), so focus does not drop when the item reaches the top or bottom. */
function MoveButton({ title, direction, disabled, onMove }: { title: string; direction: Direction; disabled: boolean; onMove: () => void }) {
  return (
    <button
      type="button"
      class="icon-button"
      data-move={direction}
      aria-label={`Move ${title} ${direction}`}
      aria-disabled={disabled}
      title={direction === 'up' ? 'Move up' : 'Move down'}
      onClick={() => {
        if (!disabled) onMove();
      }}
    >
      {direction === 'up' ? '↑' : '↓'}
    </button>
  );
}
