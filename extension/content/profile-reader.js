// Reads the account's own posts off its profile (x.com/<handle>, /with_replies…) and off its
// own posts' pages (x.com/<handle>/status/<id>) as X renders them, and merges them into the
// history by status id. Only the signed-in account's posts are read: a repost names the
// original's author in its permalink and is left out, a pinned post is the account's own.
// Replies are told apart by structure (x.js), in any language. A long post X cut short
// behind "Show more" is sent marked truncated, and sent again whole once the page shows it
// whole (expanded, or on its own page); the history keeps one copy. Nothing is written into
// the page, and "Show more" is never clicked for the user.
"use strict";

Salesy.define(
  "profileReader",
  ["x", "messages", "settings", "account", "pageChanges"],
  ({ x, messages, settings, account, pageChanges }) => {
    const SEND_DELAY_MS = 400;
    /** What was sent of each post: sent again only when the page shows more of it. */
    const sent = new Map();
    /** @type {Map<string, {id: string, text: string, at: string, reply: boolean, truncated?: boolean}>} */
    const pending = new Map();
    let timer = 0;

    /** The account's own posts on this page, read. */
    function ownPosts(own) {
      const status = x.statusOf();
      if (status) {
        if (!x.sameHandle(status.author, own)) return [];
        const focal = x.readFocalPost(status);
        return focal ? [focal] : [];
      }
      const profile = x.profileOf();
      if (!profile || !x.sameHandle(profile, own)) return [];
      return x.timelinePosts().map(x.readPost);
    }

    /** More than was sent before: the first sighting, the whole text, or a reply mark. */
    function news(post, before) {
      if (!before) return true;
      if (before.truncated && !post.truncated) return true;
      return post.reply && !before.reply;
    }

    function scan() {
      if (messages.gone() || settings.paused) return;
      const own = account.note();
      if (!own) return;
      for (const post of ownPosts(own)) {
        if (!post || !post.text || !x.sameHandle(post.author, own)) continue;
        const before = sent.get(post.id);
        if (!news(post, before)) continue;
        // Once read whole, the text stays whole; a reply mark, once seen, stays.
        const whole = before && !before.truncated ? before : null;
        const merged = whole ? { ...whole, reply: true } : { ...post, reply: post.reply || Boolean(before?.reply) };
        sent.set(post.id, merged);
        const { id, text, at, reply, truncated } = merged;
        pending.set(id, truncated ? { id, text, at, reply, truncated } : { id, text, at, reply });
      }
      if (pending.size > 0) {
        clearTimeout(timer);
        timer = setTimeout(() => send(own), SEND_DELAY_MS);
      }
    }

    function send(own) {
      const posts = [...pending.values()];
      pending.clear();
      messages.ask("history-merge", { account: own, posts }).catch(() => {
        for (const post of posts) sent.delete(post.id); // try again on the next scan
      });
    }

    function start(signal) {
      pageChanges.subscribe(scan, signal);
      settings.ready.then(() => {
        if (!signal.aborted) scan();
      });
      signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
    }

    return { start };
  },
);
