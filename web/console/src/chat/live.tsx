// The chat page's live connection, shared by its panels through a context: the events socket
// (events.ts) wired to the query cache — a message is merged into its open transcript, a read mark
// moves the visitor's read state, a state or queue change refetches the lists, an alert refetches
// the alerts — and the visitor's typing per chat. After a drop the client reconnects by itself and,
// once back, everything of the chat line is read again (what was missed while away). While the
// socket is down the panels fall back to polling (`useFallbackInterval`).
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { chatKeys, type Transcript } from './api';
import { ChatEvents, type LiveState, type OperatorServerFrame } from './events';
import { mergeMessages } from './thread';

/** The visitor's typing is forgotten after this long without a new frame (a lost "off"). */
const TYPING_FORGET_MS = 12_000;
/** How often the lists are read while the socket is down. */
const FALLBACK_REFRESH_MS = 10_000;

export interface ChatLive {
  state: LiveState;
  client: ChatEvents;
  visitorTyping: ReadonlySet<string>;
}

const LiveContext = createContext<ChatLive | null>(null);

export function useChatLive(): ChatLive {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useChatLive outside the chat page');
  return live;
}

/** A query's refetch interval: none while live events arrive, polling while they do not. */
export function useFallbackInterval(whileLiveMs: number | false = false): number | false {
  const { state } = useChatLive();
  return state === 'open' ? whileLiveMs : FALLBACK_REFRESH_MS;
}

function eventsUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/api/chat/events`;
}

export function ChatLiveProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const [visitorTyping, setVisitorTyping] = useState<ReadonlySet<string>>(new Set());
  const typingTimers = useRef(new Map<string, number>());

  const client = useMemo(() => {
    const setTyping = (chatId: string, on: boolean) => {
      const timers = typingTimers.current;
      const old = timers.get(chatId);
      if (old !== undefined) window.clearTimeout(old);
      timers.delete(chatId);
      if (on)
        timers.set(
          chatId,
          window.setTimeout(() => setTyping(chatId, false), TYPING_FORGET_MS),
        );
      setVisitorTyping((prev) => {
        if (prev.has(chatId) === on) return prev;
        const next = new Set(prev);
        if (on) next.add(chatId);
        else next.delete(chatId);
        return next;
      });
    };
    const onFrame = (frame: OperatorServerFrame) => {
      switch (frame.type) {
        case 'message': {
          const { chatId, message } = frame;
          qc.setQueryData<Transcript>(chatKeys.transcript(chatId), (old) =>
            old
              ? {
                  ...old,
                  messages: mergeMessages(old.messages, [message]),
                  chat: { ...old.chat, lastSeq: Math.max(old.chat.lastSeq, message.seq) },
                }
              : old,
          );
          if (message.from === 'visitor') setTyping(chatId, false);
          void qc.invalidateQueries({ queryKey: chatKeys.mine });
          return;
        }
        case 'read':
          qc.setQueryData<Transcript>(chatKeys.transcript(frame.chatId), (old) =>
            old
              ? {
                  ...old,
                  chat: {
                    ...old.chat,
                    visitorReadSeq: Math.max(old.chat.visitorReadSeq, frame.upTo),
                  },
                }
              : old,
          );
          return;
        case 'typing':
          setTyping(frame.chatId, frame.on);
          return;
        case 'chat':
          // Taken, transferred, ended or blocked: the lists and the open thread read it again.
          void qc.invalidateQueries({ queryKey: chatKeys.mine });
          void qc.invalidateQueries({ queryKey: chatKeys.running });
          void qc.invalidateQueries({ queryKey: chatKeys.transcript(frame.chatId) });
          return;
        case 'queue':
          void qc.invalidateQueries({ queryKey: chatKeys.queue });
          return;
        case 'alert':
          void qc.invalidateQueries({ queryKey: chatKeys.alerts });
          return;
        case 'hello':
        case 'watching':
        case 'error':
        case 'pong':
          return;
      }
    };
    return new ChatEvents({
      connect: (events) => {
        const ws = new WebSocket(eventsUrl());
        ws.addEventListener('open', () => events.open());
        ws.addEventListener('message', (e: MessageEvent) => {
          if (typeof e.data === 'string') events.message(e.data);
        });
        ws.addEventListener('close', () => events.close());
        return { send: (text) => ws.send(text), close: () => ws.close() };
      },
      timers: {
        set: (fn, ms) => window.setTimeout(fn, ms),
        clear: (h) => window.clearTimeout(h as number),
      },
      random: Math.random,
      onFrame,
      onState: (next, caughtUp) => {
        setState(next);
        // Back after a drop: whatever changed meanwhile is read again.
        if (caughtUp) void qc.invalidateQueries({ queryKey: chatKeys.all });
      },
    });
  }, [qc]);

  useEffect(() => {
    const timers = typingTimers.current;
    const offline = () => client.networkLost();
    const online = () => client.networkBack();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    client.start();
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      client.stop();
      for (const h of timers.values()) window.clearTimeout(h);
      timers.clear();
    };
  }, [client]);

  const value = useMemo(() => ({ state, client, visitorTyping }), [state, client, visitorTyping]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
