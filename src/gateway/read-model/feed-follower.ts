import type { ChangeEvent } from '../domain/change.ts';
import type { RegisterClient } from '../ports/register-client.ts';
import { RegisterModel } from './register-model.ts';

/** The feed's page limit (GetAendringer's maksAntal, contract: 1..1000). */
export const MAX_FEED_PAGE = 1000;

/** How the follower runs. */
export interface FeedFollowerOptions {
  /** The wait between two polls of an idle register; a full page is followed at once. */
  pollIntervalMs: number;
  /** The longest wait before a failed load is tried again (it doubles from the poll interval). */
  maxRetryDelayMs?: number;
  /** Hears of loads, gaps and failures (the gateway's logger). */
  log?: (level: 'info' | 'warn', fields: Record<string, unknown>, message: string) => void;
}

/** Where the model stands. */
export interface FollowerState {
  loaded: boolean;
  /** The last change sequence applied (the next poll asks for what follows it). */
  sequence: number;
  /** How many times the whole register was loaded (1 after start; more after a gap). */
  loads: number;
  /** When the register last answered a poll or a load (epoch ms); null before the first. */
  lastContactAtMs: number | null;
  /** Whether the last poll failed: the model may be behind the register. */
  failing: boolean;
}

/** The live model and what keeps it current. */
export interface FeedFollower {
  /** The model now; replaced whole by a reload. */
  model(): RegisterModel;
  state(): Readonly<FollowerState>;
  /** Resolves when the first load is done. */
  loaded(): Promise<void>;
  /**
   * Resolves true once the model has applied `sequence`, polling at once rather than at the next
   * interval; false if that took longer than `timeoutMs`.
   */
  waitFor(sequence: number, timeoutMs: number): Promise<boolean>;
  /** Polls now (a write happened, or may have). */
  pollSoon(): void;
  /** Hears every change applied from the feed, in order; returns the unsubscribe. */
  onChange(listener: (change: ChangeEvent) => void): () => void;
  /** Hears of a full reload after a gap: the sequences start over, a subscriber must too. */
  onReload(listener: () => void): () => void;
  stop(): void;
}

interface Waiter {
  sequence: number;
  resolve(caughtUp: boolean): void;
}

/**
 * Loads the whole register, then follows its change feed. The load reads the latest sequence
 * first and the three GetAll* lists after it; the feed is then followed from that sequence, so a
 * change committed during the load is applied (again) from the feed. Every record is applied only
 * if it is not older than the one held (its own aendringsSekvens), so the overlap is harmless.
 * A register whose latest sequence is below the model's (restored, or replaced) is loaded again
 * in full; the old model keeps serving until the new one is complete.
 */
export function createFeedFollower(client: RegisterClient, options: FeedFollowerOptions): FeedFollower {
  const log = options.log ?? (() => {});
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 5000;
  let model = new RegisterModel();
  const state: FollowerState = {
    loaded: false,
    sequence: 0,
    loads: 0,
    lastContactAtMs: null,
    failing: false,
  };
  const listeners = new Set<(change: ChangeEvent) => void>();
  const reloadListeners = new Set<() => void>();
  let waiters: Waiter[] = [];
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let needsLoad = true;
  let retryDelayMs = options.pollIntervalMs;
  let resolveLoaded: () => void = () => {};
  const firstLoad = new Promise<void>((resolve) => (resolveLoaded = resolve));

  const settleWaiters = () => {
    const done = waiters.filter((w) => w.sequence <= state.sequence);
    if (done.length === 0) return;
    waiters = waiters.filter((w) => w.sequence > state.sequence);
    for (const w of done) w.resolve(true);
  };

  const load = async () => {
    const started = performance.now();
    const { latestSequence } = await client.changes(0, 1);
    const [daycare, units, alternatives] = await Promise.all([
      client.list({ operation: 'GetAllDaginstitutioner' }),
      client.list({ operation: 'GetAllAnvisningsEnheder' }),
      client.list({ operation: 'GetAllAlternativAdresser' }),
    ]);
    const next = new RegisterModel();
    for (const record of daycare.daycareInstitutions) next.put(record);
    for (const record of units.assignmentUnits) next.put(record);
    for (const record of alternatives.alternativeAddresses) next.put(record);
    model = next;
    state.sequence = latestSequence;
    state.loads += 1;
    if (state.loads > 1) for (const listener of reloadListeners) listener();
    needsLoad = false;
    log(
      'info',
      { sequence: latestSequence, records: next.counts(), ms: Math.round(performance.now() - started) },
      'read model loaded from the register',
    );
  };

  /** Reads pages until the model is at the register's latest sequence. */
  const follow = async () => {
    for (;;) {
      const page = await client.changes(state.sequence, MAX_FEED_PAGE);
      state.lastContactAtMs = Date.now();
      if (page.latestSequence < state.sequence) {
        log(
          'warn',
          { modelSequence: state.sequence, registerSequence: page.latestSequence },
          'the register is behind the read model (restored?): loading it again in full',
        );
        needsLoad = true;
        return;
      }
      for (const change of page.changes) {
        if (change.sequence <= state.sequence) continue;
        model.put(change.institution);
        state.sequence = change.sequence;
        for (const listener of listeners) listener(change);
      }
      settleWaiters();
      const last = page.changes.at(-1)?.sequence ?? state.sequence;
      if (page.changes.length === 0 || last >= page.latestSequence) return;
    }
  };

  const step = async () => {
    try {
      if (needsLoad) await load();
      await follow();
      if (needsLoad) await load();
      if (!state.loaded) {
        state.loaded = true;
        resolveLoaded();
      }
      state.failing = false;
      retryDelayMs = options.pollIntervalMs;
      settleWaiters();
    } catch (error) {
      state.failing = true;
      retryDelayMs = Math.min(retryDelayMs * 2, maxRetryDelayMs);
      log(
        'warn',
        { err: error, sequence: state.sequence },
        'change feed poll failed; serving the model as it is',
      );
    }
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
    // The poll alone must not keep a process alive (tests, scripts).
    timer.unref();
  };

  function run(): void {
    if (stopped) return;
    if (running !== null) {
      again = true;
      return;
    }
    timer = null;
    running = step().finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      } else {
        schedule(state.failing ? retryDelayMs : options.pollIntervalMs);
      }
    });
  }

  run();

  return {
    model: () => model,
    state: () => state,
    loaded: () => firstLoad,
    waitFor(sequence, timeoutMs) {
      if (state.loaded && state.sequence >= sequence) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const waiter: Waiter = {
          sequence,
          resolve: (caughtUp) => {
            clearTimeout(deadline);
            resolve(caughtUp);
          },
        };
        const deadline = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          resolve(false);
        }, timeoutMs);
        waiters.push(waiter);
        run();
      });
    },
    pollSoon: () => run(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReload(listener) {
      reloadListeners.add(listener);
      return () => reloadListeners.delete(listener);
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      for (const w of waiters) w.resolve(false);
      waiters = [];
    },
  };
}
