// The account's side of composing: which X account is signed in, the session tally (drafts
// checked, pure ads caught, warnings acted on, posted anyway, posts made), posts recorded
// when a draft really leaves the composer, and the hint card's balance line.
//
// A click on Post is not yet a post: the nudge may hold it (post-guard.js), or X may fail to
// send it. A post is recorded only once the composer lets go of the draft (the editor is
// emptied or removed) within POST_WAIT_MS of a click the guard did not hold.
"use strict";

const salesyHistory = (() => {
  const POST_WAIT_MS = 10_000;
  const HANDLE = /@([A-Za-z0-9_]{1,15})\b/;
  /** @type {WeakMap<HTMLElement, {text: string, verdict: string, score: number, counted: boolean, wasPureAd: boolean}>} */
  const drafts = new WeakMap();
  let reported = "";

  /** The signed-in account, from X's account switcher in the side bar. */
  function ownHandle() {
    const switcher = document.querySelector('[data-testid="SideNav_AccountSwitcher_Button"]');
    if (!switcher) return null;
    const match = switcher.textContent?.match(HANDLE);
    if (match) return match[1];
    const avatar = switcher.querySelector('[data-testid^="UserAvatar-Container-"]');
    return avatar?.getAttribute("data-testid")?.slice("UserAvatar-Container-".length) || null;
  }

  /** The account posting from this composer: the switcher, else the composer's own avatar. */
  function composerHandle(element) {
    const own = ownHandle();
    if (own) return own;
    for (let node = element.parentElement; node; node = node.parentElement) {
      const avatar = node.querySelector('[data-testid^="UserAvatar-Container-"]');
      const name = avatar?.getAttribute("data-testid")?.slice("UserAvatar-Container-".length);
      if (name && /^[A-Za-z0-9_]{1,15}$/.test(name)) return name;
    }
    return null; // the background then uses the account it saw last
  }

  function tell(type, payload) {
    if (extensionGone()) return Promise.resolve(null);
    return askBackground(type, payload).catch(() => null);
  }

  /** Tells the background which account is in use (once per change). */
  function noteAccount() {
    const handle = ownHandle();
    if (handle && handle !== reported) {
      reported = handle;
      tell("history-account", { account: handle });
    }
    return handle;
  }

  // ---- the session tally, fed by compose.js

  function sawVerdict(editor, answer, text) {
    const state = drafts.get(editor) ?? { counted: false, wasPureAd: false };
    const counts = {};
    if (!state.counted) counts.checked = 1;
    if (answer.verdict === "pure_ad" && !state.wasPureAd) counts.caught = 1;
    drafts.set(editor, {
      ...state,
      text,
      verdict: answer.verdict,
      score: answer.score,
      counted: true,
      wasPureAd: state.wasPureAd || answer.verdict === "pure_ad",
    });
    if (counts.checked || counts.caught) tell("tally-bump", { counts });
  }

  function draftCleared(editor) {
    drafts.delete(editor);
  }

  // ---- the hint card's balance line

  /** @type {Map<string, Promise<any>>} by account */
  const previews = new Map();
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && Object.keys(changes).some((key) => key.startsWith("history:") || key === "config")) {
      previews.clear();
    }
  });

  /** "Posting this would make 6 of your last 20 posts promotional — target 4." or undefined. */
  async function balanceNote(editor) {
    const account = composerHandle(editor) ?? "";
    if (!previews.has(account)) {
      previews.set(account, tell("balance-preview", { account: account || undefined }));
    }
    const preview = await previews.get(account);
    if (!preview) return undefined;
    const span = preview.days ? `of your posts of the last ${preview.days} days` : `of your last ${preview.total} posts`;
    return `Posting this would make ${preview.promotional} ${span} promotional — target ${preview.allowed}.`;
  }

  // ---- posts

  function editorsNear(button) {
    for (let node = button.parentElement; node; node = node.parentElement) {
      const inside = [...sessions.keys()].filter((editor) => node.contains(editor));
      if (inside.length > 0) return inside;
    }
    return [];
  }

  function isReply(button) {
    if (/^reply$/i.test(button.textContent?.trim() ?? "")) return true;
    for (let node = button.parentElement; node; node = node.parentElement) {
      if (node.getAttribute?.("role") === "dialog" || node.tagName === "MAIN") {
        return /Replying to @/.test(node.textContent ?? "");
      }
    }
    return false;
  }

  function left(editor) {
    return !editor.isConnected || !readEditor(editor).text.trim();
  }

  /** The Post button of the composer an editor belongs to. */
  function buttonOf(editor) {
    for (let node = editor.parentElement; node; node = node.parentElement) {
      const button = node.querySelector(POST_BUTTONS);
      if (button) return button;
    }
    return null;
  }

  // A click on Post, or X's shortcut for it (Ctrl/Cmd+Enter in the editor).
  window.addEventListener(
    "click",
    (event) => {
      const button = /** @type {Element} */ (event.target).closest?.(POST_BUTTONS);
      if (button) watchPost(button);
    },
    true,
  );
  window.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
      const editor = [...sessions.keys()].find((candidate) => candidate.contains(/** @type {Node} */ (event.target)));
      const button = editor && buttonOf(editor);
      if (button) watchPost(button);
    },
    true,
  );

  /** Editors whose post is being watched (a double click must not record it twice). */
  const watching = new WeakSet();

  /** Records the composer's drafts once they leave it, unless the guard holds the post. */
  function watchPost(button) {
    if (salesySettings.paused || extensionGone()) return;
    const editors = editorsNear(button).filter((editor) => !watching.has(editor));
    const taken = editors
      .map((editor) => ({ editor, text: readEditor(editor).text, state: drafts.get(editor) }))
      .filter((draft) => draft.text.trim());
    if (taken.length === 0) return;
    for (const draft of taken) watching.add(draft.editor);
    const done = () => taken.forEach((draft) => watching.delete(draft.editor));
    const account = composerHandle(button);
    const reply = isReply(button);
    const clicked = Date.now();
    // The guard listens after us in the same dispatch: look once it has had its say.
    setTimeout(() => {
      if (editors.some((editor) => postGuard.isHeld(editor))) return done();
      const timer = setInterval(() => {
        if (!taken.every((draft) => left(draft.editor))) {
          if (Date.now() - clicked > POST_WAIT_MS) {
            clearInterval(timer);
            done();
          }
          return;
        }
        clearInterval(timer);
        done();
        recordPosts(account, taken, reply, clicked);
      }, 100);
    }, 0);
  }

  function recordPosts(account, taken, reply, clicked) {
    const tally = { posts: taken.length, postedAnyway: 0, actedOn: 0 };
    const posts = taken.map((draft, index) => {
      const known = draft.state && draft.state.text === draft.text ? draft.state : null;
      if (known?.verdict === "pure_ad") tally.postedAnyway++;
      else if (known && draft.state?.wasPureAd) tally.actedOn++;
      return {
        text: draft.text,
        verdict: known?.verdict,
        score: known?.score,
        // A thread's posts keep their order.
        at: new Date(clicked + index).toISOString(),
        reply: reply || index > 0,
      };
    });
    tell("history-record", { account: account ?? undefined, posts, tally });
  }

  return { ownHandle, noteAccount, sawVerdict, draftCleared, balanceNote };
})();

salesySettings.ready.then(() => salesyHistory.noteAccount());
