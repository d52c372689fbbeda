// The team config address rules, shared by the options page (which asks for the host's
// permission at the moment of import) and the background (which fetches it).

/** An HTTPS address, or an Error that says what is wrong with it. */
export function teamUrl(text) {
  let url;
  try {
    url = new URL(String(text ?? "").trim());
  } catch {
    throw new Error("That is not a web address.");
  }
  if (url.protocol !== "https:") {
    throw new Error("Only HTTPS addresses: a team config must not travel in clear text.");
  }
  if (url.username || url.password) throw new Error("Leave names and passwords out of the address.");
  url.hash = "";
  return url;
}

/** The host permission pattern to ask for before Salesy may fetch `url`. */
export function originPattern(url) {
  return `${teamUrl(url).origin}/*`;
}
