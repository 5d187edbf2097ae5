/**
 * How a seed's progress shows: a bar when stderr is a terminal, and otherwise (a log file, a
 * container, CI) a plain line at each tenth and each phase, which a bar would fill with escapes.
 */
import cliProgress from 'cli-progress';
import type { SeedProgress } from './index.ts';

export interface ProgressDisplay {
  update(progress: SeedProgress): void;
  stop(): void;
}

export function seedProgressDisplay(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} {phase} [{bar}] {percentage}% | {duration}s`, clearOnComplete: true, stream },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update({ phase, done, total }) {
        if (!started) bar.start(total, 0, { phase });
        started = true;
        bar.setTotal(total);
        bar.update(done, { phase });
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = '';
  return {
    update({ phase, done, total }) {
      const tenth = Math.floor((10 * done) / Math.max(total, 1));
      const key = `${phase} ${tenth}`;
      if (key === last) return;
      last = key;
      stream.write(`${label} ${phase}: ${tenth * 10}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} customers)\n`);
    },
    stop() {},
  };
}
