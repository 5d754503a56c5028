// @ts-check
// Post-processing of rendered pages: share the plotly bundle, point links at site pages, and
// find anything a page would load from the network.
"use strict";
const crypto = require("crypto");
const path = require("path");

/**
 * Replaces every inline copy of the plotly bundle with one shared local <script src>.
 * @param {string} html
 * @param {string} bundleHtml
 * @param {string} src
 */
function shareBundle(html, bundleHtml, src) {
  if (typeof bundleHtml !== "string" || bundleHtml.length < 1000) {
    throw new Error(
      `shareBundle: bundleHtml must be the bundle's <script> element (thousands of characters), got ${typeof bundleHtml === "string" ? `${bundleHtml.length} characters` : typeof bundleHtml}. Pass plotlyBundleHtml() from dist.`,
    );
  }
  const parts = html.split(bundleHtml);
  return { html: parts.join(`<script type="text/javascript" src="${src}"></script>`), replaced: parts.length - 1 };
}

/**
 * Moves every large inline <style> (nbconvert's lab theme, ~0.5 MB, the same on every page)
 * into a shared stylesheet. `save(name, css)` writes the file; `href(name)` is its page-relative link.
 * @param {string} html
 * @param {(name: string, css: string) => void} save
 * @param {(name: string) => string} href
 * @param {number} [minLength]
 */
function shareStyles(html, save, href, minLength = 20000) {
  if (typeof save !== "function" || typeof href !== "function") {
    throw new Error(
      "shareStyles: save and href must be functions (name, css) => void and (name) => string. Pass the site's asset writer and link maker.",
    );
  }
  let shared = 0;
  const out = html.replace(
    /<style type="text\/css">([\s\S]*?)<\/style>/g,
    (/** @type {string} */ whole, /** @type {string} */ css) => {
      if (css.length < minLength) return whole;
      const name = `nbconvert-${crypto.createHash("sha1").update(css).digest("hex").slice(0, 12)}.css`;
      save(name, css);
      shared++;
      return `<link rel="stylesheet" href="${href(name)}">`;
    },
  );
  return { html: out, shared };
}

/**
 * Rewrites relative links in href="..." (e.g. "glossary.md", "02-convolution.ipynb#padding")
 * to site pages. `targets` maps a source file name to its path relative to the site root;
 * `pageDir` is the page's folder relative to the site root ("" or "lessons").
 * Returns the new html and the relative links that matched no page.
 * @param {string} html
 * @param {Map<string, string>} targets
 * @param {string} pageDir
 */
function rewriteLinks(html, targets, pageDir) {
  /** @type {string[]} */
  const unresolved = [];
  const out = html.replace(
    /(<a\b[^>]*?\bhref=")([^"#?:]+)([#?][^"]*)?"/g,
    (/** @type {string} */ whole, /** @type {string} */ start, /** @type {string} */ target, suffix = "") => {
      if (target.startsWith("/") || target.startsWith("//")) return whole;
      const base = path.posix.basename(target);
      const mapped = targets.get(base);
      if (mapped === undefined) {
        if (/\.(ipynb|md)$/.test(base)) unresolved.push(target);
        return whole;
      }
      const rel = path.posix.relative(pageDir || ".", mapped) || path.posix.basename(mapped);
      return `${start}${rel}${suffix}"`;
    },
  );
  return { html: out, unresolved };
}

const LOADING_TAG =
  /<(script|link|img|iframe|frame|source|video|audio|embed|object|track|input|image|use)\b[^>]*?\b(src|href|data|poster|srcset|xlink:href)\s*=\s*["']?\s*((?:https?:|ftp:|wss?:)?\/\/[^"'\s>]*)/gi;
const CSS_URL = /(?:url\(\s*["']?|@import\s+["'])((?:https?:)?\/\/[^"')\s]+)/gi;

/**
 * Every reference in a page that a browser would fetch from the network (tag attributes and CSS).
 * @param {string} html
 */
function networkReferences(html) {
  const found = [];
  for (const m of html.matchAll(LOADING_TAG)) found.push(`<${m[1]} ${m[2]}="${m[3]}">`);
  for (const m of html.matchAll(CSS_URL)) found.push(`css ${m[1]}`);
  return found;
}

/**
 * Relative image/script/stylesheet references of a page that point at no file (pageDir is absolute).
 * @param {string} html
 * @param {string} pageDir
 */
function missingLocalFiles(html, pageDir) {
  const fs = require("fs");
  const missing = [];
  for (const m of html.matchAll(/<(img|script|link|source)\b[^>]*?\b(src|href)="([^"]+)"/gi)) {
    const ref = m[3];
    if (/^([a-z][\w+.-]*:|\/\/|#)/i.test(ref)) continue; // data:, http:, anchors: not local files
    const file = path.resolve(pageDir, decodeURIComponent(ref.split(/[?#]/)[0]));
    if (!fs.existsSync(file)) missing.push(ref);
  }
  return missing;
}

module.exports = { missingLocalFiles, shareBundle, shareStyles, rewriteLinks, networkReferences };
