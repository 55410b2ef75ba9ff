import { useCallback, useEffect, useRef, useState } from 'react';

/** What the presenter windows share: nothing else, so a message can never carry learner data. */
export interface PresenterState {
  index: number;
  blank: boolean;
}

type Message =
  | { type: 'hello'; from: string }
  | { type: 'bye'; from: string }
  | ({ type: 'state'; from: string } & PresenterState);

/** The channel of one lesson's presentation: windows of other lessons do not interfere. */
export function channelName(lessonId: string): string {
  return `mx-a20-present:${lessonId}`;
}

/**
 * Keeps the speaker and audience windows of one browser on the same slide through a
 * BroadcastChannel. Every window can drive: a change made in one is applied in all. A window
 * that opens says hello and is answered with the current state. Nothing is stored, and nothing
 * here touches the learner store or the LMS.
 */
export function usePresenterSync(lessonId: string, initial: PresenterState) {
  const [state, setState] = useState<PresenterState>(initial);
  const [peers, setPeers] = useState(0);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  const channel = useRef<BroadcastChannel | null>(null);
  const id = useRef('');
  const known = useRef(new Set<string>());

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(channelName(lessonId));
    channel.current = ch;
    const me = Math.random().toString(36).slice(2);
    id.current = me;
    const seen = (from: string) => {
      if (!known.current.has(from)) {
        known.current.add(from);
        setPeers(known.current.size);
      }
    };
    ch.onmessage = (e: MessageEvent<Message>) => {
      const m = e.data;
      if (!m || typeof m !== 'object' || m.from === me) return;
      if (m.type === 'hello') {
        seen(m.from);
        ch.postMessage({ type: 'state', from: me, ...stateRef.current } satisfies Message);
      } else if (m.type === 'bye') {
        known.current.delete(m.from);
        setPeers(known.current.size);
      } else if (m.type === 'state' && Number.isInteger(m.index) && typeof m.blank === 'boolean') {
        seen(m.from);
        setState({ index: m.index, blank: m.blank });
      }
    };
    ch.postMessage({ type: 'hello', from: me } satisfies Message);
    const bye = () => ch.postMessage({ type: 'bye', from: me } satisfies Message);
    window.addEventListener('pagehide', bye);
    return () => {
      window.removeEventListener('pagehide', bye);
      bye();
      ch.close();
      channel.current = null;
    };
  }, [lessonId]);

  const update = useCallback((next: PresenterState) => {
    setState(next);
    channel.current?.postMessage({ type: 'state', from: id.current, ...next } satisfies Message);
  }, []);

  return { state, update, peers };
}
