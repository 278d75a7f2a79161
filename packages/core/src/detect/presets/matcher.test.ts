import { describe, expect, it } from "vitest";
import type { DetectConfig, FlagReference } from "../../types.js";
import { analyzeSource } from "../analyze.js";
import { parseSource } from "../parse.js";
import { mayNeedAnalysis } from "../prefilter.js";

function detectWith(partial: Partial<DetectConfig>): DetectConfig {
  return { sdks: [], calls: [], objects: [], constants: [], properties: [], ...partial };
}

const REGISTRY_KEYS = new Set(["new-checkout", "dark_mode"]);

function references(sdk: string, source: string, extra: Partial<DetectConfig> = {}): FlagReference[] {
  const fileName = "/repo/src/app.tsx";
  const detect = detectWith({ sdks: [sdk], ...extra });
  const analysis = analyzeSource(parseSource(source, fileName), detect, { registryKeys: REGISTRY_KEYS });
  expect(analysis.parseError).toBeUndefined();
  // The pre-filter may only skip a file in which detection finds nothing.
  if (analysis.references.length > 0) expect(mayNeedAnalysis(source, detect), "the pre-filter skipped a file with references").toBe(true);
  return analysis.references;
}

/** flag, kind, context of each reference: what a preset decides. */
function checks(sdk: string, source: string): Array<[string | null, string, boolean | null]> {
  return references(sdk, source).map(({ flag, kind, context }) => [flag, kind, context]);
}

describe("the openfeature preset", () => {
  it("finds server, web and React checks, with the context only the server SDK takes per call", () => {
    const source = [
      `import { OpenFeature } from "@openfeature/server-sdk";`,
      `import { OpenFeature as Web } from "@openfeature/web-sdk";`,
      `import { useBooleanFlagValue, useFlag, FeatureFlag } from "@openfeature/react-sdk";`,
      `OpenFeature.getClient().getBooleanValue("a", false, ctx);`,
      `const server = OpenFeature.getClient("payments");`,
      `server.getStringDetails("b", "x");`,
      `Web.getClient().getNumberValue("c", 1);`,
      `const on = useBooleanFlagValue("d", false);`,
      `const { value } = useFlag("e", "blue");`,
      `const gate = <FeatureFlag flagKey="f" defaultValue={true}>new</FeatureFlag>;`,
    ].join("\n");
    expect(checks("openfeature", source)).toEqual([
      ["a", "call", true],
      ["b", "call", false],
      ["c", "call", null],
      ["d", "hook", null],
      ["e", "hook", null],
      ["f", "property", null],
    ]);
  });

  it("follows a parameter typed with the SDK's Client, imported as a type", () => {
    const source = [
      `import type { Client } from "@openfeature/server-sdk";`,
      `export async function price(client: Client, user: object) {`,
      `  return client.getBooleanValue("new-pricing", false, user);`,
      `}`,
      `export function other(client: { getBooleanValue(key: string): boolean }) {`,
      `  return client.getBooleanValue("not-a-flag");`,
      `}`,
    ].join("\n");
    expect(checks("openfeature", source)).toEqual([["new-pricing", "call", true]]);
  });

  it("ignores a settings object with the same method", () => {
    const source = [
      `import { OpenFeature } from "@openfeature/server-sdk";`,
      `const settings = { getBooleanValue: (key: string, fallback: boolean) => fallback };`,
      `settings.getBooleanValue("dark-theme", false);`,
      `OpenFeature.getBooleanValue?.("not-on-the-api", false);`,
    ].join("\n");
    expect(checks("openfeature", source)).toEqual([]);
  });
});

describe("the launchdarkly preset", () => {
  it("follows a client kept in a class field assigned in another method", () => {
    const source = [
      `import * as ld from "@launchdarkly/node-server-sdk";`,
      `export class Flags {`,
      `  private client?: ld.LDClient;`,
      `  private other;`,
      `  async start() { this.client = ld.init(process.env.LD_KEY!); this.other = makeOther(); }`,
      `  isOn(user: ld.LDContext) { return this.client!.variation("new-checkout", user, false); }`,
      `  legacy() { return this.other.variation("not-a-flag", {}, false); }`,
      `}`,
    ].join("\n");
    expect(checks("launchdarkly", source)).toEqual([["new-checkout", "call", true]]);
  });

  it("follows a field assigned without a type, and a constructor parameter property", () => {
    const source = [
      `import { init, type LDClient } from "@launchdarkly/node-server-sdk";`,
      `class A { private c; boot() { this.c = init("k"); } go() { return this.c.boolVariation("a", user, false); } }`,
      `class B { constructor(private readonly ld: LDClient) {} go() { return this.ld.jsonVariation("b", user, {}); } }`,
    ].join("\n");
    expect(checks("launchdarkly", source)).toEqual([
      ["a", "call", true],
      ["b", "call", true],
    ]);
  });

  it("reads useFlags() properties as camelCased keys, in every shape", () => {
    const source = [
      `import { useFlags, useLDClient } from "launchdarkly-react-client-sdk";`,
      `export function Checkout() {`,
      `  const { newCheckout, darkMode: dark, ...rest } = useFlags();`,
      `  const flags = useFlags();`,
      `  const client = useLDClient();`,
      `  return [flags.newCheckout, useFlags()["dark_mode"], flags.hasOwnProperty("x"), client?.variation("c", false)];`,
      `}`,
    ].join("\n");
    const found = references("launchdarkly", source);
    expect(found.map(({ flag, kind, keyText }) => [flag, kind, keyText])).toEqual([
      ["new-checkout", "hook", "newCheckout"],
      ["dark_mode", "hook", "darkMode"],
      ["new-checkout", "hook", "newCheckout"],
      ["dark_mode", "hook", `"dark_mode"`],
      ["c", "call", `"c"`],
    ]);
    const renamed = found[1]!;
    expect(source.slice(renamed.siteStart, renamed.siteEnd)).toBe("dark");
  });

  it("finds the browser client with no context argument, and ignores variation() on anything else", () => {
    const source = [
      `import { initialize } from "launchdarkly-js-client-sdk";`,
      `const client = initialize("client-side-id", { kind: "user", key: "u" });`,
      `client.variation("a", false);`,
      `client.allFlags()["b"];`,
      `const pricing = { variation: (name: string) => name };`,
      `pricing.variation("not-a-flag");`,
    ].join("\n");
    expect(checks("launchdarkly", source)).toEqual([
      ["a", "call", null],
      ["b", "member", null],
    ]);
  });
});

describe("the unleash preset", () => {
  it("finds the Node client, its module functions and destructured methods", () => {
    const source = [
      `const { initialize, isEnabled: unleashOn } = require("unleash-client");`,
      `const unleash = initialize({ appName: "api", url: "http://unleash" });`,
      `unleash.isEnabled("a", ctx);`,
      `unleashOn("b");`,
      `const { getVariant } = unleash;`,
      `getVariant("c", ctx);`,
    ].join("\n");
    expect(checks("unleash", source)).toEqual([
      ["a", "call", true],
      ["b", "call", false],
      ["c", "call", true],
    ]);
  });

  it("does not take a strategy's isEnabled(parameters, context) for a check", () => {
    const source = [
      `import { Strategy, type Unleash } from "unleash-client";`,
      `export class TenantStrategy extends Strategy {`,
      `  isEnabled(parameters: { tenants: string }, context: { tenant?: string }) {`,
      `    return super.isEnabled(parameters, context) && this.isEnabled(parameters, context);`,
      `  }`,
      `}`,
      `function evaluate(strategy: Strategy, client: Unleash) {`,
      `  return strategy.isEnabled({}, {}) || client.isEnabled("real", {});`,
      `}`,
    ].join("\n");
    expect(checks("unleash", source)).toEqual([["real", "call", true]]);
  });

  it("finds the frontend client and the React hooks, and ignores the toggle list", () => {
    const source = [
      `import { useFlag, useFlags, useUnleashClient } from "@unleash/proxy-client-react";`,
      `export function Nav() {`,
      `  const enabled = useFlag("a");`,
      `  const client = useUnleashClient();`,
      `  const flags = useFlags();`,
      `  return enabled && client.isEnabled("b") && flags.length > 0;`,
      `}`,
    ].join("\n");
    expect(checks("unleash", source)).toEqual([
      ["a", "hook", null],
      ["b", "call", null],
    ]);
  });
});

describe("the growthbook preset", () => {
  it("tells the single-user, multi-user and scoped clients apart by their context", () => {
    const source = [
      `import { GrowthBook, GrowthBookClient } from "@growthbook/growthbook";`,
      `const gb = new GrowthBook({ attributes: { id: "u" } });`,
      `gb.isOn("a");`,
      `const multi = new GrowthBookClient({ clientKey: "k" });`,
      `multi.getFeatureValue("b", false, userContext);`,
      `multi.isOn("c");`,
      `multi.createScopedInstance(userContext).isOff("d");`,
    ].join("\n");
    expect(checks("growthbook", source)).toEqual([
      ["a", "call", null],
      ["b", "call", true],
      ["c", "call", false],
      ["d", "call", true],
    ]);
  });

  it("finds the React hooks in JSX, gate components, and the hook's client", () => {
    const source = [
      `import { useFeatureIsOn, useGrowthBook, IfFeatureEnabled, FeatureString } from "@growthbook/growthbook-react";`,
      `export function Page() {`,
      `  const gb = useGrowthBook();`,
      `  return (`,
      `    <main>`,
      `      {useFeatureIsOn("a") && <Banner />}`,
      `      <IfFeatureEnabled feature="b"><New /></IfFeatureEnabled>`,
      `      <FeatureString feature="c" default="Buy" />`,
      `      {gb?.isOn("d") ? <New /> : null}`,
      `      <Other feature="not-a-gate" />`,
      `    </main>`,
      `  );`,
      `}`,
    ].join("\n");
    expect(references("growthbook", source).map(({ flag, kind, line }) => [flag, kind, line])).toEqual([
      ["a", "hook", 6],
      ["b", "property", 7],
      ["c", "property", 8],
      ["d", "call", 9],
    ]);
  });
});

describe("the flagsmith preset", () => {
  it("knows whether Node flags were evaluated for an identity", () => {
    const source = [
      `import { Flagsmith } from "flagsmith-nodejs";`,
      `const flagsmith = new Flagsmith({ environmentKey: "key" });`,
      `export async function handler(userId: string) {`,
      `  const environment = await flagsmith.getEnvironmentFlags();`,
      `  const identity = await flagsmith.getIdentityFlags(userId, { plan: "pro" });`,
      `  return environment.isFeatureEnabled("a") && identity.getFeatureValue("b");`,
      `}`,
    ].join("\n");
    expect(checks("flagsmith", source)).toEqual([
      ["a", "call", false],
      ["b", "call", true],
    ]);
  });

  it("finds the browser client and every key listed to the React hook", () => {
    const source = [
      `import flagsmith from "flagsmith";`,
      `import { useFlags } from "flagsmith/react";`,
      `flagsmith.hasFeature("a");`,
      `export function Hero() {`,
      `  const flags = useFlags(["b", "c"], ["plan"]);`,
      `  return flags.b.enabled;`,
      `}`,
    ].join("\n");
    const found = references("flagsmith", source);
    expect(found.map(({ flag, kind }) => [flag, kind])).toEqual([
      ["a", "call"],
      ["b", "hook"],
      ["c", "hook"],
    ]);
    // The list is the site: there is no single value the cleanup could replace.
    expect(source.slice(found[1]!.siteStart, found[1]!.siteEnd)).toBe(`["b", "c"]`);
  });
});

describe("the posthog preset", () => {
  it("finds the browser, React and Node checks, and the distinctId as the Node context", () => {
    const source = [
      `import posthog from "posthog-js";`,
      `import { useFeatureFlagEnabled, PostHogFeature } from "@posthog/react";`,
      `import { PostHog } from "posthog-node";`,
      `posthog.isFeatureEnabled("a");`,
      `const on = useFeatureFlagEnabled("b");`,
      `const gate = <PostHogFeature flag="c" match={true}>new</PostHogFeature>;`,
      `const server = new PostHog("key");`,
      `await server.getFeatureFlag("d", distinctId);`,
      `const flags = await server.evaluateFlags(distinctId);`,
      `flags.isEnabled("e");`,
    ].join("\n");
    expect(checks("posthog", source)).toEqual([
      ["a", "call", null],
      ["b", "hook", null],
      ["c", "property", null],
      ["d", "call", true],
      ["e", "call", null],
    ]);
  });
});

describe("the statsig preset", () => {
  it("reads the key after the user on the server and first on the client", () => {
    const source = [
      `import Statsig from "statsig-node";`,
      `import { StatsigClient } from "@statsig/js-client";`,
      `import { useGateValue, useStatsigClient } from "@statsig/react-bindings";`,
      `Statsig.checkGate(user, "a");`,
      `Statsig.getConfig(user, "a-config");`,
      `const client = new StatsigClient("client-key", { userID: "u" });`,
      `client.checkGate("b");`,
      `const on = useGateValue("c");`,
      `const { client: hooked, getExperiment } = useStatsigClient();`,
      `hooked.getFeatureGate("d");`,
      `getExperiment("e");`,
    ].join("\n");
    expect(checks("statsig", source)).toEqual([
      ["a", "call", true],
      ["b", "call", null],
      ["c", "hook", null],
      ["d", "call", null],
      ["e", "call", null],
    ]);
  });
});

describe("the configcat preset", () => {
  it("reads the user as the third argument on servers, and leaves the browser's default user unknown", () => {
    const source = [
      `import * as configcat from "configcat-node";`,
      `import { getClient } from "@configcat/sdk";`,
      `import * as browser from "configcat-js";`,
      `import { useFeatureFlag } from "configcat-react";`,
      `const client = configcat.getClient("sdk-key");`,
      `await client.getValueAsync("a", false, user);`,
      `getClient("sdk-key").snapshot().getValue("b", false);`,
      `await browser.getClient("sdk-key").getValueAsync("c", false);`,
      `const { value } = useFeatureFlag("d", false);`,
    ].join("\n");
    expect(checks("configcat", source)).toEqual([
      ["a", "call", true],
      ["b", "call", false],
      ["c", "call", null],
      ["d", "hook", null],
    ]);
  });
});

describe("the split preset", () => {
  it("tells the server signature from the browser one by the arguments", () => {
    const source = [
      `import { SplitFactory } from "@splitsoftware/splitio";`,
      `const client = SplitFactory({ core: { authorizationKey: "k" } }).client();`,
      `client.getTreatment(userKey, "a", { plan: "pro" });`,
      `client.getTreatment("b");`,
      `client.getTreatment("c", { plan: "pro" });`,
      `client.getTreatments(userKey, ["d", "e"]);`,
      `client.getTreatmentsWithConfig(["f"]);`,
    ].join("\n");
    expect(checks("split", source)).toEqual([
      ["a", "call", true],
      ["b", "call", null],
      ["c", "call", null],
      ["d", "call", true],
      ["e", "call", true],
      ["f", "call", null],
    ]);
  });

  it("reads the React hooks' names option and follows the SDK's global types", () => {
    const source = [
      `import { useTreatment, useSplitTreatments } from "@splitsoftware/splitio-react";`,
      `const { treatment } = useTreatment({ name: "a" });`,
      `const { treatments } = useSplitTreatments({ names: ["b", "c"] });`,
      `const dynamic = useTreatment(options);`,
      `export function serve(client: SplitIO.IClient) { return client.getTreatment(key, "d"); }`,
    ].join("\n");
    expect(checks("split", source)).toEqual([
      ["a", "hook", null],
      ["b", "hook", null],
      ["c", "hook", null],
      [null, "hook", null],
      ["d", "call", true],
    ]);
  });
});

describe("presets", () => {
  it("label references sdk:<name> and sit at the key of a multi-line call", () => {
    const source = `import { OpenFeature } from "@openfeature/server-sdk";\nawait OpenFeature.getClient().getBooleanValue(\n  "late-key",\n  false,\n  ctx,\n);`;
    expect(references("openfeature", source)[0]).toMatchObject({
      flag: "late-key",
      matcher: "sdk:openfeature",
      line: 3,
      column: 3,
      endColumn: 13,
      context: true,
    });
  });

  it("are only on when detect.sdks names them", () => {
    const source = `import { useFeatureIsOn } from "@growthbook/growthbook-react";\nuseFeatureIsOn("a");`;
    expect(references("launchdarkly", source)).toEqual([]);
    expect(references("growthbook", source)).toHaveLength(1);
  });

  it("leave a site a configured call already found to that call", () => {
    const source = `import { useFeatureIsOn } from "@growthbook/growthbook-react";\nuseFeatureIsOn("a");`;
    const calls = [{ module: "@growthbook/growthbook-react", import: "useFeatureIsOn", keyArg: 0 }];
    expect(references("growthbook", source, { calls }).map(({ matcher }) => matcher)).toEqual(["calls[0]"]);
  });

  it("leave an enum member passed as the key to the call, and resolve it", () => {
    const source = [
      `import { useFeatureValue } from "@growthbook/growthbook-react";`,
      `enum Keys { PRICING = "pricing-page" }`,
      `useFeatureValue(Keys.PRICING, null);`,
    ].join("\n");
    const found = references("growthbook", source, { constants: [{ name: "Keys" }] });
    expect(found.map(({ flag, matcher }) => [flag, matcher])).toEqual([["pricing-page", "sdk:growthbook"]]);
  });

  it("report a key they cannot resolve as dynamic", () => {
    const source = `import { useFeatureIsOn } from "@growthbook/growthbook-react";\nexport const useOn = (name: string) => useFeatureIsOn(name);`;
    expect(references("growthbook", source)[0]).toMatchObject({ flag: null, dynamic: true, keyText: "name" });
  });

  it("follow a let assigned later and a require of the SDK", () => {
    const source = [
      `const LaunchDarkly = require("launchdarkly-node-server-sdk");`,
      `let client;`,
      `function connect() { client = LaunchDarkly.init(process.env.LD_KEY); }`,
      `function isOn(user) { return client.variation("a", user, false); }`,
      `function untyped(ldClient) { return ldClient.variation("unknown-origin", {}, false); }`,
    ].join("\n");
    expect(checks("launchdarkly", source)).toEqual([["a", "call", true]]);
  });
});
