// `calls: - call: getClient, method: isOn`: a check method on what a call returns.
import ts, {
  isAwaitExpression,
  isCallExpression,
  isElementAccessExpression,
  isIdentifier,
  isPropertyAccessExpression,
} from "../typescript.js";
import { memberName, skipWrappers } from "./syntax.js";

/**
 * Whether `callee` is `method` read on the result of a call of `call`: `getClient().isOn`,
 * `getClient()?.isOn`, `this.getClient().isOn`, `(await getClient()).isOn`. The called function
 * is known by its trailing name, as `object` matchers are.
 */
export function isMethodOfCallResult(callee: ts.Expression, call: string, method: string | undefined): boolean {
  if (!isPropertyAccessExpression(callee) && !isElementAccessExpression(callee)) return false;
  if (method !== undefined && memberName(callee) !== method) return false;
  let receiver = skipWrappers(callee.expression);
  if (isAwaitExpression(receiver)) receiver = skipWrappers(receiver.expression);
  if (!isCallExpression(receiver)) return false;
  const called = skipWrappers(receiver.expression);
  if (isIdentifier(called)) return called.text === call;
  if (isPropertyAccessExpression(called) || isElementAccessExpression(called)) return memberName(called) === call;
  return false;
}
