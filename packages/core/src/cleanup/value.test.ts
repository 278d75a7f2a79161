import { describe, expect, it } from "vitest";
import { UsageError } from "../clock.js";
import { parseFlagValue } from "./value.js";

describe("parseFlagValue", () => {
  it("reads on/true as true and off/false as false, in any case", () => {
    expect(parseFlagValue("on")).toBe(true);
    expect(parseFlagValue("TRUE")).toBe(true);
    expect(parseFlagValue("off")).toBe(false);
    expect(parseFlagValue("False")).toBe(false);
  });

  it("reads JSON strings, numbers and null", () => {
    expect(parseFlagValue('"blue"')).toBe("blue");
    expect(parseFlagValue("3")).toBe(3);
    expect(parseFlagValue("-1.5")).toBe(-1.5);
    expect(parseFlagValue("null")).toBeNull();
  });

  it("refuses a bare word, with a hint on quoting", () => {
    expect(() => parseFlagValue("blue")).toThrow(UsageError);
    expect(() => parseFlagValue("blue")).toThrow(/--value '"blue"'/);
  });

  it("refuses objects and arrays", () => {
    expect(() => parseFlagValue("{}")).toThrow(UsageError);
    expect(() => parseFlagValue("[1]")).toThrow(/objects and arrays/);
  });
});
