/** A one-line progress display on stderr: redrawn in place on a terminal, one line per update otherwise. */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  const interactive = Boolean(stream.isTTY);
  let lastLength = 0;
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  return {
    update(detail: string, fraction?: number) {
      const bar = fraction === undefined ? "" : `${renderBar(fraction)} `;
      const line = `${label} ${bar}${detail} · ${elapsed()}`;
      if (interactive) {
        stream.write(`\r${line.padEnd(lastLength)}`);
        lastLength = line.length;
      } else {
        stream.write(`${line}\n`);
      }
    },
    done(summary: string) {
      const line = `${label} ✔ ${summary} · ${elapsed()}`;
      stream.write(interactive ? `\r${line.padEnd(lastLength)}\n` : `${line}\n`);
    },
    fail(summary: string) {
      const line = `${label} ✖ ${summary}`;
      stream.write(interactive ? `\r${line.padEnd(lastLength)}\n` : `${line}\n`);
    },
  };
}

function renderBar(fraction: number, width = 24): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}]`;
}
