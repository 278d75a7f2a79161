import { describe, expect, it } from "vitest";
import { escapeHtml, escapeMarkdown } from "./escape.js";

describe("escapeHtml", () => {
  it("escapes text and attribute metacharacters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});

describe("escapeMarkdown", () => {
  it("turns markup characters into entities and line breaks into spaces", () => {
    expect(escapeMarkdown("a|b `c` [d](e) <f> & *g* ~h~ $i$ \\ \nj")).toBe(
      "a&#124;b &#96;c&#96; &#91;d&#93;(e) &#60;f&#62; &#38; &#42;g&#42; &#126;h&#126; &#36;i&#36; &#92;  j",
    );
  });

  it("keeps underscores inside words, where they cannot emphasise", () => {
    expect(escapeMarkdown("new_payment_flow")).toBe("new_payment_flow");
    expect(escapeMarkdown("_private_ x_")).toBe("&#95;private&#95; x&#95;");
  });
});
