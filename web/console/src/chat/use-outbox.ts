// The operator's outbox for one chat: a message shows at once as "sending", is stored with a
// clientId of its own (a retry after a lost answer is stored once, never twice) and then merged
// into the transcript by seq; a failed one stays, marked, until it is sent again.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { chatKeys, sendMessage, type ChatMessage, type Transcript } from './api';
import { mergeMessages, type PendingMessage, type ThreadMessage } from './thread';

export function useOutbox(chatId: string): {
  pending: PendingMessage[];
  send: (body: string) => void;
  retry: (m: ThreadMessage) => void;
} {
  const qc = useQueryClient();
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const store = useCallback(
    (stored: ChatMessage) =>
      qc.setQueryData<Transcript>(chatKeys.transcript(chatId), (old) =>
        old
          ? {
              ...old,
              messages: mergeMessages(old.messages, [stored]),
              chat: { ...old.chat, lastSeq: Math.max(old.chat.lastSeq, stored.seq) },
            }
          : old,
      ),
    [qc, chatId],
  );

  const attempt = useCallback(
    async (clientId: string, body: string) => {
      setPending((p) => p.map((x) => (x.clientId === clientId ? { ...x, failed: false } : x)));
      try {
        store(await sendMessage(chatId, body, clientId));
        setPending((p) => p.filter((x) => x.clientId !== clientId));
      } catch {
        // Kept with its clientId: a retry is stored once even if the first try got through.
        setPending((p) => p.map((x) => (x.clientId === clientId ? { ...x, failed: true } : x)));
      }
    },
    [chatId, store],
  );

  const send = (body: string) => {
    const clientId = crypto.randomUUID();
    setPending((p) => [...p, { clientId, body, failed: false }]);
    void attempt(clientId, body);
  };

  const retry = (m: ThreadMessage) => {
    if (m.clientId) void attempt(m.clientId, m.body);
  };

  return { pending, send, retry };
}
