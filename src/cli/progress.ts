// Progress for long-running commands: a live line on a terminal, nothing when output is piped.
export interface Progress {
  update(text: string): void;
  done(text?: string): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = Boolean(stream.isTTY);
  let last = 0;
  return {
    update(text) {
      if (!live) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      stream.write(`\r\x1b[2K${text}`);
    },
    done(text) {
      if (live) stream.write('\r\x1b[2K');
      if (text && live) stream.write(`${text}\n`);
    },
  };
}
