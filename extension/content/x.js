// Everything Salesy knows about X's page, in one place: every selector in one named map (X's
// data-testid attributes, ARIA roles and links, never its hashed class names), and every
// heuristic built on them: which editors a Post button sends, whether a composer writes a
// reply, which account is signed in, what a post on a timeline says. When X changes its page,
// this is the file to change; health.js tells the user (in the popup) when one of these
// stops finding what it looks for.
//
// Nothing here reads X's words. Every label is translated ("Reply" is "Antworten", "Replying
// to" is "Antwort an", "En réponse à", "返信先"), so decisions come from structure only.
"use strict";

Salesy.define("x", [], () => {
  /** X's DOM, by what each thing is. */
  const Selectors = Object.freeze({
    // Composing. The desktop editor is Draft.js; threads number their editors from 0.
    EDITOR: '[data-testid^="tweetTextarea_"][contenteditable="true"]',
    FIRST_EDITOR: '[data-testid="tweetTextarea_0"][contenteditable="true"]',
    // On a mobile OS X renders a plain <textarea>: Salesy cannot paint inside one.
    PLAIN_EDITOR: 'textarea[data-testid^="tweetTextarea_"]',
    // Any rich-text box, to notice a compose box X renamed.
    RICH_TEXT_BOX: '.public-DraftEditor-content[contenteditable="true"], [role="textbox"][contenteditable="true"]',
    DRAFT_BLOCK: '[data-block="true"]',
    POST_BUTTON: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
    // The row under a post with the media buttons, the character counter and Post.
    TOOLBAR: '[data-testid="toolBar"]',
    MODAL: '[role="dialog"][aria-modal="true"]',
    // The account.
    ACCOUNT_SWITCHER: '[data-testid="SideNav_AccountSwitcher_Button"]',
    AVATAR: '[data-testid^="UserAvatar-Container-"]',
    PROFILE_LINK: '[data-testid="AppTabBar_Profile_Link"]',
    SIGNED_OUT: '[data-testid="loginButton"], [data-testid="signupButton"], a[href="/login"], a[href="/i/flow/login"]',
    // Timelines.
    POST: 'article[data-testid="tweet"]',
    POST_TEXT: '[data-testid="tweetText"]',
    POST_AUTHOR: '[data-testid="User-Name"]',
    SOCIAL_CONTEXT: '[data-testid="socialContext"]',
    SHOW_MORE: '[data-testid="tweet-text-show-more-link"]',
    CELL: '[data-testid="cellInnerDiv"]',
    QUOTE_CARD: 'div[role="link"]',
    PERMALINK: 'a[href*="/status/"]',
    PROFILE_MENTION: 'a[href^="/"]',
    PROMOTED: '[data-testid="placementTracking"]',
  });

  const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
  const STATUS_PATH = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,25})(?:\/|$)/;
  const AVATAR_PREFIX = "UserAvatar-Container-";
  // Paths that look like a profile (/<word>) but are X's own pages.
  const NOT_PROFILES = new Set([
    "home", "explore", "notifications", "messages", "i", "settings", "compose", "search",
    "login", "logout", "signup", "tos", "privacy", "jobs", "premium", "communities", "lists",
    "bookmarks", "account", "intent", "hashtag", "share",
  ]); // prettier-ignore
  // The tabs of a profile whose posts are the account's own.
  const PROFILE_TABS = new Set(["with_replies", "media", "highlights", "superfollows", "articles"]);

  const follows = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  const sameHandle = (a, b) => Boolean(a && b && a.toLowerCase() === b.toLowerCase());

  // ---- composing

  /** @param {Element} element */
  function editorNumber(element) {
    const match = element.getAttribute("data-testid")?.match(/^tweetTextarea_(\d+)$/);
    return match ? Number(match[1]) : -1;
  }

  /**
   * The composer a node belongs to: the compose dialog holding it, else the nearest block
   * holding both a first post (tweetTextarea_0) and a Post button. In a thread X renders the
   * toolbar with the button only inside the focused post, so "the nearest block holding an
   * editor" would be that one post, not the thread the button sends.
   * @param {Element} node an editor, a Post button, or anything inside a composer
   * @returns {Element | null}
   */
  function composerOf(node) {
    const modal = node.closest(Selectors.MODAL);
    if (modal) return modal;
    /** @type {Element | null} */
    let fallback = null;
    for (let box = /** @type {Element | null} */ (node); box && box !== document.body; box = box.parentElement) {
      if (!box.matches(Selectors.POST_BUTTON) && !box.querySelector(Selectors.POST_BUTTON)) continue;
      if (box.matches(Selectors.FIRST_EDITOR) || box.querySelector(Selectors.FIRST_EDITOR)) return box;
      if (!fallback && (box.matches(Selectors.EDITOR) || box.querySelector(Selectors.EDITOR))) fallback = box;
    }
    return fallback;
  }

  /** Every post of a composer, in thread order. @param {Element} composer */
  function editorsOf(composer) {
    const modal = composer.matches(Selectors.MODAL) ? composer : composer.closest(Selectors.MODAL);
    return [.../** @type {NodeListOf<HTMLElement>} */ (composer.querySelectorAll(Selectors.EDITOR))].filter(
      (editor) => editor.closest(Selectors.MODAL) === modal,
    );
  }

  /** The composer's Post (or "Post all", "Reply") button, wherever focus put it. */
  function postButtonOf(composer) {
    return /** @type {HTMLElement | null} */ (
      composer.matches(Selectors.POST_BUTTON) ? composer : composer.querySelector(Selectors.POST_BUTTON)
    );
  }

  /**
   * What the writer must still see while Salesy's card is open: the composer's toolbar (its
   * buttons, the character counter, Post), wherever focus put it in a thread, and the Post
   * button should X move it out of the toolbar. @param {Element} editor @returns {Element[]}
   */
  function composeControlsOf(editor) {
    const composer = composerOf(editor);
    if (!composer) return [];
    const controls = [...composer.querySelectorAll(Selectors.TOOLBAR)];
    const button = postButtonOf(composer);
    if (button && !controls.some((toolbar) => toolbar.contains(button))) controls.push(button);
    return controls;
  }

  /** The Post button an event happened on, if any. @param {EventTarget | null} target */
  function postButtonAt(target) {
    return target instanceof Element ? /** @type {HTMLElement | null} */ (target.closest(Selectors.POST_BUTTON)) : null;
  }

  /** X disables Post while a draft is empty or too long: such a click posts nothing. */
  function isDisabled(button) {
    return button.matches(":disabled") || button.getAttribute("aria-disabled") === "true";
  }

  /**
   * Whether this composer writes a reply, from structure: X's reply dialog shows the post
   * being answered above the editor (a quote post's card comes after it, inside a link
   * card); inline, the reply box sits under a conversation, on a post's own page.
   * @param {Element} composer
   */
  function isReplyComposer(composer) {
    const first = editorsOf(composer)[0];
    if (!first) return false;
    const answered = (post) => !post.closest(Selectors.QUOTE_CARD) && !first.contains(post) && follows(post, first);
    if (composer.matches(Selectors.MODAL)) {
      return [...composer.querySelectorAll(`${Selectors.POST}, ${Selectors.POST_TEXT}`)].some(answered);
    }
    if (STATUS_PATH.test(location.pathname)) return true;
    const column = composer.closest('[data-testid="primaryColumn"], main') ?? document.body;
    return [...column.querySelectorAll(Selectors.POST)].some((post) => !post.closest(Selectors.MODAL) && answered(post));
  }

  /** Where Salesy's panel for an editor lives: inside X's dialog, whose focus trap would
   * otherwise pull the keyboard back out of the card; else at the end of the page. */
  function overlayParent(editor) {
    return editor.closest(Selectors.MODAL) ?? document.documentElement;
  }

  /**
   * Compose boxes on the page that Salesy cannot read: a plain <textarea> (X on a phone), or
   * a rich-text box in a composer (beside a Post button) that holds no editor Salesy knows,
   * as when X renames the editor's test id. A direct-message box has no Post button.
   */
  function unreadableComposeBoxes() {
    const boxes = [...document.querySelectorAll(Selectors.PLAIN_EDITOR)];
    for (const box of document.querySelectorAll(Selectors.RICH_TEXT_BOX)) {
      if (box.closest(Selectors.EDITOR)) continue;
      let composer = box.closest(Selectors.MODAL);
      for (let up = box.parentElement; !composer && up && up !== document.body; up = up.parentElement) {
        if (up.querySelector(Selectors.POST_BUTTON)) composer = up;
      }
      if (composer?.querySelector(Selectors.POST_BUTTON) && !composer.querySelector(Selectors.EDITOR)) boxes.push(box);
    }
    return boxes;
  }

  /** Pages where X always shows a compose box to a signed-in account. */
  function expectsComposer(pathname = location.pathname) {
    return pathname === "/home" || pathname.startsWith("/compose/");
  }

  // ---- the account

  function handleOfAvatar(avatar) {
    const name = avatar?.getAttribute("data-testid")?.slice(AVATAR_PREFIX.length) ?? "";
    // X names an avatar it has no account for yet "UserAvatar-Container-unknown".
    return HANDLE.test(name) && name !== "unknown" ? name : null;
  }

  /**
   * The signed-in account: the avatar in the side bar's account switcher (its test id ends
   * with the screen name), else the Profile tab's link, else the last "@handle" in the
   * switcher's text. A display name may hold an "@" itself ("Ana Lopez (@anabakes)"), and
   * the handle comes after it; collapsed, the switcher shows the avatar only.
   * @returns {string | null}
   */
  function signedInHandle() {
    const switcher = document.querySelector(Selectors.ACCOUNT_SWITCHER);
    const fromAvatar = handleOfAvatar(switcher?.querySelector(Selectors.AVATAR));
    if (fromAvatar) return fromAvatar;
    const href = document.querySelector(Selectors.PROFILE_LINK)?.getAttribute("href") ?? "";
    const fromLink = href.match(/^(?:https:\/\/(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,15})\/?$/)?.[1];
    if (fromLink && !NOT_PROFILES.has(fromLink.toLowerCase())) return fromLink;
    const mentions = [...(switcher?.textContent ?? "").matchAll(/@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_])/g)];
    return mentions.at(-1)?.[1] ?? null;
  }

  /** The account avatar a composer shows beside its first post (not a quoted post's). */
  function composerAvatarHandle(composer) {
    for (const avatar of composer.querySelectorAll(Selectors.AVATAR)) {
      if (avatar.closest(Selectors.POST) || avatar.closest(Selectors.QUOTE_CARD)) continue;
      const name = handleOfAvatar(avatar);
      if (name) return name;
    }
    return null;
  }

  /** X shows a sign-in prompt instead of an account. */
  function signedOut() {
    return Boolean(document.querySelector(Selectors.SIGNED_OUT));
  }

  // ---- pages and posts

  /** The handle whose profile this path shows (/<handle>, /<handle>/with_replies…), or null. */
  function profileOf(pathname = location.pathname) {
    const parts = pathname.split("/").filter(Boolean);
    if (parts.length === 0 || parts.length > 2) return null;
    if (parts.length === 2 && !PROFILE_TABS.has(parts[1])) return null;
    if (NOT_PROFILES.has(parts[0].toLowerCase())) return null;
    return HANDLE.test(parts[0]) ? parts[0] : null;
  }

  /** A post's own page (/<handle>/status/<id>): its author and id, or null. */
  function statusOf(pathname = location.pathname) {
    const match = pathname.match(STATUS_PATH);
    return match ? { author: match[1], id: match[2] } : null;
  }

  /** Inside a card quoting another post, within `article`. */
  function quoted(node, article) {
    const card = node.closest(Selectors.QUOTE_CARD);
    return Boolean(card && article.contains(card));
  }

  /** The post's permalink: the link around its time that is not inside a quoted post. */
  function permalinkOf(article) {
    for (const link of article.querySelectorAll(Selectors.PERMALINK)) {
      if (!link.querySelector("time[datetime]") || quoted(link, article)) continue;
      const match = link.getAttribute("href")?.match(STATUS_PATH);
      if (match) return { link, author: match[1], id: match[2] };
    }
    return null;
  }

  /**
   * A post's text as its reader sees it: emoji drawn as images read as their characters, line
   * breaks kept, a shortened link read without the "…" X appends to it.
   */
  function textOf(element) {
    let out = "";
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) out += node.nodeValue;
      else if (node.nodeName === "IMG") out += node.getAttribute("alt") ?? "";
      else if (node.nodeName === "BR") out += "\n";
      else if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.closest("a") && node.textContent === "…" && !node.nextSibling) return;
        node.childNodes.forEach(walk);
      }
    };
    walk(element);
    return out.trim();
  }

  /**
   * Whether a post on a timeline answers another one, from structure: the "Replying to @…"
   * line (links to profiles between the author line and the text, whatever its words say),
   * or the post it answers shown in the cell right above it, by someone else, neither
   * reposted nor promoted.
   */
  function answersAnotherPost(article, author) {
    const text = [...article.querySelectorAll(Selectors.POST_TEXT)].find((node) => !quoted(node, article));
    for (const link of article.querySelectorAll(Selectors.PROFILE_MENTION)) {
      if (!/^@[A-Za-z0-9_]{1,15}$/.test(link.textContent?.trim() ?? "")) continue;
      if (link.closest(Selectors.POST_AUTHOR) || link.closest(Selectors.POST_TEXT) || quoted(link, article)) continue;
      if (text && !follows(link, text)) continue;
      return true;
    }
    const parent = postRightAbove(article);
    if (!parent || parent.querySelector(Selectors.SOCIAL_CONTEXT) || parent.closest(Selectors.PROMOTED)) return false;
    const parentAuthor = permalinkOf(parent)?.author;
    return Boolean(parentAuthor && !sameHandle(parentAuthor, author));
  }

  /** The post shown right above this one: earlier in its cell, else the last of the cell above. */
  function postRightAbove(article) {
    const cell = article.closest(Selectors.CELL) ?? article;
    const inCell = [...cell.querySelectorAll(Selectors.POST)].filter((post) => post !== article && follows(post, article));
    if (inCell.length > 0) return inCell[inCell.length - 1];
    const above = cell.previousElementSibling;
    if (!above) return null;
    if (above.matches(Selectors.POST)) return above;
    const posts = above.querySelectorAll(Selectors.POST);
    return posts.length > 0 ? posts[posts.length - 1] : null;
  }

  /**
   * What a post on a timeline says: status id and author (from its permalink, so a repost
   * names the original's author), text, time, whether X cut it short behind "Show more",
   * whether it answers another post.
   * @returns {{id: string, author: string, text: string, at: string, truncated: boolean, reply: boolean} | null}
   */
  function readPost(article) {
    const permalink = permalinkOf(article);
    if (!permalink) return null;
    const text = [...article.querySelectorAll(Selectors.POST_TEXT)].find((node) => !quoted(node, article));
    return {
      id: permalink.id,
      author: permalink.author,
      text: text ? textOf(text) : "",
      at: permalink.link.querySelector("time")?.getAttribute("datetime") ?? "",
      truncated: [...article.querySelectorAll(Selectors.SHOW_MORE)].some((node) => !quoted(node, article)),
      reply: answersAnotherPost(article, permalink.author),
    };
  }

  /**
   * The post a status page is about, read whole (X cuts no text there); it answers another
   * post when the conversation shows any post above it.
   */
  function readFocalPost(status) {
    const posts = [...document.querySelectorAll(Selectors.POST)].filter((post) => !post.closest(Selectors.MODAL));
    const index = posts.findIndex((post) => permalinkOf(post)?.id === status.id);
    if (index < 0) return null;
    const post = readPost(posts[index]);
    return post && { ...post, reply: post.reply || index > 0 };
  }

  /** Every post on the page, outside X's dialogs. */
  function timelinePosts() {
    return [...document.querySelectorAll(Selectors.POST)].filter((post) => !post.closest(Selectors.MODAL));
  }

  // ---- look

  /**
   * X's display theme, from the colour X paints the page with: white, black (dark) or
   * rgb(5,5,5) (high contrast); "dim" for the blue-grey X retired in 2026.
   * @returns {"light" | "dim" | "dark"}
   */
  function theme() {
    for (const element of [document.body, document.documentElement]) {
      if (!element) continue;
      const match = getComputedStyle(element).backgroundColor.match(/\d+(\.\d+)?/g);
      if (!match) continue;
      const [r, g, b, alpha = 1] = match.map(Number);
      if (alpha === 0) continue;
      const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      if (luminance > 128) return "light";
      return luminance < 8 ? "dark" : "dim";
    }
    return "light";
  }

  return {
    Selectors,
    sameHandle,
    editorNumber,
    composerOf,
    editorsOf,
    postButtonOf,
    composeControlsOf,
    postButtonAt,
    isDisabled,
    isReplyComposer,
    overlayParent,
    unreadableComposeBoxes,
    expectsComposer,
    signedInHandle,
    composerAvatarHandle,
    signedOut,
    profileOf,
    statusOf,
    readPost,
    readFocalPost,
    timelinePosts,
    theme,
  };
});
