// @ts-check
// The course index: every lesson's title (a link) and first paragraph, as markdown.
"use strict";

/**
 * lessons: [{ title, summary, href, failed }] in course order.
 * Returns markdown for the index page (rendered like a notebook's markdown cell).
 * @param {{ title: string, summary?: string, href: string, failed?: boolean }[]} lessons
 * @param {{ glossaryHref?: string }} [options]
 */
function indexMarkdown(lessons, { glossaryHref = "glossary.html" } = {}) {
  if (!Array.isArray(lessons)) {
    throw new Error(
      `indexMarkdown: lessons must be an array of { title, summary, href }, got ${typeof lessons}. Pass the lessons in course order.`,
    );
  }
  const lines = [
    "# convnet-lab: convolutional neural networks in TypeScript",
    "",
    "A course on **convolutional neural networks (합성곱 신경망)**, from multiply-and-sum by hand to ResNet, " +
      "GANs and RNNs. Each lesson below is a notebook executed when this site was built, shown with its outputs " +
      "and interactive charts; run it yourself with `npm start` (Jupyter) to change the code.",
    "",
    `Key terms in English and Korean: [Glossary (용어집)](${glossaryHref}).`,
    "",
    "## Lessons",
    "",
  ];
  if (lessons.length === 0) lines.push("*(no lessons yet)*");
  for (const lesson of lessons) {
    for (const key of /** @type {const} */ (["title", "href"])) {
      if (typeof lesson[key] !== "string" || !lesson[key]) {
        throw new Error(
          `indexMarkdown: lesson.${key} must be a non-empty string, got ${JSON.stringify(lesson[key])} in ${JSON.stringify(lesson)}. Give every lesson a title and a page.`,
        );
      }
    }
    const failed = lesson.failed
      ? ' <span class="convnet-lesson-failed">(did not run cleanly when the site was built)</span>'
      : "";
    lines.push(`### [${lesson.title}](${lesson.href})${failed}`, "");
    if (lesson.summary) lines.push(lesson.summary, "");
  }
  return lines.join("\n");
}

module.exports = { indexMarkdown };
