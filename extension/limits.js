// @ts-check
// How much work the router lets reach the one engine every tab shares, and how long the
// engine may take on it. The engine is MicroPython in a sandboxed frame: it does one request at
// a time, so a request that runs long makes every other tab wait. Each cap comes from a
// measured worst case (bench/pathological.py: "python bench/run.py --only pathological"), not
// from X's post limit:
// - A draft of one pathological pattern ("!!!…", "#a#a…", "a.a.…", emoji) costs about 40-65 µs a
//   character on MicroPython in the browser, up to 10× ordinary text, and grows faster than
//   linearly past 10 000 (3.7-5.6 s at 50 000). 5 000 characters keeps the worst check near
//   0.3 s (about 0.5 s on a busy machine): a typing user in another tab waits at most that.
//   Longer drafts are checked up to the cap, and the answer says how much was checked.
// - Everything else is sliced so that one request does about as much: texts judged in a batch,
//   archive items per slice, a config's examples (salesy.config.MAX_EXAMPLES_CHARS).

export const LIMITS = {
  /** A draft (compose box, popup, options preview) is checked up to this many UTF-16 units. */
  checkChars: 5_000,
  /** The longest draft the router takes at all (the compose box sends up to 50 000). */
  draftChars: 1_000_000,
  /** "Ignore here" phrases sent with one draft, and the length of each. */
  allowPhrases: 50,
  allowPhraseChars: 280,
  /** A config document or a base it extends, as JSON (= salesy.config.MAX_BYTES). */
  configBytes: 256 * 1024,
  /**
   * Share codes are for configs up to 64 KB as JSON (about 600 terms): decoding a code costs
   * about 5 µs a character on MicroPython, so the longest (105 000 characters) takes ~0.5 s.
   * A bigger config travels as a file or a team URL.
   */
  shareConfigChars: 64 * 1024,
  shareCodeChars: Math.ceil((64 * 1024 * 8) / 5) + 64,
  /** Texts judged in one "classify" request, and their total length. */
  classifyTexts: 200,
  classifyChars: 10_000,
  /** Archive items sent to Python in one request (about 0.1-0.25 s each), and their JSON size. */
  archiveItems: 1_000,
  archiveSliceBytes: 400_000,
  /** What the popup reads at once (Chrome carries a message of up to 64 MiB). */
  archiveBytes: 48 * 1024 * 1024,
  /** A post as X allows it, and how many one record from a composer may hold (a thread). */
  postChars: 25_000,
  postsPerRecord: 25,
  /** Posts read off the profile page in one message. */
  postsPerMerge: 200,
  /** Posts the balance counts at once (a history holds 2 000; a preview adds one). */
  balancePosts: 2_001,
  /** The benchmark request (extension pages only): texts, and their total length. */
  benchTexts: 2_000,
  benchChars: 1_000_000,
  /** The collection thresholds a benchmark may try on the engine, in bytes. */
  benchGcThreshold: [16 * 1024, 64 * 1024 * 1024],
};

/**
 * How long the engine may take on one request before it is presumed hung and restarted,
 * by request type. Several times the worst case each cap allows, so a busy machine does not
 * restart a healthy engine; short enough that a check queued behind a hung one still answers.
 */
export const DEADLINES_MS = {
  check: 2_000,
  ping: 2_000,
  "rule-texts": 2_000,
  classify: 6_000,
  bench: 60_000,
  default: 6_000,
};

/** Start-up: how long each attempt may take, and the pause before the next one. */
export const START = {
  deadlinesMs: [8_000, 15_000, 30_000, 30_000],
  backoffMs: [0, 1_000, 4_000, 15_000],
};
