// LaunchDarkly: the Node server SDK (new and legacy package), the browser SDKs and the React SDK.
// From @launchdarkly/node-server-sdk 9.13, launchdarkly-node-server-sdk 7.0, launchdarkly-js-client-sdk 3.9,
// @launchdarkly/js-client-sdk 4.10 and launchdarkly-react-client-sdk 3.9 type declarations.
import { sameCheck, type SdkPreset } from "./types.js";

const VARIATIONS = [
  "variation",
  "variationDetail",
  "boolVariation",
  "boolVariationDetail",
  "numberVariation",
  "numberVariationDetail",
  "stringVariation",
  "stringVariationDetail",
  "jsonVariation",
  "jsonVariationDetail",
];

const SERVER = { exports: { init: "serverInit" }, types: { LDClient: "serverClient" } };

export const launchdarkly: SdkPreset = {
  name: "launchdarkly",
  tokens: ["launchdarkly"],
  packages: [
    { module: "@launchdarkly/node-server-sdk", ...SERVER },
    { module: "launchdarkly-node-server-sdk", ...SERVER },
    { module: "launchdarkly-js-client-sdk", exports: { initialize: "browserInit" }, types: { LDClient: "browserClient" } },
    { module: "@launchdarkly/js-client-sdk", exports: { createClient: "browserInit" }, types: { LDClient: "browserClient" } },
    { module: "launchdarkly-react-client-sdk", exports: { useFlags: "flagsHook", useLDClient: "clientHook" } },
  ],
  kinds: {
    serverInit: { call: "serverClient" },
    // variation(key, context, defaultValue): the context is per call.
    serverClient: { methods: { ...sameCheck([...VARIATIONS, "migrationVariation"], { key: 0, context: 1 }) } },
    browserInit: { call: "browserClient" },
    // variation(key, defaultValue): the client was identified with its context up front.
    browserClient: { methods: { ...sameCheck(VARIATIONS, { key: 0, context: null }), allFlags: "allFlags" } },
    allFlags: { flagSet: { keyCase: "exact", hook: false } },
    flagsHook: { call: "hookFlags" },
    // useFlags() camelCases keys by default (useCamelCaseFlagKeys): newCheckout reads new-checkout.
    hookFlags: { flagSet: { keyCase: "camel", hook: true } },
    clientHook: { call: "browserClient" },
  },
};
