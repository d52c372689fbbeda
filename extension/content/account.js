// The account's side of composing: which X account is signed in (told to the background
// once per change, so history and balance go to the right handle), whose account a
// composer posts from, and the hint card's balance line for that account.
"use strict";

Salesy.define("account", ["x", "messages", "settings", "pageChanges", "i18n"], ({ x, messages, settings, pageChanges, i18n: { t } }) => {
  let reported = "";

  /** Tells the background which account is in use (once per change); returns it. */
  function note() {
    const handle = x.signedInHandle();
    if (handle && handle !== reported) {
      reported = handle;
      messages.tell("history-account", { account: handle });
    }
    return handle;
  }

  /** The account posting from this composer: the signed-in one, else the composer's avatar. */
  function ofComposer(composer) {
    return x.signedInHandle() ?? (composer ? x.composerAvatarHandle(composer) : null);
  }

  /** @type {Map<string, Promise<any>>} by account: asked again once history or config change */
  const previews = new Map();

  /** "Posting this would make 6 of your last 20 posts promotional — target 4." or undefined. */
  async function balanceNote(editor) {
    const handle = ofComposer(x.composerOf(editor)) ?? "";
    if (!previews.has(handle)) {
      previews.set(handle, messages.tell("balance-preview", { account: handle || undefined }));
    }
    const preview = await previews.get(handle);
    if (!preview) return undefined;
    return preview.days
      ? t("card_balance_days", preview.promotional, preview.days, preview.allowed)
      : t("card_balance_last", preview.promotional, preview.total, preview.allowed);
  }

  function start(signal) {
    settings.onChange((what) => {
      if (what === "history" || what === "config") previews.clear();
    }, signal);
    // The side bar renders after the page, and the account can change without a reload.
    let timer = 0;
    pageChanges.subscribe(() => {
      timer ||= setTimeout(() => {
        timer = 0;
        note();
      }, 500);
    }, signal);
    signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
    note();
  }

  return { start, note, ofComposer, balanceNote };
});
