// Reads the account's own posts off its profile page (x.com/<handle>, /with_replies) as X
// renders them, and merges them into the history by status id. Only the signed-in account's
// profile is read; reposts of other people's posts are left out; replies are marked.
// Nothing is written into the page.
"use strict";

(() => {
  const PROFILE_TABS = new Set(["with_replies", "media", "highlights", "superfollows", "articles"]);
  const SEND_DELAY_MS = 400;
  const seen = new Set();
  /** @type {Map<string, {id: string, text: string, at: string, reply: boolean}>} */
  const pending = new Map();
  let timer = 0;

  /** The handle whose profile this page shows, or null. */
  function profileOf(pathname) {
    const parts = pathname.split("/").filter(Boolean);
    if (parts.length === 0 || parts.length > 2) return null;
    if (parts.length === 2 && !PROFILE_TABS.has(parts[1])) return null;
    return /^[A-Za-z0-9_]{1,15}$/.test(parts[0]) ? parts[0] : null;
  }

  /** A post's text as the reader sees it: emoji are images with their character as alt. */
  function textOf(element) {
    let out = "";
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) out += node.nodeValue;
      else if (node.nodeName === "IMG") out += node.getAttribute("alt") ?? "";
      else if (node.nodeName === "BR") out += "\n";
      else node.childNodes.forEach(walk);
    };
    walk(element);
    return out.trim();
  }

  function isRepostOfOthers(article) {
    const context = article.querySelector('[data-testid="socialContext"]');
    return Boolean(context && /repost|retweet/i.test(context.textContent ?? ""));
  }

  function isReply(article) {
    for (const node of article.querySelectorAll("div")) {
      const first = node.firstChild;
      if (first?.nodeType === Node.TEXT_NODE && /^\s*Replying to/.test(first.nodeValue ?? "")) return true;
    }
    return false;
  }

  /** @param {Element} article @param {string} own */
  function read(article, own) {
    if (isRepostOfOthers(article)) return null;
    // The permalink is the link around the post's time; a quoted post has its own, later.
    const time = article.querySelector('a[href*="/status/"] time[datetime]');
    const link = time?.closest("a");
    const match = link?.getAttribute("href")?.match(/^\/([A-Za-z0-9_]{1,15})\/status\/(\d+)/);
    if (!time || !match || match[1].toLowerCase() !== own.toLowerCase()) return null;
    const texts = [...article.querySelectorAll('div[data-testid="tweetText"]')];
    // The post's own text, not the text of a post it quotes (a card X renders as a link).
    const postText = texts.find((node) => !node.closest('[role="link"]')) ?? null;
    return {
      id: match[2],
      text: postText ? textOf(postText) : "",
      at: time.getAttribute("datetime") ?? "",
      reply: isReply(article),
    };
  }

  function scan() {
    if (extensionGone() || salesySettings.paused) return;
    const own = salesyHistory.noteAccount();
    const page = profileOf(location.pathname);
    if (!own || !page || page.toLowerCase() !== own.toLowerCase()) return;
    for (const article of document.querySelectorAll('article[data-testid="tweet"]')) {
      const post = read(article, own);
      if (!post || !post.text || seen.has(post.id)) continue;
      seen.add(post.id);
      pending.set(post.id, post);
    }
    if (pending.size > 0) {
      clearTimeout(timer);
      timer = setTimeout(() => send(own), SEND_DELAY_MS);
    }
  }

  function send(own) {
    const posts = [...pending.values()];
    pending.clear();
    askBackground("history-merge", { account: own, posts }).catch(() => {
      for (const post of posts) seen.delete(post.id); // try again on the next scan
    });
  }

  let scheduled = false;
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      scan();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  salesySettings.ready.then(scan);
})();
