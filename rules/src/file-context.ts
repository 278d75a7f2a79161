// ESLint gives each rule of a file a context made by `FileContext#extend`, which is
// `Object.create(fileContext)`: the file's context becomes a prototype. V8 gives every prototype's
// children a map of their own, and maps live in the old generation, where only a full collection
// frees them; until then that map holds the file's context, and with it the file's SourceCode (tree,
// tokens, scopes), alive through every young-generation collection. On 8,000 files that is what made
// any enabled rule cost ESLint 10–15 % more CPU than none, and its heap grow to 1.3 GB (docs/eslint.md).
//
// So, once per process (per copy of ESLint), the plugin gives ESLint's FileContext an `extend` that
// copies the file's six properties into the rule's context instead: every rule sees the same
// properties and values, and no per-file object becomes a prototype. Only ESLint's own `extend`,
// recognised by its source, is replaced: another ESLint, or another tool's replacement, is left
// alone. FLAGLINT_KEEP_ESLINT_CONTEXT=1 turns it off.

/** ESLint 9.x and 10.x's `FileContext#extend`, whitespace collapsed. */
const ESLINT_EXTEND = "extend(extension) { return Object.freeze(Object.assign(Object.create(this), extension)); }";

/** The prototypes already looked at: one per copy of ESLint in the process (an editor may load two). */
const examined = new WeakSet<object>();

/** Called from every rule's `create`; after the first call for a copy of ESLint, two lookups. */
export function stopFileContextPrototypes(context: object): void {
  // Once replaced, a context's prototype is the class's own, which has been examined.
  const parent: unknown = Object.getPrototypeOf(context);
  if (parent === null || typeof parent !== "object" || examined.has(parent)) return;
  const shared: unknown = Object.getPrototypeOf(parent);
  if (shared === null || typeof shared !== "object" || examined.has(shared)) return;
  examined.add(shared);
  if (process.env.FLAGLINT_KEEP_ESLINT_CONTEXT === "1") return;
  replaceExtend(context);
}

/**
 * Replaces `extend` on the prototype of `context`'s file context when it is ESLint's own; true when
 * it did. Exported for tests, which hand it contexts of their own making.
 */
export function replaceExtend(context: object): boolean {
  const fileContext: unknown = Object.getPrototypeOf(context);
  if (fileContext === null || typeof fileContext !== "object") return false;
  const shared: unknown = Object.getPrototypeOf(fileContext);
  if (shared === null || typeof shared !== "object" || !Object.prototype.hasOwnProperty.call(shared, "extend")) return false;
  const original: unknown = (shared as { extend: unknown }).extend;
  if (typeof original !== "function" || String(original).replace(/\s+/g, " ") !== ESLINT_EXTEND) return false;
  const eslintExtend = original as (this: object, extension: object) => object;
  Object.defineProperty(shared, "extend", {
    value: function extend(this: object, extension: object): object {
      // A file context is an instance of the class, with its properties its own: those are copied. Anything
      // else (a context extended again) keeps ESLint's behaviour.
      if (Object.getPrototypeOf(this) !== shared) return eslintExtend.call(this, extension);
      return Object.freeze(Object.assign(Object.create(shared) as object, this, extension));
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return true;
}
